import { Lifecycle } from '@chedun/kernel';
import { EntityManager } from 'typeorm';

/** Why the marketplace owes a refund nobody asked for at the counter. */
export type RefundTaskKind = 'SLOT_CANCELLED' | 'LATE_PAYMENT';

export enum RefundTaskStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** A task is carried out once, or left FAILED for people after too many attempts. */
export const refundTaskLifecycle = new Lifecycle<RefundTaskStatus>('refund task', {
  [RefundTaskStatus.PENDING]: { [RefundTaskStatus.DONE]: 'finish', [RefundTaskStatus.FAILED]: 'give up' },
  [RefundTaskStatus.DONE]: {},
  [RefundTaskStatus.FAILED]: {},
});

export interface RefundTaskRecord {
  id: string;
  kind: RefundTaskKind;
  orderId: string;
  orderLineId: string | null;
  requestedBy: string | null;
  orderRefundId: string | null;
  status: RefundTaskStatus;
  attempts: number;
}

export const REFUND_TASK_COLUMNS = `id, kind, order_id AS "orderId", order_line_id AS "orderLineId", requested_by AS "requestedBy",
  order_refund_id AS "orderRefundId", status, attempts`;

/**
 * Records, in the caller's transaction, that a refund is due; the refund task job carries it out. Queuing the same
 * refund again (a replayed event) changes nothing.
 */
export async function queueRefundTask(
  manager: EntityManager,
  task: { kind: RefundTaskKind; orderId: string; orderLineId?: string; requestedBy?: string; now: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO order_refund_tasks (kind, order_id, order_line_id, requested_by, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, order_id, coalesce(order_line_id, order_id)) DO NOTHING`,
    [task.kind, task.orderId, task.orderLineId ?? null, task.requestedBy ?? null, task.now],
  );
}
