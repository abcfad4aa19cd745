import { MigrationInterface, QueryRunner } from 'typeorm';

const ORDER_KINDS = `'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'ORDER_SHIPPED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED'`;
const ACCOUNT_KINDS = `'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'`;

/**
 * Delivery (1765000000901) and refund requests (1765000001001) each replaced the outbox's kind checks with their
 * own list, so whichever ran last dropped the other's kinds (on a fresh database: ORDER_SHIPPED, and no shipping
 * email could be queued). The checks list every kind both added.
 */
export class NotificationKinds1765000001301 implements MigrationInterface {
  name = 'NotificationKinds1765000001301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${ORDER_KINDS}, ${ACCOUNT_KINDS}))`,
    );
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK ((order_id IS NOT NULL) = (kind IN (${ORDER_KINDS})))`,
    );
  }

  /** Back to the checks refund requests left, which is what a fresh database had before this migration. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'ORDER_SHIPPED'`);
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED', ${ACCOUNT_KINDS}))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED')))`);
  }
}
