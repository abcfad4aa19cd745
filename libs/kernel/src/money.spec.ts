import fc from 'fast-check';
import { bps } from './bps';
import { Money } from './money';

describe('Money', () => {
  it.each([
    // name, line net (fen), royalty bps, expected royalty (fen)
    ['a 128.00 yuan pin at 12.5 %', 12_800, 1_250, 1_600],
    ['a 0.99 yuan sticker at 8 % rounds down', 99, 800, 7],
    ['a 1 fen line at 99.99 % rounds down to zero', 1, 9_999, 0],
    ['a 299.00 yuan ticket at 0 %', 29_900, 0, 0],
    ['a 299.00 yuan ticket at 100 %', 29_900, 10_000, 29_900],
  ])('shareAt: %s', (_, net, rate, expected) => {
    expect(Money.of(net).shareAt(bps(rate)).amountMinor).toBe(expected);
  });

  it('shareAt stays exact beyond 2^53 intermediate products', () => {
    const big = Money.of(9_000_000_000_000_000);
    expect(big.shareAt(bps(3_333)).amountMinor).toBe(2_999_700_000_000_000);
  });

  it.each([
    ['three equal parts of 100 fen', 100, [1, 1, 1], [34, 33, 33]],
    ['royalty/fee/merchant weights', 10_001, [1_250, 1_000, 7_750], [1_250, 1_000, 7_751]],
    ['a zero weight gets nothing', 7, [0, 1, 1], [0, 4, 3]],
  ])('allocate: %s', (_, amount, weights, expected) => {
    expect(
      Money.of(amount)
        .allocate(weights)
        .map((m) => m.amountMinor),
    ).toEqual(expected);
  });

  it('allocate never loses or creates a fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = Money.of(amount).allocate(weights);
          expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(amount);
          expect(parts.every((p) => p.amountMinor >= 0)).toBe(true);
        },
      ),
    );
  });

  it('scaledFloor follows the cumulative refund rule so a full refund reverses the whole share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (gross, rate) => {
        const share = Money.of(gross).shareAt(bps(rate));
        expect(share.scaledFloor(gross, gross).amountMinor).toBe(share.amountMinor);
        expect(share.scaledFloor(0, gross).amountMinor).toBe(0);
      }),
    );
  });

  it('refuses fractional amounts, unknown currencies and mixing currencies', () => {
    expect(() => Money.of(1.5)).toThrow(/whole number/);
    expect(() => Money.of(1, 'XYZ')).toThrow(/Unsupported currency/);
    expect(() => Money.of(1, 'CNY').plus(Money.of(1, 'USD'))).toThrow(/Cannot combine/);
    expect(() => bps(10_001)).toThrow(/basis points/);
  });
});
