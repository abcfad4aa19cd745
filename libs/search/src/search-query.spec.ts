import { ErrorCode } from '@chedun/kernel';
import { meiliFilter } from './meilisearch-search.index';
import { escapeLike, queryWords } from './search-text';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { SearchSort } from './search-index.port';

describe('search query building', () => {
  it.each([
    ['one word', 'lant', ['lant']],
    ['words in order, as typed', 'Lotus lant', ['Lotus', 'lant']],
    ['tsquery syntax in the input is dropped', "lotus & !(lant):* | 'x'", ['lotus', 'lant', 'x']],
    ['Chinese stays one token', '宝莲灯', ['宝莲灯']],
    ['at most 8 words', 'a b c d e f g h i j', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('%s', (_name, text, expected) => {
    expect(queryWords(text)).toEqual(expected);
  });

  it('has no word for punctuation only, and escapes LIKE wildcards', () => {
    expect(queryWords('&&& !!')).toEqual([]);
    expect(escapeLike('100%_off\\')).toBe('100\\%\\_off\\\\');
  });

  it('quotes every Meilisearch filter value, so input cannot change the expression', () => {
    expect(
      meiliFilter({
        merchantId: 'a" OR kind = "x',
        categories: ['FOOD', 'TOUR'] as never,
        minPriceMinor: 100.7,
        availableOn: '2026-12-05',
      }),
    ).toEqual([
      'merchantId = "a\\" OR kind = \\"x"',
      'category IN ["FOOD", "TOUR"]',
      'priceFromMinor >= 100',
      'availableDates = "2026-12-05"',
    ]);
  });

  it('round-trips cursors and refuses one from another sort', () => {
    const key = encodeSearchCursor(SearchSort.PRICE_ASC, { kind: 'key', value: 990, productId: 'p-1' });
    expect(decodeSearchCursor(SearchSort.PRICE_ASC, key, true)).toEqual({ kind: 'key', value: 990, productId: 'p-1' });
    expect(() => decodeSearchCursor(SearchSort.NEWEST, key, true)).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }),
    );
    const offset = encodeSearchCursor(SearchSort.RELEVANCE, { kind: 'offset', offset: 40 });
    expect(decodeSearchCursor(SearchSort.RELEVANCE, offset, false)).toEqual({ kind: 'offset', offset: 40 });
    expect(() => decodeSearchCursor(SearchSort.RELEVANCE, 'garbage', false)).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }),
    );
  });
});
