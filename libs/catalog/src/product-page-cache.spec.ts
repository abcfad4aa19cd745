import { ProductPageCache } from './product-page-cache';
import type { ProductWithChildren } from './product-children.repository';
import { ProductEntity, TimeSlotEntity } from './product.entity';

const T0 = Date.parse('2026-03-01T00:00:00Z');

function page(id: string, slotStarts: number[] = []): ProductWithChildren {
  const product = Object.assign(new ProductEntity(), { id, name: id });
  const upcomingSlots = slotStarts.map((s) =>
    Object.assign(new TimeSlotEntity(), { id: `${id}-${s}`, startsAt: new Date(s) }),
  );
  return { product, children: { variants: [], ticketTypes: [], upcomingSlots, venue: null } };
}

describe('ProductPageCache', () => {
  let appNow: number;
  let wallNow: number;
  const live = (maxEntries = 10): ProductPageCache => {
    const cache = new ProductPageCache(
      () => appNow,
      maxEntries,
      () => wallNow,
    );
    cache.setLive(true);
    return cache;
  };
  const fill = (cache: ProductPageCache, p: ProductWithChildren): void => cache.put(p, new Date(appNow), cache.begin());

  beforeEach(() => {
    appNow = T0;
    wallNow = 1_000_000;
  });

  it('keeps nothing while no listener is connected', () => {
    const cache = new ProductPageCache(
      () => appNow,
      10,
      () => wallNow,
    );
    cache.put(page('a'), new Date(appNow), cache.begin());
    expect(cache.get('a')).toBeUndefined();
    cache.setLive(true);
    fill(cache, page('a'));
    expect(cache.get('a')?.product.id).toBe('a');
    cache.setLive(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('hands out the same frozen page', () => {
    const cache = live();
    fill(cache, page('a', [T0 + 3600_000]));
    const got = cache.get('a') as ProductWithChildren;
    expect(cache.get('a')).toBe(got);
    expect(Object.isFrozen(got.product)).toBe(true);
    expect(Object.isFrozen(got.children.upcomingSlots)).toBe(true);
    expect(Object.isFrozen(got.children.upcomingSlots[0])).toBe(true);
  });

  it('drops the pages a notification names, or all without names, and what was read while it arrived', () => {
    const cache = live();
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.changed(['a']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    const generation = cache.begin();
    cache.changed(['x']);
    cache.put(page('c'), new Date(appNow), generation);
    expect(cache.get('c')).toBeUndefined();
    cache.changed();
    expect(cache.get('b')).toBeUndefined();
  });

  it('ends a page when its first slot starts or 60 s of application time have passed, and when time goes back', () => {
    const cache = live();
    fill(cache, page('slot', [T0 + 10_000, T0 + 50_000]));
    fill(cache, page('plain'));
    appNow = T0 + 9_999;
    wallNow += 500;
    expect(cache.get('slot')).toBeDefined();
    appNow = T0 + 10_000;
    expect(cache.get('slot')).toBeUndefined();
    appNow = T0 + 59_999;
    expect(cache.get('plain')).toBeDefined();
    appNow = T0 + 60_000;
    expect(cache.get('plain')).toBeUndefined();
    appNow = T0;
    fill(cache, page('back'));
    appNow = T0 - 1;
    expect(cache.get('back')).toBeUndefined();
  });

  it('keeps live numbers one second of real time, however the application clock stands', () => {
    const cache = live();
    fill(cache, page('a'));
    wallNow += 999;
    expect(cache.get('a')).toBeDefined();
    wallNow += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('after its own write, reads a product from the database until the notification or 2 s', () => {
    const cache = live();
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.ownWrite(['a', 'b']);
    expect(cache.get('a')).toBeUndefined();
    fill(cache, page('a'));
    expect(cache.get('a')).toBeUndefined();
    cache.changed(['a']); // heard: a's write is committed
    fill(cache, page('a'));
    expect(cache.get('a')).toBeDefined();
    fill(cache, page('b'));
    expect(cache.get('b')).toBeUndefined();
    wallNow += 2000;
    fill(cache, page('b'));
    expect(cache.get('b')).toBeDefined();
  });

  it('is bounded, dropping the least recently used first', () => {
    const cache = live(2);
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.get('a');
    fill(cache, page('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});
