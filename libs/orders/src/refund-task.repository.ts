import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { RefundTaskKind, RefundTaskRecord, RefundTaskStatus } from './refund-tasks';

const REFUND_TASK_COLUMNS = `id, kind, order_id AS "orderId", order_line_id AS "orderLineId", requested_by AS "requestedBy",
  order_refund_id AS "orderRefundId", status, attempts`;

/** A refund that is due: for a whole order (a late payment), or for one line (a cancelled slot's seats). */
export interface NewRefundTask {
  kind: RefundTaskKind;
  orderId: string;
  orderLineId?: string;
  requestedBy?: string;
  now: Date;
}

/** A failed attempt: when to try again, why it failed, and the status the task is left in. */
export interface FailedAttempt {
  attempts: number;
  nextAttemptAt: Date;
  lastError: string;
  /** PENDING to retry, FAILED to give up; applied only while the task is still `from`. */
  transition: { from: RefundTaskStatus; to: RefundTaskStatus };
}

/** The `order_refund_tasks` table: refunds the marketplace owes without anyone asking at the counter. */
@Injectable()
export class RefundTaskRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RefundTaskRepository {
    return new RefundTaskRepository(manager);
  }

  /** Records that a refund is due; queuing the same refund again (a replayed event) changes nothing. */
  async queue(task: NewRefundTask): Promise<void> {
    await this.manager.query(
      `INSERT INTO order_refund_tasks (kind, order_id, order_line_id, requested_by, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, order_id, coalesce(order_line_id, order_id)) DO NOTHING`,
      [task.kind, task.orderId, task.orderLineId ?? null, task.requestedBy ?? null, task.now],
    );
  }

  /** Tasks in `status` due by `now`, except those already `seen`, the longest due first; `limit` at most. */
  due(status: RefundTaskStatus, now: Date, seen: readonly string[], limit: number): Promise<RefundTaskRecord[]> {
    return this.manager.query(
      `SELECT ${REFUND_TASK_COLUMNS} FROM order_refund_tasks
          WHERE status = $3 AND next_attempt_at <= $1 AND NOT (id = ANY($2)) ORDER BY next_attempt_at, id LIMIT ${limit}`,
      [now, seen, status],
    );
  }

  /** Locked for the rest of the caller's transaction; null when there is no such task. */
  async lockById(taskId: string): Promise<RefundTaskRecord | null> {
    const rows: RefundTaskRecord[] = await this.manager.query(
      `SELECT ${REFUND_TASK_COLUMNS} FROM order_refund_tasks WHERE id = $1 FOR UPDATE`,
      [taskId],
    );
    return rows[0] ?? null;
  }

  /** The line refund the task recorded, kept so every later attempt asks for that same refund. */
  async setOrderRefund(taskId: string, orderRefundId: string): Promise<void> {
    await this.manager.query(`UPDATE order_refund_tasks SET order_refund_id = $2 WHERE id = $1`, [
      taskId,
      orderRefundId,
    ]);
  }

  /** Writes the status the task's lifecycle allowed (DONE), clearing the last error. */
  async markDone(taskId: string, status: RefundTaskStatus, now: Date): Promise<void> {
    await this.manager.query(
      `UPDATE order_refund_tasks SET status = $3, done_at = $2, last_error = NULL WHERE id = $1`,
      [taskId, now, status],
    );
  }

  async recordFailedAttempt(taskId: string, attempt: FailedAttempt): Promise<void> {
    await this.manager.query(
      `UPDATE order_refund_tasks SET attempts = $2::int, next_attempt_at = $3, last_error = $4, status = $5
        WHERE id = $1 AND status = $6`,
      [
        taskId,
        attempt.attempts,
        attempt.nextAttemptAt,
        attempt.lastError,
        attempt.transition.to,
        attempt.transition.from,
      ],
    );
  }
}
