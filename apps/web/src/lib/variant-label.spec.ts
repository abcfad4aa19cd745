/// <reference types="jest" />
import { variantLabels } from './variant-label';

const skus = (...values: string[]) => values.map((sku) => ({ sku }));

describe('variant labels', () => {
  it.each([
    [
      'sizes and colours: the shared product code left out',
      skus('TEE-S-BLK', 'TEE-M-BLK', 'TEE-M-WHT'),
      ['S / BLK', 'M / BLK', 'M / WHT'],
    ],
    ['a shared suffix left out too', skus('MUG-RED-2026', 'MUG-BLUE-2026'), ['RED', 'BLUE']],
    ['one variant needs no choice', skus('BADGE-STD'), ['']],
    ['nothing shared: the whole code', skus('ALPHA', 'BETA'), ['ALPHA', 'BETA']],
    ['different lengths', skus('CAP', 'CAP-KIDS'), ['CAP', 'CAP / KIDS']],
  ])('%s', (_name, variants, expected) => {
    expect(variantLabels(variants)).toEqual(expected);
  });

  it("a variant's own label wins over its code", () => {
    expect(variantLabels([{ sku: 'TEE-S', label: 'S / 黑色' }, { sku: 'TEE-M' }])).toEqual(['S / 黑色', 'M']);
  });
});
