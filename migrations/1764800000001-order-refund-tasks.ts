import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds nobody asked for at a counter: the seats of a cancelled time slot and payments that arrived too late.
 * The intent is a task row written in the transaction that made the refund due; a job carries it out. Tickets can
 * be voided. Notifications gain more kinds (one per order and subject, not per order) and delivery bookkeeping.
 */
export class OrderRefundTasks1764800000001 implements MigrationInterface {
  name = 'OrderRefundTasks1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tickets ADD COLUMN voided_at timestamptz, ADD COLUMN void_reason text CHECK (void_reason IN ('SLOT_CANCELLED', 'REFUNDED'))`,
    );
    await q.query(`
      CREATE TABLE order_refund_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SLOT_CANCELLED', 'LATE_PAYMENT')),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_line_id uuid REFERENCES order_lines(id) ON DELETE CASCADE,
        requested_by uuid,
        order_refund_id uuid REFERENCES order_refunds(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        CONSTRAINT order_refund_tasks_line CHECK ((kind = 'SLOT_CANCELLED') = (order_line_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX order_refund_tasks_once ON order_refund_tasks (kind, order_id, coalesce(order_line_id, order_id))`,
    );
    await q.query(
      `CREATE INDEX order_refund_tasks_due ON order_refund_tasks (next_attempt_at) WHERE status = 'PENDING'`,
    );

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED'))`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_once_per_order`);
    await q.query(`ALTER TABLE notifications ADD COLUMN subject_id uuid, ADD COLUMN attempts integer NOT NULL DEFAULT 0,
                   ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN last_error text`);
    await q.query(
      `CREATE UNIQUE INDEX notifications_once_per_subject ON notifications (kind, order_id, coalesce(subject_id, order_id))`,
    );
    await q.query(`CREATE INDEX notifications_unsent ON notifications (next_attempt_at) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_unsent`);
    await q.query(`DROP INDEX notifications_once_per_subject`);
    await q.query(
      `ALTER TABLE notifications DROP COLUMN subject_id, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error`,
    );
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_once_per_order UNIQUE (kind, order_id)`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('ORDER_CONFIRMATION'))`,
    );
    await q.query(`DROP TABLE order_refund_tasks`);
    await q.query(`ALTER TABLE tickets DROP COLUMN voided_at, DROP COLUMN void_reason`);
  }
}
