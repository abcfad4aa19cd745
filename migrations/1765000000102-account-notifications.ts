import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications outbox also carries account emails (address verification, invitations, payout-account
 * changes): those belong to no order, and an invitation may go to an address that has no account yet.
 */
export class AccountNotifications1765000000102 implements MigrationInterface {
  name = 'AccountNotifications1765000000102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN order_id DROP NOT NULL, ALTER COLUMN recipient_user_id DROP NOT NULL,
                   ADD COLUMN recipient_email text`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED',
                     'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED')))`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_recipient CHECK (recipient_user_id IS NOT NULL OR recipient_email IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE order_id IS NULL OR recipient_user_id IS NULL`);
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_recipient, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED'))`,
    );
    await q.query(
      `ALTER TABLE notifications DROP COLUMN recipient_email, ALTER COLUMN order_id SET NOT NULL, ALTER COLUMN recipient_user_id SET NOT NULL`,
    );
  }
}
