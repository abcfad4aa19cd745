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
  /** The line's merchant's shipping fee given back with the line (0 when none): asked of the provider with it. */
  shippingMinor: number;
}

/** A merchant's shipping fee a line refund gives back with it. */
export interface RefundedShipping {
  merchantId: string;
  feeMinor: number;
}

/** A refund with what settling it needs: whether its units go back to stock, who asked, whose fee it carries. */
export interface RefundToSettle extends OrderRefundRecord {
  restock: boolean;
  requestedBy: string;
  shippingMerchantId: string | null;
}

/** A refund of an order, as the provider's cumulative refunded total is matched against it. */
export interface RefundOfOrder {
  id: string;
  /** What the provider was asked for: the line's amount plus any shipping fee it carries. */
  amountMinor: number;
  status: OrderRefundStatus;
}

/** A row as pg returns it: the bigint amounts as text, for the kernel's one money reader. */
type Row<T extends { amountMinor: number }> = Omit<T, 'amountMinor' | 'shippingMinor'> & {
  amountMinor: string;
  shippingMinor?: string;
};

function withAmount<T extends { amountMinor: number }>(row: Row<T>): T {
  const { shippingMinor, ...rest } = row;
  return {
    ...rest,
    amountMinor: readMinorUnits(row.amountMinor),
    ...(shippingMinor === undefined ? {} : { shippingMinor: readMinorUnits(shippingMinor) }),
  } as unknown as T;
}

/** An order's merchant's shipping fee given back by settled refunds. */
export interface ShippingRefundedRow {
  orderId: string;
  merchantId: string;
  refundedMinor: number;
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
   * `restock`: a merchandise refund gives its whole units back to stock when it settles. `shipping`: the merchant's
   * shipping fee given back with the line (a partial unique index holds one live refund per order and merchant to it).
   * Returns its id.
   */
  async insertRequest(
    line: Pick<OrderLineRecord, 'id' | 'orderId' | 'currency'>,
    amountMinor: number,
    requestedBy: string,
    now: Date,
    restock = false,
    shipping: RefundedShipping | null = null,
  ): Promise<string> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by, created_at, restock,
                                  shipping_minor, shipping_merchant_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        line.orderId,
        line.id,
        amountMinor,
        line.currency,
        OrderRefundStatus.PENDING,
        requestedBy,
        now,
        restock,
        shipping?.feeMinor ?? 0,
        shipping?.merchantId ?? null,
      ],
    );
    const [created] = rows;
    if (!created) throw new Error('INSERT ... RETURNING answered no refund');
    return created.id;
  }

  async findById(refundId: string): Promise<OrderRefundRecord | null> {
    const rows: Row<OrderRefundRecord>[] = await this.manager.query(
      `SELECT id, order_id AS "orderId", order_line_id AS "orderLineId", status, amount_minor AS "amountMinor", currency,
              shipping_minor AS "shippingMinor"
           FROM order_refunds WHERE id = $1`,
      [refundId],
    );
    return rows[0] ? withAmount(rows[0]) : null;
  }

  async findToSettle(refundId: string): Promise<RefundToSettle | null> {
    const rows: Row<RefundToSettle>[] = await this.manager.query(
      `SELECT id, order_id AS "orderId", order_line_id AS "orderLineId", amount_minor AS "amountMinor", currency, status,
              restock, requested_by AS "requestedBy", shipping_minor AS "shippingMinor", shipping_merchant_id AS "shippingMerchantId"
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

  /** The order's PENDING and SUCCEEDED refunds, oldest first, each for what the provider was asked. */
  async pendingOrSucceededOf(orderId: string): Promise<RefundOfOrder[]> {
    const rows: Row<RefundOfOrder>[] = await this.manager.query(
      `SELECT id, amount_minor + shipping_minor AS "amountMinor", status FROM order_refunds
        WHERE order_id = $1 AND status IN ('PENDING', 'SUCCEEDED') ORDER BY created_at, id`,
      [orderId],
    );
    return rows.map((r) => withAmount(r));
  }

  /** PENDING refunds of the order's lines, per line: what is being refunded and not settled yet. */
  async pendingByLine(orderId: string): Promise<Map<string, number>> {
    const rows: { orderLineId: string; pending: string }[] = await this.manager.query(
      `SELECT order_line_id AS "orderLineId", sum(amount_minor)::text AS pending FROM order_refunds
        WHERE order_id = $1 AND status = 'PENDING' GROUP BY order_line_id`,
      [orderId],
    );
    return new Map(rows.map((r) => [r.orderLineId, readMinorUnits(r.pending)]));
  }

  /** Whether a live refund (PENDING or SUCCEEDED) already carries the merchant's shipping fee on the order. */
  async shippingRefundIsLive(orderId: string, merchantId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM order_refunds WHERE order_id = $1 AND shipping_merchant_id = $2 AND status IN ('PENDING', 'SUCCEEDED')`,
      [orderId, merchantId],
    );
    return rows.length > 0;
  }

  /** Per order and merchant, the shipping fee settled refunds gave back (those with none are absent). */
  async shippingRefundedOf(orderIds: readonly string[]): Promise<ShippingRefundedRow[]> {
    if (orderIds.length === 0) return [];
    const rows: { orderId: string; merchantId: string; refunded: string }[] = await this.manager.query(
      `SELECT order_id AS "orderId", shipping_merchant_id AS "merchantId", sum(shipping_minor)::text AS refunded
         FROM order_refunds WHERE order_id = ANY($1::uuid[]) AND status = 'SUCCEEDED' AND shipping_merchant_id IS NOT NULL
        GROUP BY order_id, shipping_merchant_id`,
      [orderIds],
    );
    return rows.map((r) => ({
      orderId: r.orderId,
      merchantId: r.merchantId,
      refundedMinor: readMinorUnits(r.refunded),
    }));
  }
}
