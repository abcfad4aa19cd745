import fc from 'fast-check';
import { Money } from '@chedun/kernel';
import {
  cumulativeReversal,
  refundPostings,
  refundReversal,
  reportedRoyaltyPostings,
  royaltyOf,
  salePostings,
  shippingFeePostings,
  shippingFeeRefundPostings,
  splitLine,
} from './revenue-split';

const cny = (fen: number): Money => Money.of(fen, 'CNY');
const fen = (split: { royalty: Money; fee: Money; merchant: Money }) => [
  split.royalty.amountMinor,
  split.fee.amountMinor,
  split.merchant.amountMinor,
];
const sum = (postings: { amount: Money }[]): number => postings.reduce((acc, p) => acc + p.amount.amountMinor, 0);

describe('splitLine: lines a studio would check by hand', () => {
  it.each([
    // name, gross fen, royalty bps, fee bps, [royalty, fee, merchant]
    ['a 99.00 yuan T-shirt at 12 % royalty and the 10 % default fee', 9_900, 1_200, 1_000, [1_188, 990, 7_722]],
    ['a 0.99 yuan sticker where both shares round down', 99, 1_250, 1_000, [12, 9, 78]],
    ['a 1 fen line: nobody but the merchant gets anything', 1, 1_500, 1_000, [0, 0, 1]],
    ['a free line', 0, 1_500, 1_000, [0, 0, 0]],
    ['a ranch tour for 2 at 388.00, 8 % royalty, 5 % merchant rate', 77_600, 800, 500, [6_208, 3_880, 67_512]],
    ['a 33.33 yuan keyring at 33.33 % royalty', 3_333, 3_333, 1_000, [1_110, 333, 1_890]],
    ['royalty and fee taking the whole line', 10_001, 9_000, 1_000, [9_000, 1_000, 1]],
    ['no royalty, no fee', 12_345, 0, 0, [0, 0, 12_345]],
  ])('%s', (_, gross, royaltyBps, feeBps, expected) => {
    const split = splitLine(cny(gross), royaltyBps, feeBps);
    expect(fen(split)).toEqual(expected);
    expect(split.royalty.plus(split.fee).plus(split.merchant).equals(split.gross)).toBe(true);
  });

  it('refuses a royalty and fee that together exceed the line, and rates outside 0..10 000', () => {
    expect(() => splitLine(cny(100), 9_500, 1_000)).toThrow(/exceed/);
    expect(() => splitLine(cny(100), -1, 1_000)).toThrow(/basis points/);
    expect(() => splitLine(cny(100), 12.5, 1_000)).toThrow(/basis points/);
    expect(() => splitLine(cny(-100), 1_000, 1_000)).toThrow(/negative/);
  });
});

describe('refundReversal: the cumulative method, by hand', () => {
  // 99.00 yuan at 12 % / 10 %: R 11.88, P 9.90, M 77.22.
  const tshirt = splitLine(cny(9_900), 1_200, 1_000);

  it.each([
    ['a third of the T-shirt back', 0, 3_300, [396, 330, 2_574]],
    ['the second third', 3_300, 6_600, [396, 330, 2_574]],
    ['the last third reverses exactly what is left', 6_600, 9_900, [396, 330, 2_574]],
    ['1 fen back: the studio keeps its royalty until a whole fen is due back', 0, 1, [0, 0, 1]],
    ['the rest after 1 fen', 1, 9_900, [1_188, 990, 7_721]],
    ['the whole line at once', 0, 9_900, [1_188, 990, 7_722]],
  ])('%s', (_, before, after, expected) => {
    const reversal = refundReversal(tshirt, before, after);
    expect(fen(reversal)).toEqual(expected);
    expect(reversal.amount.amountMinor).toBe(after - before);
  });

  it('three refunds of 33 fen on a 99 fen sticker add up to the whole split', () => {
    const sticker = splitLine(cny(99), 1_250, 1_000);
    const steps = [refundReversal(sticker, 0, 33), refundReversal(sticker, 33, 66), refundReversal(sticker, 66, 99)];
    expect(steps.map(fen)).toEqual([
      [4, 3, 26],
      [4, 3, 26],
      [4, 3, 26],
    ]);
    expect(fen(cumulativeReversal(sticker, 99))).toEqual(fen(sticker));
  });

  it('refuses refunding more than the line, or nothing', () => {
    expect(() => refundReversal(tshirt, 9_000, 9_901)).toThrow(/beyond/);
    expect(() => refundReversal(tshirt, 100, 100)).toThrow(/positive/);
  });
});

