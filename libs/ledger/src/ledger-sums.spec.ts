import fc from 'fast-check';
import {
  bps,
  DEFAULT_AMOUNT_LIMITS,
  MAX_CONFIGURABLE_CEILING_MINOR,
  MinorUnitsOutOfRangeError,
  Money,
  ordersBeforeUnsafeSum,
  readMinorUnits,
} from '@chedun/kernel';
import { settleLicense } from './license-settlement';
import { refundPostings, refundReversal, salePostings, splitLine } from './revenue-split';

/**
 * The ceilings' promise (kernel amount-limits.ts): with every order total, advance and guarantee at most its
 * ceiling, every sum the ledger makes stays exact, and the one money reader reads it back unchanged; past the
 * point the ceilings allow, the reader refuses loudly instead of rounding.
 */
const LIMITS = [
  ['the default ceilings', DEFAULT_AMOUNT_LIMITS],
  [
    'the highest configurable ceilings',
    { amountCeilingMinor: MAX_CONFIGURABLE_CEILING_MINOR, orderTotalCeilingMinor: MAX_CONFIGURABLE_CEILING_MINOR },
  ],
] as const;

/** A paid line and the refunds later taken from it, as cumulative refunded amounts. */
const paidLine = (orderTotalCeilingMinor: number) =>
  fc
    .record({
      gross: fc.integer({ min: 0, max: orderTotalCeilingMinor }),
      royaltyBps: fc.integer({ min: 0, max: 10_000 }),
      feeShare: fc.double({ min: 0, max: 1, noNaN: true }),
      refundCuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
      // How many times this line stands for itself in the sum: lines alike, up to the most the ceilings allow.
      repeat: fc.integer({ min: 1, max: 1_000 }),
    })
    .map(({ gross, royaltyBps, feeShare, refundCuts, repeat }) => ({
      gross,
      royaltyBps,
      feeBps: Math.floor((10_000 - royaltyBps) * feeShare),
      refundedAfter: [...new Set(refundCuts.map((c) => Math.floor(gross * c)))]
        .filter((x) => x > 0)
        .sort((a, b) => a - b),
      repeat,
    }));

describe.each(LIMITS)('ledger sums under %s', (_, limits) => {
  const worstCaseOrders = ordersBeforeUnsafeSum(limits);

  it('keeps every share, refund, journal entry and running total of paid lines exact and readable', () => {
    fc.assert(
      fc.property(
        fc.array(paidLine(limits.orderTotalCeilingMinor), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: worstCaseOrders }),
        (lines, scale) => {
          // Scale the batch so that it holds at most the number of largest orders the ceilings allow before 2^53.
          const copies = Math.max(1, Math.floor(scale / lines.reduce((n, l) => n + l.repeat, 0)));
          let clearing = Money.zero('CNY');
          let royalties = Money.zero('CNY');
          let fees = Money.zero('CNY');
          let merchants = Money.zero('CNY');
          for (const line of lines) {
            const split = splitLine(Money.of(line.gross, 'CNY'), line.royaltyBps, line.feeBps);
            const entries = [salePostings(split)];
            let before = 0;
            for (const after of line.refundedAfter) {
              entries.push(refundPostings(refundReversal(split, before, after)));
              before = after;
            }
            for (const postings of entries) {
              expect(postings.reduce((acc, p) => acc.plus(p.amount), Money.zero('CNY')).isZero()).toBe(true);
              const times = line.repeat * copies;
              for (const p of postings) {
                const amount = p.amount.times(times);
                if (p.purpose === 'PAYMENT_CLEARING') clearing = clearing.plus(amount);
                else if (p.purpose === 'STUDIO_ROYALTIES_PAYABLE') royalties = royalties.plus(amount);
                else if (p.purpose === 'PLATFORM_FEE_REVENUE') fees = fees.plus(amount);
                else merchants = merchants.plus(amount);
              }
            }
          }
          // The journal balances, and Postgres' bigint/numeric text of each balance reads back exactly.
          expect(clearing.plus(royalties).plus(fees).plus(merchants).isZero()).toBe(true);
          for (const balance of [clearing, royalties, fees, merchants]) {
            expect(readMinorUnits(String(balance.amountMinor))).toBe(balance.amountMinor);
            expect(Math.abs(balance.amountMinor)).toBeLessThanOrEqual(worstCaseOrders * limits.orderTotalCeilingMinor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('settles a license and its statement exactly with the advance and guarantee at most their ceiling', () => {
    const amount = fc.integer({ min: 0, max: limits.amountCeilingMinor });
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.integer({ min: 0, max: worstCaseOrders }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (advance, guarantee, orders, rate, due) => {
          const royaltyLifetime = Money.of(limits.orderTotalCeilingMinor, 'CNY')
            .times(orders)
            .shareAt(bps(rate)).amountMinor;
          const royaltyThisStatement = Math.floor(royaltyLifetime / 2);
          const settled = settleLicense({
            advance,
            advanceRecoupedSoFar: 0,
            minimumGuarantee: guarantee,
            royaltyThisStatement,
            royaltyLifetime,
            guaranteeDue: due,
          });
          const amountDue = Money.of(royaltyThisStatement, 'CNY')
            .minus(Money.of(settled.advanceRecouped, 'CNY'))
            .plus(Money.of(settled.guaranteeShortfall, 'CNY'));
          expect(readMinorUnits(String(amountDue.amountMinor))).toBe(amountDue.amountMinor);
          expect(settled.advanceRecouped).toBeLessThanOrEqual(advance);
          expect(settled.guaranteeShortfall).toBeLessThanOrEqual(guarantee);
        },
      ),
    );
  });

  it('reads the largest total the ceilings allow, and refuses one more order of the largest size rather than round it', () => {
    const largest = BigInt(worstCaseOrders) * BigInt(limits.orderTotalCeilingMinor);
    expect(readMinorUnits(largest.toString())).toBe(Number(largest));
    const beyond = largest + BigInt(limits.orderTotalCeilingMinor);
    expect(() => readMinorUnits(beyond.toString())).toThrow(MinorUnitsOutOfRangeError);
    expect(() => readMinorUnits(beyond)).toThrow(MinorUnitsOutOfRangeError);
  });
});

it('the default ceilings leave room for over nine million orders of ¥10,000,000 before any sum could leave the safe range', () => {
  expect(ordersBeforeUnsafeSum(DEFAULT_AMOUNT_LIMITS)).toBe(9_007_199);
  expect(
    ordersBeforeUnsafeSum({
      amountCeilingMinor: MAX_CONFIGURABLE_CEILING_MINOR,
      orderTotalCeilingMinor: MAX_CONFIGURABLE_CEILING_MINOR,
    }),
  ).toBe(900_719);
});
