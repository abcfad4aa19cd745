/// <reference types="jest" />
import { combinations, optionProblems, rowProblems, splitValues, suggestedSku } from './variant-grid';

const size = { nameZh: '尺码', name: 'Size', valuesZh: 'S, M, L', values: '' };
const colour = { nameZh: '颜色', name: 'Colour', valuesZh: '黑，白', values: 'Black, White' };

describe('the merchant console variant grid', () => {
  it('splits values typed with Chinese or Latin commas, the enumeration comma, slashes or spaces', () => {
    expect(splitValues(' 黑，白、红/蓝 绿,  ')).toEqual(['黑', '白', '红', '蓝', '绿']);
  });

  it('makes three sizes × two colours into six rows, the first option varying slowest', () => {
    const rows = combinations([size, colour]);
    expect(rows.map((r) => r.key)).toEqual(['S / 黑', 'S / 白', 'M / 黑', 'M / 白', 'L / 黑', 'L / 白']);
    expect(rows[3]!.options).toEqual([
      { name: 'Size', nameZh: '尺码', value: 'M', valueZh: 'M' },
      { name: 'Colour', nameZh: '颜色', value: 'White', valueZh: '白' },
    ]);
  });

  it('has one row without options when none are defined', () => {
    expect(combinations([])).toEqual([{ key: '', options: [] }]);
  });

  it('suggests SKUs from the English values, or the value’s place when there is only Chinese', () => {
    const rows = combinations([size, colour]);
    expect(suggestedSku('tee 01', rows[3]!, [size, colour])).toBe('TEE-01-M-WHITE');
    const zhOnly = { ...colour, values: '' };
    expect(suggestedSku('TEE', combinations([size, zhOnly])[1]!, [size, zhOnly])).toBe('TEE-S-2');
  });

  it('finds options without a name or values, named twice, or with English values that do not pair up', () => {
    expect(optionProblems([size, colour])).toEqual([]);
    expect(
      optionProblems([
        { nameZh: '', name: '', valuesZh: 'a', values: '' },
        { ...size, values: 'Small' },
        { ...size },
        { nameZh: '材质', name: '', valuesZh: '', values: '' },
        { nameZh: '款式', name: '', valuesZh: '长, 长', values: '' },
      ]).map((p) => p.key),
    ).toEqual([
      'variants.optionNameMissing',
      'variants.valuesMismatch',
      'variants.optionTwice',
      'variants.valuesMissing',
      'variants.valueTwice',
    ]);
  });

  it('finds rows with a missing or malformed SKU, a SKU used twice (whatever the case), no price or no stock', () => {
    const isPrice = (text: string) => /^\d+(\.\d{1,2})?$/.test(text) && Number(text) > 0;
    const problems = rowProblems(
      ['a', 'b', 'c', 'd', 'e'],
      {
        a: { sku: 'TEE-S', price: '99', stock: '5' },
        b: { sku: 'tee-s', price: '99', stock: '5' },
        c: { sku: '', price: '', stock: '' },
        d: { sku: '中文', price: '0', stock: '-1' },
      },
      isPrice,
    );
    expect(Object.fromEntries(problems)).toEqual({
      a: ['skuTwice'],
      b: ['skuTwice'],
      c: ['sku', 'price', 'stock'],
      d: ['skuFormat', 'price', 'stock'],
      e: ['sku', 'price', 'stock'],
    });
  });
});
