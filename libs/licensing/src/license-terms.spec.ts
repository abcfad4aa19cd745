import { ErrorCode, Money, ProductCategory } from '@chedun/kernel';
import { LicenseTermsDraft, validTerms } from './license-terms';

const TODAY = '2026-11-25';
const good: LicenseTermsDraft = {
  royaltyBps: 1_250,
  categories: [ProductCategory.APPAREL, ProductCategory.CRAFT, ProductCategory.APPAREL],
  territory: 'CN',
  startsOn: '2026-12-01',
  endsOn: '2027-11-30',
  advance: Money.of(5_000_000),
  minimumGuarantee: null,
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const CEILING = 100_000_000;

describe('validTerms', () => {
  it('keeps good terms, dropping repeated categories', () => {
    const terms = validTerms(good, TODAY, CEILING);
    expect(terms).toMatchObject({
      royaltyBps: 1_250,
      categories: [ProductCategory.APPAREL, ProductCategory.CRAFT],
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
      advanceMinor: 5_000_000,
      advanceCurrency: 'CNY',
      minimumGuaranteeMinor: null,
      minimumGuaranteeCurrency: null,
    });
  });

  it.each([
    ['a rate above 100 %', { royaltyBps: 10_001 }, /basis points/],
    ['a fractional rate', { royaltyBps: 12.5 }, /basis points/],
    ['no categories', { categories: [] }, /at least one/],
    ['an end before the start', { endsOn: '2026-11-30' }, /after startsOn/],
    ['an end equal to the start', { endsOn: '2026-12-01' }, /after startsOn/],
    ['a term already over', { startsOn: '2025-01-01', endsOn: '2025-12-31' }, /before today/],
    ['a negative advance', { advance: Money.of(-1) }, /advance must not be negative/],
    ['a negative minimum guarantee', { minimumGuarantee: Money.of(-100) }, /minimumGuarantee/],
    ['an advance above the ceiling', { advance: Money.of(100_000_001) }, /advance must be at most 100000000/],
    [
      'a minimum guarantee above the ceiling',
      { minimumGuarantee: Money.of(Number.MAX_SAFE_INTEGER) },
      /minimumGuarantee must be at most/,
    ],
    ['a lower-case territory', { territory: 'cn' }, /territory/],
    ['a date that does not exist', { endsOn: '2027-02-30' }, /not a calendar date/],
  ])('refuses %s', (_, change, message) => {
    const draft = { ...good, ...change } as LicenseTermsDraft;
    expect(() => validTerms(draft, TODAY, CEILING)).toThrow(message);
    if (!/calendar/.test(String(message)))
      expect(codeOf(() => validTerms(draft, TODAY, CEILING))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('accepts an advance and a guarantee of exactly the ceiling', () => {
    const terms = validTerms(
      { ...good, advance: Money.of(CEILING), minimumGuarantee: Money.of(CEILING) },
      TODAY,
      CEILING,
    );
    expect([terms.advanceMinor, terms.minimumGuaranteeMinor]).toEqual([CEILING, CEILING]);
  });

  it('accepts a rate of exactly 0 and exactly 10000 bps', () => {
    expect(validTerms({ ...good, royaltyBps: 0 }, TODAY, CEILING).royaltyBps).toBe(0);
    expect(validTerms({ ...good, royaltyBps: 10_000 }, TODAY, CEILING).royaltyBps).toBe(10_000);
  });
});
