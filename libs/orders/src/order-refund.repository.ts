import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { OrderLineRecord } from './order-records';
import { OrderRefundStatus } from './order-status';

/** A line refund the marketplace asked the provider for. */
export interface OrderRefundRecord {
  id: string;
  orderId: string;
  orderLineId: string;
  amountMinor: number;
  currency: string;
  status: OrderRefundStatus;
}

/** A refund with what settling it needs: whether its units go back to stock, and who asked. */
export interface RefundToSettle extends OrderRefundRecord {
  restock: boolean;
  requestedBy: string;
}

/** A refund of an order, as the provider's cumulative refunded total is matched against it. */
export interface RefundOfOrder {
  id: string;
  amountMinor: number;
  status: OrderRefundStatus;
}

/** A row as pg returns it: the bigint amount as text, for the kernel's one money reader. */
type Row<T extends { amountMinor: number }> = Omit<T, 'amountMinor'> & { amountMinor: string };

function withAmount<T extends { amountMinor: number }>(row: Row<T>): T {
  return { ...row, amountMinor: readMinorUnits(row.amountMinor) } as T;
}

/** The `order_refunds` table: line refunds, PENDING until the provider settles them. */
@Injectable()
export class OrderRefundRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): OrderRefundRepository {
    return new OrderRefundRepository(manager);
  }

  /**
   * Records a refund request PENDING, counting against what is left of the line until the provider settles it.
   * `restock`: a merchandise refund gives its whole units back to stock when it settles. Returns its id.
   */
  async insertRequest(
    line: Pick<OrderLineRecord, 'id' | 'orderId' | 'currency'>,
    amountMinor: number,
    requestedBy: string,
    now: Date,
    restock = false,
  ): Promise<string> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by, created_at, restock)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [line.orderId, line.id, amountMinor, line.currency, OrderRefundStatus.PENDING, requestedBy, now, restock],
    );
    const [created] = rows;
    if (!created) throw new Error('INSERT ... RETURNING answered no refund');
    return created.id;
  }

  async findById(refundId: string): Promise<OrderRefundRecord | null> {
    const rows: Row<OrderRefundRecord>[] = await this.manager.query(
      `SELECT id, order_id AS "orderId", order_line_id AS "orderLineId", status, amount_minor AS "amountMinor", currency
           FROM order_refunds WHERE id = $1`,
      [refundId],
    );
    return rows[0] ? withAmount(rows[0]) : null;
  }

  async findToSettle(refundId: string): Promise<RefundToSettle | null> {
    const rows: Row<RefundToSettle>[] = await this.manager.query(
      `SELECT id, order_id AS "orderId", order_line_id AS "orderLineId", amount_minor AS "amountMinor", currency, status,
              restock, requested_by AS "requestedBy"
         FROM order_refunds WHERE id = $1`,
      [refundId],
    );
    return rows[0] ? withAmount(rows[0]) : null;
  }

  /** The refund's status, locked for the rest of the caller's transaction; null when there is no such refund. */
  async lockStatus(refundId: string): Promise<OrderRefundStatus | null> {
    const rows: { status: OrderRefundStatus }[] = await this.manager.query(
      `SELECT status FROM order_refunds WHERE id = $1 FOR UPDATE`,
      [refundId],
    );
    return rows[0]?.status ?? null;
  }

  /** Records the settlement: the status the lifecycle allowed and the line's refunded amount before and after. */
  async markSettled(
    refundId: string,
    status: OrderRefundStatus,
    refundedBeforeMinor: number,
    refundedAfterMinor: number,
    now: Date,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE order_refunds SET status = $5, refunded_before_minor = $2, refunded_after_minor = $3, settled_at = $4 WHERE id = $1`,
      [refundId, refundedBeforeMinor, refundedAfterMinor, now, status],
    );
  }

  /** Moves the refund `from` → `to` at `now`, only if it is still `from`. */
  async moveIfStill(
    refundId: string,
    transition: { from: OrderRefundStatus; to: OrderRefundStatus },
    now: Date,
  ): Promise<void> {
    await this.manager.query(`UPDATE order_refunds SET status = $3, settled_at = $2 WHERE id = $1 AND status = $4`, [
      refundId,
      now,
      transition.to,
      transition.from,
    ]);
  }

  /** The order's PENDING and SUCCEEDED refunds, oldest first. */
  async pendingOrSucceededOf(orderId: string): Promise<RefundOfOrder[]> {
    const rows: Row<RefundOfOrder>[] = await this.manager.query(
      `SELECT id, amount_minor AS "amountMinor", status FROM order_refunds
        WHERE order_id = $1 AND status IN ('PENDING', 'SUCCEEDED') ORDER BY created_at, id`,
      [orderId],
    );
    return rows.map((r) => withAmount(r));
  }
}
