import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merchant's shipping fee goes back to the buyer when every merchandise line of that merchant in the order is
 * refunded in full before any was shipped or handed over (#15). The line refund that completes the merchant's part
 * carries the fee (`order_refunds.shipping_minor`, one refund asked of the provider); at most one live refund per
 * order and merchant carries it. The ledger reverses the fee's SALE entry once (`sale_shipping_fee_refunds`,
 * append-only, one row per order and merchant).
 */
export class ShippingFeeRefunds1765000002701 implements MigrationInterface {
  name = 'ShippingFeeRefunds1765000002701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE order_refunds
      ADD COLUMN shipping_minor bigint NOT NULL DEFAULT 0 CONSTRAINT order_refunds_shipping_not_negative CHECK (shipping_minor >= 0),
      ADD COLUMN shipping_merchant_id uuid,
      ADD CONSTRAINT order_refunds_shipping_has_merchant CHECK ((shipping_minor > 0) = (shipping_merchant_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX order_refunds_one_shipping_refund ON order_refunds (order_id, shipping_merchant_id)
      WHERE shipping_merchant_id IS NOT NULL AND status IN ('PENDING', 'SUCCEEDED')`);

    await q.query(`
      CREATE TABLE sale_shipping_fee_refunds (
        order_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        refund_id uuid NOT NULL UNIQUE,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        refunded_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, merchant_id),
        FOREIGN KEY (order_id, merchant_id) REFERENCES sale_shipping_fees (order_id, merchant_id)
      )`);
    await q.query(
      `CREATE INDEX sale_shipping_fee_refunds_merchant_at ON sale_shipping_fee_refunds (merchant_id, refunded_at)`,
    );
    await q.query(`CREATE TRIGGER sale_shipping_fee_refunds_append_only BEFORE UPDATE OR DELETE ON sale_shipping_fee_refunds
      FOR EACH ROW EXECUTE FUNCTION ledger_reject_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sale_shipping_fee_refunds`);
    await q.query(`DROP INDEX order_refunds_one_shipping_refund`);
    await q.query(`ALTER TABLE order_refunds DROP CONSTRAINT order_refunds_shipping_has_merchant,
      DROP COLUMN shipping_merchant_id, DROP COLUMN shipping_minor`);
  }
}
