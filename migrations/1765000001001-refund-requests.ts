import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After-sales: a buyer's refund request for a line (or some of its units), which the merchant approves (ending in
 * an order refund, the same path as a merchant's own refund) or refuses with a reason the buyer reads; an
 * experience's free-cancellation window (hours before the start) approves requests inside it at once. At most one
 * request per line is open (REQUESTED or APPROVED until its refund settles), which the partial unique index holds
 * even against concurrent requests. Both sides are emailed through the notifications outbox.
 */
export class RefundRequests1765000001001 implements MigrationInterface {
  name = 'RefundRequests1765000001001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE products ADD COLUMN free_cancellation_hours integer
                   CONSTRAINT products_free_cancellation_hours CHECK (free_cancellation_hours BETWEEN 0 AND 8760)`);
    await q.query(`
      CREATE TABLE refund_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_line_id uuid NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
        buyer_user_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED', 'REFUNDED')),
        automatic boolean NOT NULL DEFAULT false,
        decision_reason text,
        decided_by uuid,
        decided_at timestamptz,
        order_refund_id uuid REFERENCES order_refunds(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refund_requests_refused_reason CHECK (status <> 'REFUSED' OR decision_reason IS NOT NULL),
        CONSTRAINT refund_requests_refund CHECK (status NOT IN ('APPROVED', 'REFUNDED') OR order_refund_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX refund_requests_one_open ON refund_requests (order_line_id) WHERE status IN ('REQUESTED', 'APPROVED')`,
    );
    await q.query(`CREATE INDEX refund_requests_merchant_queue ON refund_requests (merchant_id, status, created_at)`);
    await q.query(`CREATE INDEX refund_requests_order ON refund_requests (order_id, created_at)`);
    await q.query(
      `CREATE INDEX refund_requests_order_refund ON refund_requests (order_refund_id) WHERE order_refund_id IS NOT NULL`,
    );

    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED',
                     'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED',
                     'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind IN ('REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED')`);
    await q.query(
      `ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check, DROP CONSTRAINT notifications_order_kinds`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
                     'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED',
                     'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_order_kinds CHECK (
                     (order_id IS NOT NULL) = (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED')))`);
    await q.query(`DROP TABLE refund_requests`);
    await q.query(`ALTER TABLE products DROP COLUMN free_cancellation_hours`);
  }
}
