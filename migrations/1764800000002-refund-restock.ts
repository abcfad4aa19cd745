import { MigrationInterface, QueryRunner } from 'typeorm';

/** A refund may give its units back to stock (a RETURN movement) when the merchant says so; each refund records whether. */
export class RefundRestock1764800000002 implements MigrationInterface {
  name = 'RefundRestock1764800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check`);
    await q.query(
      `ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN ('INITIAL', 'RESTOCK', 'DAMAGE', 'COUNT', 'RETURN'))`,
    );
    await q.query(`ALTER TABLE order_refunds ADD COLUMN restock boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_refunds DROP COLUMN restock`);
    await q.query(`ALTER TABLE stock_movements DROP CONSTRAINT stock_movements_reason_check`);
    await q.query(
      `ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_reason_check CHECK (reason IN ('INITIAL', 'RESTOCK', 'DAMAGE', 'COUNT'))`,
    );
  }
}
