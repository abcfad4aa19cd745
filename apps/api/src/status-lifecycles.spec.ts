import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { designRoundLifecycle, productLifecycle, timeSlotLifecycle } from '@chedun/catalog';
import { payoutLifecycle, royaltyStatementLifecycle } from '@chedun/ledger';
import { licenseApplicationLifecycle, licenseLifecycle, licenseOfferLifecycle } from '@chedun/licensing';
import { orderLifecycle, orderRefundLifecycle, refundRequestLifecycle, refundTaskLifecycle } from '@chedun/orders';
import { paymentLifecycle, refundLifecycle } from '@chedun/payments';
import { salesReportLifecycle } from '@chedun/sales-reports';

/**
 * Every status column's one Lifecycle, by table (DESIGN §5: each stateful aggregate has its states and transition
 * table in one place). A migration that adds a status column, or changes the states it allows, fails the spec
 * below until its Lifecycle is listed here with the same states.
 */
const LIFECYCLES: Readonly<Record<string, { readonly aggregate: string; readonly states: readonly string[] }>> = {
  license_offers: licenseOfferLifecycle,
  license_applications: licenseApplicationLifecycle,
  licenses: licenseLifecycle,
  products: productLifecycle,
  product_design_rounds: designRoundLifecycle,
  time_slots: timeSlotLifecycle,
  payments: paymentLifecycle,
  refunds: refundLifecycle,
  orders: orderLifecycle,
  order_refunds: orderRefundLifecycle,
  order_refund_tasks: refundTaskLifecycle,
  refund_requests: refundRequestLifecycle,
  royalty_statements: royaltyStatementLifecycle,
  payouts: payoutLifecycle,
  sales_reports: salesReportLifecycle,
};

const MIGRATIONS = join(__dirname, '../../../migrations');
const STATUS_CHECK = /CHECK\s*\(\s*status\s+IN\s*\(([^)]*)\)\s*\)/i;

/**
 * The status columns the migrations leave behind: table → the states its CHECK allows (null: a status column with no
 * CHECK). Reads each migration's `up`, in timestamp order, statement by statement; a later CHECK on a table replaces
 * an earlier one.
 */
function statusColumns(): Map<string, string[] | null> {
  const columns = new Map<string, string[] | null>();
  const files = readdirSync(MIGRATIONS)
    .filter((f) => /^\d+-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'))
    .sort();
  for (const file of files) {
    const up = readFileSync(join(MIGRATIONS, file), 'utf8').split(/async down\s*\(/)[0] as string;
    for (const [, sql] of up.matchAll(/`([^`]*)`/g)) {
      const statement = (sql as string).replace(/--[^\n]*/g, '');
      const created = /^\s*CREATE TABLE (?:IF NOT EXISTS )?(\w+)\s*\(/i.exec(statement);
      const altered = /^\s*ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(\w+)/i.exec(statement);
      const table = created?.[1] ?? altered?.[1];
      if (!table) continue;
      const declares = created
        ? /(^|[(,]\s*)status\s+text\b/im.test(statement)
        : /ADD COLUMN (?:IF NOT EXISTS )?status\s+text\b/i.test(statement);
      const check = STATUS_CHECK.exec(statement);
      if (declares || check)
        columns.set(
          table,
          check
            ? [...(check[1] as string).matchAll(/'([^']*)'/g)].map((m) => m[1] as string)
            : (columns.get(table) ?? null),
        );
      if (altered && /DROP COLUMN (?:IF EXISTS )?status\b/i.test(statement)) columns.delete(table);
    }
  }
  return columns;
}

describe('status lifecycles', () => {
  const columns = statusColumns();

  it('finds the status columns the migrations declare', () => {
    expect(columns.get('orders')).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'FULFILLED',
      'CANCELLED',
      'PARTIALLY_REFUNDED',
      'REFUNDED',
    ]);
    expect(columns.size).toBeGreaterThanOrEqual(Object.keys(LIFECYCLES).length);
  });

  it.each([...statusColumns().keys()])('%s.status has a CHECK and one Lifecycle with exactly its states', (table) => {
    const allowed = columns.get(table);
    expect({ table, allowed }).toEqual({ table, allowed: expect.any(Array) });
    expect({ table, lifecycle: LIFECYCLES[table]?.aggregate }).toEqual({ table, lifecycle: expect.any(String) });
    expect([...(LIFECYCLES[table] as { states: readonly string[] }).states].sort()).toEqual(
      [...(allowed as string[])].sort(),
    );
  });

  it('lists no Lifecycle for a table without a status column', () => {
    expect(Object.keys(LIFECYCLES).filter((table) => !columns.has(table))).toEqual([]);
  });
});
