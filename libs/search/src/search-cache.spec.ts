import { SearchResultCache } from './search-cache';
import { SearchPage, SearchSort } from './search-index.port';

const page = (totalCount: number): SearchPage => ({
  totalCount,
  hits: [],
  hasNextPage: false,
  endCursor: null,
  facets: { categories: [], filmIps: [] },
});

describe('SearchResultCache', () => {
  let now = 0;
  const live = (maxEntries = 10): SearchResultCache => {
    const cache = new SearchResultCache(maxEntries, () => now);
    cache.setLive(true);
    return cache;
  };

  it('keys a query by its content, whatever the order of filter keys or of categories', () => {
    const a = SearchResultCache.key({
      text: ' lantern ',
      sort: SearchSort.RELEVANCE,
      first: 20,
      filter: { kind: null, categories: ['FOOD', 'HOME'] as never, maxPriceMinor: 5 },
    });
    const b = SearchResultCache.key({
      text: 'lantern',
      sort: SearchSort.RELEVANCE,
      first: 20,
      filter: { maxPriceMinor: 5, categories: ['HOME', 'FOOD'] as never },
    });
    expect(a).toBe(b);
    expect(SearchResultCache.key({ text: 'lantern', sort: SearchSort.RELEVANCE, first: 21 })).not.toBe(
      SearchResultCache.key({ text: 'lantern', sort: SearchSort.RELEVANCE, first: 20 }),
    );
  });

  it('answers only while its listener is live', () => {
    const cache = new SearchResultCache(10, () => now);
    cache.put('k', page(1), cache.begin());
    expect(cache.get('k')).toBeUndefined();
    cache.setLive(true);
    cache.put('k', page(1), cache.begin());
    expect(cache.get('k')?.totalCount).toBe(1);
    cache.setLive(false);
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops an answer computed while a change arrived, and forgets everything on a change', () => {
    const cache = live();
    const generation = cache.begin();
    cache.changed();
    cache.put('k', page(1), generation);
    expect(cache.get('k')).toBeUndefined();
    cache.put('k', page(2), cache.begin());
    cache.changed();
    expect(cache.get('k')).toBeUndefined();
  });

  it("after this process's own write, keeps nothing until its notification has surely arrived", () => {
    const cache = live();
    now = 1000;
    cache.ownWrite();
    cache.put('k', page(1), cache.begin());
    expect(cache.get('k')).toBeUndefined();
    now = 3000;
    cache.put('k', page(1), cache.begin());
    expect(cache.get('k')?.totalCount).toBe(1);
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = live(2);
    cache.put('a', page(1), cache.begin());
    cache.put('b', page(2), cache.begin());
    cache.get('a');
    cache.put('c', page(3), cache.begin());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.totalCount).toBe(1);
    expect(cache.size).toBe(2);
  });
});
