import { cjkGrams } from './search-text';

describe('cjkGrams (query side of search_cjk_grams)', () => {
  it('takes the bigrams of each CJK run and the character of a one-character run', () => {
    expect(cjkGrams('宝莲')).toEqual(['宝莲']);
    expect(cjkGrams('宝莲灯')).toEqual(['宝莲', '莲灯']);
    expect(cjkGrams('灯')).toEqual(['灯']);
    expect(cjkGrams('宝莲灯T恤')).toEqual(['宝莲', '莲灯', '恤']);
    expect(cjkGrams('lotus lantern')).toEqual([]);
  });
});
