import { ErrorCode } from '@chedun/kernel';
import { variantOptionsOf } from './variant-options';

const size = (value: string) => ({ name: 'Size', nameZh: '尺码', value });
const colour = (value: string, valueZh: string) => ({ name: 'Colour', nameZh: '颜色', value, valueZh });

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('variant options: one product grid', () => {
  it('keeps a size × colour grid as given, trimmed, with missing Chinese as null', () => {
    const grid = ['S', 'M', 'L'].flatMap((s) =>
      [colour('Black', '黑'), colour('White', '白')].map((c) => ({ options: [size(` ${s} `), c] })),
    );
    const options = variantOptionsOf(grid);
    expect(options).toHaveLength(6);
    expect(options[2]).toEqual([
      { name: 'Size', nameZh: '尺码', value: 'M', valueZh: null },
      { name: 'Colour', nameZh: '颜色', value: 'Black', valueZh: '黑' },
    ]);
  });

  it('allows variants without options (a lone variant, or products made before options)', () => {
    expect(variantOptionsOf([{}, { options: [] }, { options: null }])).toEqual([[], [], []]);
  });

  it.each([
    [
      'the same combination twice, whatever the case',
      [{ options: [size('M')] }, { options: [size('m')] }],
      'Each combination of option values is one variant',
    ],
    [
      'a variant with other options than the first',
      [{ options: [size('M')] }, { options: [colour('Black', '黑')] }],
      'Every variant names the same options in the same order',
    ],
    [
      'options in another order',
      [{ options: [size('M'), colour('Black', '黑')] }, { options: [colour('White', '白'), size('M')] }],
      'Every variant names the same options in the same order',
    ],
    [
      'one variant with options and one without',
      [{ options: [size('M')] }, {}],
      'Every variant names the same options in the same order',
    ],
    ['an option named twice', [{ options: [size('M'), size('L')] }], 'An option is named once per variant'],
  ])('refuses %s', (_case, variants, message) => {
    expect(refusal(() => variantOptionsOf(variants))).toEqual({ code: ErrorCode.BAD_USER_INPUT, message });
  });
});
