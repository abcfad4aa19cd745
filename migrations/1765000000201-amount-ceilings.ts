import { MigrationInterface, QueryRunner } from 'typeorm';

/** The highest ceiling configuration allows (kernel MAX_CONFIGURABLE_CEILING_MINOR): ¥100,000,000. */
const MAX_MINOR = '10000000000';

/** [table, column]: every stored price, advance, guarantee and order total. */
const BOUNDED: readonly (readonly [string, string])[] = [
  ['product_variants', 'price_minor'],
  ['ticket_types', 'price_minor'],
  ['orders', 'total_minor'],
  ['order_lines', 'unit_price_minor'],
  ['license_offers', 'advance_minor'],
  ['license_offers', 'minimum_guarantee_minor'],
  ['licenses', 'advance_minor'],
  ['licenses', 'minimum_guarantee_minor'],
  ['license_terms', 'advance_minor'],
  ['license_terms', 'minimum_guarantee_minor'],
];

/**
 * The database's own last line under the amount ceilings the API checks: no amount above the highest configurable
 * ceiling can be written, whatever the path. NOT VALID: rows written before the ceilings existed are left for an
 * operator to correct rather than failing the migration; every new or updated row is checked.
 */
export class AmountCeilings1765000000201 implements MigrationInterface {
  name = 'AmountCeilings1765000000201';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of BOUNDED) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_ceiling CHECK (${column} <= ${MAX_MINOR}) NOT VALID`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of BOUNDED)
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_ceiling`);
  }
}
