import { MigrationInterface, QueryRunner } from 'typeorm';

const ORDER_KINDS = `'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'ORDER_SHIPPED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED'`;
const ACCOUNT_KINDS = `'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'`;
const SALES_REPORT_KINDS = `'SALES_REPORT_REMINDER'`;

/**
 * Two emails (#15, #17): the buyer hears of a refund the merchant made directly (ORDER_LINE_REFUNDED, about an
 * order), and the merchant's owners hear that the studio disputed a sales report, with its reason
 * (SALES_REPORT_DISPUTED, an account email without an order). Both checks are re-added with their full lists: every
 * kind, and the kinds that carry an order.
 */
export class NotificationKindsDisputedRefunded1765000002801 implements MigrationInterface {
  name = 'NotificationKindsDisputedRefunded1765000002801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN (${ORDER_KINDS}, 'ORDER_LINE_REFUNDED', ${ACCOUNT_KINDS}, ${SALES_REPORT_KINDS}, 'SALES_REPORT_DISPUTED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds
      CHECK ((order_id IS NOT NULL) = (kind IN (${ORDER_KINDS}, 'ORDER_LINE_REFUNDED')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind IN ('ORDER_LINE_REFUNDED', 'SALES_REPORT_DISPUTED')`);
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN (${ORDER_KINDS}, ${ACCOUNT_KINDS}, ${SALES_REPORT_KINDS}))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds
      CHECK ((order_id IS NOT NULL) = (kind IN (${ORDER_KINDS})))`);
  }
}