describe('revenue split properties', () => {
  const rates = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
    .filter(([r, p]) => r + p <= 10_000);
  const gross = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000_000 }));
  /** A line and a random sequence of partial refunds that never exceed it (maybe ending with the rest). */
  const refundedLine = fc
    .tuple(
      gross.filter((g) => g > 0),
      rates,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
      fc.boolean(),
    )
    .map(([g, [r, p], fractions, finish]) => {
      const cumulative: number[] = [];
      let refunded = 0;
      for (const f of fractions) {
        const step = Math.floor((g - refunded) * f);
        if (step > 0) cumulative.push((refunded += step));
      }
      if (finish && refunded < g) cumulative.push(g);
      return { g, r, p, cumulative };
    });

  it('every split sums exactly to the line, with no negative share', () => {
    fc.assert(
      fc.property(gross, rates, (g, [r, p]) => {
        const s = splitLine(cny(g), r, p);
        expect(s.royalty.amountMinor + s.fee.amountMinor + s.merchant.amountMinor).toBe(g);
        expect(Math.min(...fen(s))).toBeGreaterThanOrEqual(0);
        expect(BigInt(s.royalty.amountMinor)).toBe((BigInt(g) * BigInt(r)) / 10_000n);
        expect(BigInt(s.fee.amountMinor)).toBe((BigInt(g) * BigInt(p)) / 10_000n);
      }),
    );
  });

  it('every sale and refund entry balances', () => {
    fc.assert(
      fc.property(refundedLine, ({ g, r, p, cumulative }) => {
        const split = splitLine(cny(g), r, p);
        expect(sum(salePostings(split))).toBe(0);
        let before = 0;
        for (const after of cumulative) {
          expect(sum(refundPostings(refundReversal(split, before, after)))).toBe(0);
          before = after;
        }
      }),
    );
  });

  it('a full refund brings every share back to zero, however it is cut up', () => {
    fc.assert(
      fc.property(refundedLine, ({ g, r, p, cumulative }) => {
        const split = splitLine(cny(g), r, p);
        const steps = [...cumulative.filter((x) => x < g), g];
        const taken = [0, 0, 0];
        let before = 0;
        for (const after of steps) {
          fen(refundReversal(split, before, after)).forEach((v, i) => (taken[i]! += v));
          before = after;
        }
        expect(taken).toEqual(fen(split));
      }),
    );
  });

  it('no fen is created or lost across any sequence of partial refunds', () => {
    fc.assert(
      fc.property(refundedLine, ({ g, r, p, cumulative }) => {
        const split = splitLine(cny(g), r, p);
        const balances = { clearing: 0, studio: 0, platform: 0, merchant: 0 };
        const apply = (postings: { purpose: string; amount: Money }[]) => {
          for (const q of postings) {
            const key = {
              PAYMENT_CLEARING: 'clearing',
              STUDIO_ROYALTIES_PAYABLE: 'studio',
              PLATFORM_FEE_REVENUE: 'platform',
              MERCHANT_PAYABLE: 'merchant',
            }[q.purpose] as keyof typeof balances;
            balances[key] += q.amount.amountMinor;
          }
        };
        apply(salePostings(split));
        let before = 0;
        for (const after of cumulative) {
          const reversal = refundReversal(split, before, after);
          // Studio and platform only ever give back, never gain, on a refund.
          expect(reversal.royalty.amountMinor).toBeGreaterThanOrEqual(0);
          expect(reversal.fee.amountMinor).toBeGreaterThanOrEqual(0);
          apply(refundPostings(reversal));
          before = after;
          // What is still owed onward is exactly what is still held in clearing.
          expect(balances.clearing).toBe(g - after);
          expect(balances.clearing + balances.studio + balances.platform + balances.merchant).toBe(0);
          const cumulativeNow = cumulativeReversal(split, after);
          expect(0 - balances.studio).toBe(split.royalty.amountMinor - cumulativeNow.royalty.amountMinor + 0);
          expect(cumulativeNow.royalty.amountMinor).toBeLessThanOrEqual(split.royalty.amountMinor);
          expect(cumulativeNow.fee.amountMinor).toBeLessThanOrEqual(split.fee.amountMinor);
          expect(cumulativeNow.merchant.amountMinor).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('shippingFeePostings: the shipping fee is the merchant’s revenue alone', () => {
  it('a 12.00 yuan fee goes whole from clearing to the merchant: no royalty, no platform fee', () => {
    expect(shippingFeePostings(cny(1_200)).map((p) => [p.purpose, p.amount.amountMinor])).toEqual([
      ['PAYMENT_CLEARING', 1_200],
      ['MERCHANT_PAYABLE', -1_200],
    ]);
  });

  it('free shipping posts nothing; a negative fee is refused', () => {
    expect(shippingFeePostings(cny(0))).toEqual([]);
    expect(() => shippingFeePostings(cny(-1))).toThrow();
  });

  it('a line and its shipping fee: royalty + platform fee + merchant share + shipping = what was paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 9_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (g, r, f, ship) => {
          const split = splitLine(cny(g), r, f);
          const postings = [...salePostings(split), ...shippingFeePostings(cny(ship))];
          expect(sum(postings)).toBe(0);
          expect(split.royalty.amountMinor + split.fee.amountMinor + split.merchant.amountMinor + ship).toBe(g + ship);
          const merchant = postings
            .filter((p) => p.purpose === 'MERCHANT_PAYABLE')
            .reduce((acc, p) => acc - p.amount.amountMinor, 0);
          expect(merchant).toBe(split.merchant.amountMinor + ship);
        },
      ),
    );
  });
});

describe('reported royalty postings', () => {
  it('takes the royalty from what the platform owes the merchant when that covers it', () => {
    expect(reportedRoyaltyPostings(cny(1_280), cny(50_000)).map((p) => [p.purpose, p.amount.amountMinor])).toEqual([
      ['STUDIO_ROYALTIES_PAYABLE', -1_280],
      ['MERCHANT_PAYABLE', 1_280],
    ]);
  });

  it('invoices what the payable cannot cover, and all of it when nothing is owed to the merchant', () => {
    expect(reportedRoyaltyPostings(cny(1_280), cny(1_000)).map((p) => [p.purpose, p.amount.amountMinor])).toEqual([
      ['STUDIO_ROYALTIES_PAYABLE', -1_280],
      ['MERCHANT_PAYABLE', 1_000],
      ['MERCHANT_ROYALTIES_RECEIVABLE', 280],
    ]);
    expect(reportedRoyaltyPostings(cny(1_280), cny(-500)).map((p) => [p.purpose, p.amount.amountMinor])).toEqual([
      ['STUDIO_ROYALTIES_PAYABLE', -1_280],
      ['MERCHANT_ROYALTIES_RECEIVABLE', 1_280],
    ]);
  });

  it('uses the marketplace’s royalty rule for a reported line', () => {
    expect(royaltyOf(cny(12_899), 1_250).amountMinor).toBe(1_612);
    expect(royaltyOf(cny(12_899), 1_250)).toEqual(splitLine(cny(12_899), 1_250, 500).royalty);
  });
});

describe('shippingFeeRefundPostings: a fee given back mirrors its sale', () => {
  it('a 12.00 yuan fee comes whole out of the merchant’s payable and back out of clearing', () => {
    expect(shippingFeeRefundPostings(cny(1_200)).map((p) => [p.purpose, p.amount.amountMinor])).toEqual([
      ['PAYMENT_CLEARING', -1_200],
      ['MERCHANT_PAYABLE', 1_200],
    ]);
  });

  it('for every refund sequence: royalty + platform fee + merchant share + shipping = what was paid less what was refunded', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            g: fc.integer({ min: 1, max: 50_000_000 }),
            r: fc.integer({ min: 0, max: 9_000 }),
            steps: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { maxLength: 4 }),
            finish: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.boolean(),
        (lines, f, ship, shipped) => {
          const balances = new Map<string, number>();
          const post = (postings: { purpose: string; amount: Money }[]) => {
            expect(sum(postings)).toBe(0);
            for (const p of postings) balances.set(p.purpose, (balances.get(p.purpose) ?? 0) + p.amount.amountMinor);
          };
          const splits = lines.map((l) => splitLine(cny(l.g), l.r, f));
          splits.forEach((split) => post(salePostings(split)));
          post(shippingFeePostings(cny(ship)));
          let refunded = 0;
          let shippingRefunded = 0;
          const refundedOf = lines.map(() => 0);
          lines.forEach((l, i) => {
            const split = splits[i]!;
            const amounts = l.steps.map((x) => Math.floor((l.g - refundedOf[i]!) * x));
            if (l.finish) amounts.push(l.g);
            for (const a of amounts) {
              const before = refundedOf[i]!;
              const amount = Math.min(a, l.g - before);
              if (amount <= 0) continue;
              post(refundPostings(refundReversal(split, before, before + amount)));
              refundedOf[i] = before + amount;
              refunded += amount;
              // The refund that completes the merchant's unshipped part carries the fee, once.
              const complete = lines.every((m, j) => refundedOf[j] === m.g);
              if (complete && !shipped && shippingRefunded === 0 && ship > 0) {
                post(shippingFeeRefundPostings(cny(ship)));
                shippingRefunded = ship;
              }
            }
          });
          const owed = (purpose: string) => 0 - (balances.get(purpose) ?? 0);
          const paid = lines.reduce((acc, l) => acc + l.g, 0) + ship;
          // Clearing holds exactly what was paid less what went back; the parties are owed exactly that.
          expect(balances.get('PAYMENT_CLEARING') ?? 0).toBe(paid - refunded - shippingRefunded);
          expect(owed('STUDIO_ROYALTIES_PAYABLE') + owed('PLATFORM_FEE_REVENUE') + owed('MERCHANT_PAYABLE')).toBe(
            paid - refunded - shippingRefunded,
          );
          const allRefunded = lines.every((l, i) => refundedOf[i] === l.g);
          expect(shippingRefunded).toBe(allRefunded && !shipped ? ship : 0);
          if (allRefunded) expect(owed('MERCHANT_PAYABLE')).toBe(shipped ? ship : 0);
        },
      ),
    );
  });
});
