import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
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

  it('every line splits exactly, every entry balances, full refunds zero every share, no fen appears or vanishes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), async (lines) => {
        const studioId = randomUUID();
        const merchantId = randomUUID();
        const order = await sales.pay('2026-09-10T04:00:00Z', lines.map((l) => ({ studioId, merchantId, netMinor: l.netMinor, royaltyBps: l.royaltyBps })));
        const fullyRefunded = new Set<string>();
        for (const [i, l] of lines.entries()) {
          const paid = order.lines[i]!;
          let refunded = 0;
          const steps = l.refunds.map((f) => Math.floor((l.netMinor - refunded) * f));
          if (l.finish) steps.push(Number.MAX_SAFE_INTEGER);
          for (const step of steps) {
            const amount = Math.min(step, l.netMinor - refunded);
            if (amount <= 0) continue;
            await sales.refund(order, paid, refunded, amount, '2026-09-11T04:00:00Z');
            refunded += amount;
          }
          if (refunded === l.netMinor) fullyRefunded.add(paid.orderLineId);
        }

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
        expect(owed('STUDIO_ROYALTIES_PAYABLE')).toBe(splits.reduce((acc, s) => acc + Number(s['royalty_left']), 0));
        expect(owed('MERCHANT_PAYABLE')).toBe(splits.reduce((acc, s) => acc + Number(s['merchant_left']), 0));
      }),
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
