import { FilmIpSummaryCache } from './film-ip-summary-cache';
import type { FilmIpSummary } from './film-ip.reader';

const ip = (id: string, title = `Title ${id}`): FilmIpSummary => ({ id, studioId: 's', title, titleZh: null });

describe('FilmIpSummaryCache', () => {
  const live = (maxEntries = 10): FilmIpSummaryCache => {
    const cache = new FilmIpSummaryCache(maxEntries);
    cache.setLive(true);
    return cache;
  };

  it('answers only while its listener is live, and forgets everything when the listener is lost', () => {
    const cache = new FilmIpSummaryCache(10);
    cache.put([ip('a')], cache.begin());
    expect(cache.get('a')).toBeUndefined();
    cache.setLive(true);
    cache.put([ip('a')], cache.begin());
    expect(cache.get('a')?.title).toBe('Title a');
    cache.setLive(false);
    expect(cache.get('a')).toBeUndefined();
    // Back live (a reconnected listener): nothing from before the loss survives.
    cache.setLive(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets everything on a change, and drops rows read while a change arrived', () => {
    const cache = live();
    cache.put([ip('a', 'Foggy Quay')], cache.begin());
    cache.changed();
    expect(cache.get('a')).toBeUndefined();
    const generation = cache.begin();
    cache.changed();
    cache.put([ip('a', 'Foggy Quay')], generation);
    expect(cache.get('a')).toBeUndefined();
    cache.put([ip('a', 'Moonlit Harbour')], cache.begin());
    expect(cache.get('a')?.title).toBe('Moonlit Harbour');
  });

  it('keeps at most its size, evicting the least recently used', () => {
    const cache = live(2);
    cache.put([ip('a'), ip('b')], cache.begin());
    cache.get('a');
    cache.put([ip('c')], cache.begin());
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    cache.put([ip('d'), ip('e'), ip('f')], cache.begin());
    expect(cache.size).toBe(2);
    expect(cache.get('e')).toBeDefined();
    expect(cache.get('f')).toBeDefined();
  });
});
