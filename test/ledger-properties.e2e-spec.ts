import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { shippingFeeToRefund } from '@chedun/orders';
import { SalesSimulator } from './support/sales';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The split properties of libs/ledger's unit specs, again through the real event handlers, triggers and tables:
 * random orders, rates and partial-refund sequences, then the books are read back from Postgres.
 */
describe('ledger properties on the real database', () => {
  let t: TestApp;
  let sales: SalesSimulator;
  beforeAll(async () => {
    t = await startTestApp();
    sales = new SalesSimulator(t);
  });
  afterAll(() => t.close());

  const line = fc.record({
    netMinor: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 50_000_000 })),
    royaltyBps: fc.integer({ min: 0, max: 9_000 }),
    refunds: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { maxLength: 4 }),
    finish: fc.boolean(),
  });

  /** The merchant's shipping fee on the order: none, a small one, or up to a large one. */
  const shipping = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 5_000_000 }));

  it('every line splits exactly, every entry balances, full refunds zero every share, no fen appears or vanishes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 4 }),
        shipping,
        // Whether some of the merchant's goods were shipped before the refunds: then the fee is kept.
        fc.boolean(),
        async (lines, shippingMinor, shipped) => {
          const studioId = randomUUID();
          const merchantId = randomUUID();
          const order = await sales.pay(
            '2026-09-10T04:00:00Z',
            lines.map((l) => ({ studioId, merchantId, netMinor: l.netMinor, royaltyBps: l.royaltyBps })),
            'CNY',
            [{ merchantId, feeMinor: shippingMinor }],
          );
          const fullyRefunded = new Set<string>();
          let refundedInAll = 0;
          // The orders context's rule decides which refund, if any, carries the fee; the ledger must follow it.
          let shippingRefunded = 0;
          const committed = lines.map(() => 0);
          for (const [i, l] of lines.entries()) {
            const paid = order.lines[i]!;
            let refunded = 0;
            const steps = l.refunds.map((f) => Math.floor((l.netMinor - refunded) * f));
            if (l.finish) steps.push(Number.MAX_SAFE_INTEGER);
            for (const step of steps) {
              const amount = Math.min(step, l.netMinor - refunded);
              if (amount <= 0) continue;
              const fee = shippingFeeToRefund(
                {
                  feeMinor: shippingMinor,
                  feeAlreadyRefunded: shippingRefunded > 0,
                  lines: order.lines.map((p, j) => ({
                    id: p.orderLineId,
                    netMinor: p.netMinor,
                    committedMinor: committed[j]!,
                    handedOver: shipped,
                  })),
                },
                { orderLineId: paid.orderLineId, amountMinor: amount },
              );
              const event = await sales.refund(
                order,
                paid,
                refunded,
                amount,
                '2026-09-11T04:00:00Z',
                fee > 0 ? { merchantId, feeMinor: fee } : undefined,
              );
              // A duplicated refund event (a retry) reverses nothing twice.
              if (fee > 0) await sales.publish(event);
              refunded += amount;
              committed[i] = refunded;
              refundedInAll += amount;
              shippingRefunded += fee;
            }
            if (refunded === l.netMinor) fullyRefunded.add(paid.orderLineId);
          }
          const everyLineRefunded = lines.every((l, i) => committed[i] === l.netMinor);
          expect(shippingRefunded).toBe(everyLineRefunded && !shipped ? shippingMinor : 0);

          const splits = await t.sql<Record<string, string>>(
            `SELECT order_line_id, gross_minor::bigint - royalty_minor - fee_minor - merchant_minor AS unsplit,
                  refunded_minor, gross_minor, royalty_minor - royalty_reversed_minor AS royalty_left,
                  fee_minor - fee_reversed_minor AS fee_left, merchant_minor - merchant_reversed_minor AS merchant_left
             FROM sale_line_splits WHERE order_id = $1`,
            [order.orderId],
          );
          expect(splits).toHaveLength(lines.length);
          for (const s of splits) {
            expect(Number(s['unsplit'])).toBe(0);
            if (fullyRefunded.has(s['order_line_id']!)) {
              expect([s['royalty_left'], s['fee_left'], s['merchant_left']].map(Number)).toEqual([0, 0, 0]);
            }
          }
          const [unbalanced] = await t.sql<{ n: string }>(
            `SELECT count(*) AS n FROM (SELECT e.id FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
             GROUP BY e.id, p.currency HAVING sum(p.amount_minor) <> 0) x`,
          );
          expect(Number(unbalanced!.n)).toBe(0);
          // What the studio and merchant are owed is exactly what is left of their shares.
          const balances = await t.sql<{ purpose: string; balance: string }>(
            `SELECT purpose, balance_minor AS balance FROM ledger_accounts WHERE party_id IN ($1, $2)`,
            [studioId, merchantId],
          );
          const owed = (purpose: string) => 0 - Number(balances.find((b) => b.purpose === purpose)?.balance ?? 0) + 0;
          const left = (share: string) => splits.reduce((acc, s) => acc + Number(s[share]), 0);
          // The shipping fee is the merchant's whole: no royalty, no platform fee; it goes back only with the refund
          // that completes an unshipped part, whole and once.
          const shippingLeft = shippingMinor - shippingRefunded;
          expect(owed('STUDIO_ROYALTIES_PAYABLE')).toBe(left('royalty_left'));
          expect(owed('MERCHANT_PAYABLE')).toBe(left('merchant_left') + shippingLeft);
          // royalty + platform fee + merchant share + shipping = what was paid, less what was refunded (the fee given
          // back included), after every sequence.
          const paidInAll = lines.reduce((acc, l) => acc + l.netMinor, 0) + shippingMinor;
          const refundedWithShipping = refundedInAll + shippingRefunded;
          expect(left('royalty_left') + left('fee_left') + left('merchant_left') + shippingLeft).toBe(
            paidInAll - refundedWithShipping,
          );
          const [clearing] = await t.sql<{ net: string }>(
            `SELECT coalesce(sum(p.amount_minor), 0) AS net FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
             JOIN ledger_accounts a ON a.id = p.account_id
            WHERE a.purpose = 'PAYMENT_CLEARING' AND (e.source_id = ANY($1) OR e.source_id = $2 OR e.source_id IN (
                  SELECT refund_id::text FROM sale_line_refunds WHERE order_line_id = ANY($1::uuid[])))`,
            [order.lines.map((l) => l.orderLineId), `shipping:${order.orderId}:${merchantId}`],
          );
          expect(Number(clearing!.net)).toBe(paidInAll - refundedWithShipping);
          const [given] = await t.sql<{ n: string; amount: string | null }>(
            `SELECT count(*) AS n, sum(amount_minor) AS amount FROM sale_shipping_fee_refunds WHERE order_id = $1`,
            [order.orderId],
          );
          expect([Number(given!.n), Number(given!.amount ?? 0)]).toEqual(
            shippingRefunded > 0 ? [1, shippingRefunded] : [0, 0],
          );
          const [fee] = await t.sql<{ posted: string }>(
            `SELECT count(*) AS posted FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
            WHERE e.source_id = $1 AND a.purpose IN ('STUDIO_ROYALTIES_PAYABLE', 'PLATFORM_FEE_REVENUE')`,
            [`shipping:${order.orderId}:${merchantId}`],
          );
          expect(Number(fee!.posted)).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
    const [books] = await t.sql<{ total: string; mismatched: string }>(
      `SELECT (SELECT coalesce(sum(balance_minor), 0) FROM ledger_accounts) AS total,
              (SELECT count(*) FROM ledger_accounts a WHERE balance_minor <>
                 (SELECT coalesce(sum(amount_minor), 0) FROM ledger_postings p WHERE p.account_id = a.id)) AS mismatched`,
    );
    expect(books).toEqual({ total: '0', mismatched: '0' });
  });
});
