import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { decodeCursor, readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { deliveryCtesSql, NewOrderDelivery } from './delivery.repository';
import { insertLinesSql, NewOrderLine, OrderLineRow, readWrittenLines } from './order-line.repository';
import { OrderLineRecord, OrderRecord } from './order-records';
import { OrderStatus } from './order-status';

/** An order row as pg returns it: the bigint total as text, for the kernel's one money reader. */
type OrderRow = Omit<OrderRecord, 'totalMinor'> & { totalMinor: string };

function toOrderRecord(row: OrderRow): OrderRecord {
  return { ...row, totalMinor: readMinorUnits(row.totalMinor) };
}

function orderColumns(status: string, totalMinor: string): string {
  return `o.id, o.buyer_user_id AS "buyerUserId", ${status} AS status, o.idempotency_key AS "idempotencyKey",
  o.request_hash AS "requestHash", ${totalMinor} AS "totalMinor", o.currency, o.expires_at AS "expiresAt",
  o.paid_at AS "paidAt", o.cancelled_at AS "cancelledAt", o.cancel_reason AS "cancelReason", o.refund_due AS "refundDue", o.created_at AS "createdAt"`;
}

const ORDER_COLUMNS = orderColumns('o.status', 'o.total_minor');

/**
 * The status of an order as merchants see it, `merchants` being an SQL uuid[] of their ids. An order that holds
 * other merchants' lines says nothing of them once paid: its status follows the merchants' own lines alone (all
 * refunded in full: REFUNDED; all handed over or refunded, one at least handed over: FULFILLED; any refunded:
 * PARTIALLY_REFUNDED; else PAID). Before payment, and for an order that is theirs alone, it is the order's status.
 */
function merchantStatusSql(merchants: string): string {
  return `CASE WHEN o.status = ANY('{PAID,FULFILLED,PARTIALLY_REFUNDED,REFUNDED}'::text[])
                 AND EXISTS (SELECT 1 FROM order_lines x WHERE x.order_id = o.id AND x.merchant_id <> ALL(${merchants}))
            THEN (SELECT CASE WHEN bool_and(m.refunded_minor >= m.net_minor) THEN 'REFUNDED'
                              WHEN bool_and(m.fulfilled_at IS NOT NULL OR m.refunded_minor >= m.net_minor) AND bool_or(m.fulfilled_at IS NOT NULL) THEN 'FULFILLED'
                              WHEN bool_or(m.refunded_minor > 0) THEN 'PARTIALLY_REFUNDED'
                              ELSE 'PAID' END
                    FROM order_lines m WHERE m.order_id = o.id AND m.merchant_id = ANY(${merchants}))
            ELSE o.status END`;
}

/** ORDER_COLUMNS as merchants see the order: the subtotal of their own lines and shipping fees, and `merchantStatusSql`. */
function merchantOrderColumns(merchants: string): string {
  return orderColumns(
    merchantStatusSql(merchants),
    `((SELECT coalesce(sum(m.net_minor), 0)::bigint FROM order_lines m WHERE m.order_id = o.id AND m.merchant_id = ANY(${merchants}))
      + (SELECT coalesce(sum(d.fee_minor), 0)::bigint FROM order_merchant_deliveries d WHERE d.order_id = o.id AND d.merchant_id = ANY(${merchants})))`,
  );
}

/** A new order, awaiting payment until `expiresAt`. */
export interface NewOrder {
  buyerUserId: string;
  idempotencyKey: string;
  requestHash: string;
  totalMinor: number;
  currency: string;
  expiresAt: Date;
  createdAt: Date;
}

/** What checkout must know before it places an order: the key's earlier order, and the buyer's open orders. */
export interface CheckoutState {
  /** The order placed earlier with the same idempotency key, if any. */
  id: string | null;
  requestHash: string | null;
  /** The buyer's orders awaiting payment and not expired. */
  open: number;
}

/** Orders a merchant sees: those with its lines, optionally narrowed. */
export interface MerchantOrderFilter {
  merchantId: string;
  productId: string | null;
  /** Matched against the status as the merchant sees it (`merchantStatusSql`). */
  status: string | null;
  /** Days (YYYY-MM-DD) in Asia/Shanghai, both included. */
  from: string | null;
  to: string | null;
}

export interface PaidOrderTotal {
  orderId: string;
  totalMinor: number;
}

interface PaidOrderRow {
  orderId: string;
  totalMinor: string;
}

interface OrderStatusRow {
  id: string;
  status: OrderStatus;
}

interface CountRow {
  n: number;
}

/** The `orders` table. */
@Injectable()
export class OrderRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): OrderRepository {
    return new OrderRepository(manager);
  }

  findById(orderId: string): Promise<OrderRecord | null> {
    return this.find(orderId, false);
  }

  /** Locked for the rest of the caller's transaction: every change of an order starts here. */
  lockById(orderId: string): Promise<OrderRecord | null> {
    return this.find(orderId, true);
  }

  private async find(orderId: string, lock: boolean): Promise<OrderRecord | null> {
    const rows: OrderRow[] = await this.manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [orderId],
    );
    return rows[0] ? toOrderRecord(rows[0]) : null;
  }

  /** One buyer's checkouts run one at a time, until the caller's transaction ends. */
  async serialiseCheckoutsOf(buyerUserId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`checkout:${buyerUserId}`]);
  }

  /** The key's earlier order, if any, and the buyer's open orders at `now`: one round trip. */
  async checkoutState(buyerUserId: string, idempotencyKey: string, now: Date): Promise<CheckoutState> {
    const rows: CheckoutState[] = await this.manager.query(
      `SELECT o.id, o.request_hash AS "requestHash",
              (SELECT count(*)::int FROM orders WHERE buyer_user_id = $1 AND status = 'PENDING_PAYMENT' AND expires_at > $3) AS open
         FROM (SELECT 1) one LEFT JOIN orders o ON o.buyer_user_id = $1 AND o.idempotency_key = $2`,
      [buyerUserId, idempotencyKey, now],
    );
    // The outer join answers exactly one row, with or without an order.
    const [state] = rows;
    if (!state) throw new Error('The checkout state query answered no row');
    return state;
  }

  /**
   * Writes a new order PENDING_PAYMENT (under the id checkout drew), its lines and its delivery in one statement, and
   * answers the order and its lines as written: checkout's round trips bound its throughput (#18).
   */
  async insertPlaced(
    order: NewOrder & { id: string },
    lines: readonly Omit<NewOrderLine, 'orderId'>[],
    delivery: Omit<NewOrderDelivery, 'orderId'> | null,
  ): Promise<{ order: OrderRecord; lines: OrderLineRecord[] }> {
    const values: unknown[] = [
      order.id,
      order.buyerUserId,
      OrderStatus.PENDING_PAYMENT,
      order.idempotencyKey,
      order.requestHash,
      order.totalMinor,
      order.currency,
      order.expiresAt,
      order.createdAt,
    ];
    const ctes = [
      `placed AS (
         INSERT INTO orders (id, buyer_user_id, status, idempotency_key, request_hash, total_minor, currency, expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9))`,
    ];
    if (delivery) ctes.push(deliveryCtesSql({ ...delivery, orderId: order.id }, values));
    // The lines' foreign key to the order is checked at the end of the statement, after every CTE has written.
    const rows: OrderLineRow[] = await this.manager.query(
      `WITH ${ctes.join(', ')} ${insertLinesSql(
        lines.map((line) => ({ ...line, orderId: order.id })),
        values,
      )}`,
      values,
    );
    return {
      order: {
        id: order.id,
        buyerUserId: order.buyerUserId,
        status: OrderStatus.PENDING_PAYMENT,
        idempotencyKey: order.idempotencyKey,
        requestHash: order.requestHash,
        totalMinor: order.totalMinor,
        currency: order.currency,
        expiresAt: order.expiresAt,
        paidAt: null,
        cancelledAt: null,
        cancelReason: null,
        refundDue: false,
        createdAt: order.createdAt,
      },
      lines: readWrittenLines(rows),
    };
  }

  /**
   * Writes the status the order's transition table allowed, and stamps what the move means: paid_at on the first
   * PAID, cancelled_at on CANCELLED, and the reason and refund-due flag when given.
   */
  async writeStatus(
    orderId: string,
    status: OrderStatus,
    now: Date,
    extra: { cancelReason?: string; refundDue?: boolean } = {},
  ): Promise<void> {
    await this.manager.query(
      `UPDATE orders SET status = $2, updated_at = $3,
            paid_at = CASE WHEN $2 = 'PAID' AND paid_at IS NULL THEN $3 ELSE paid_at END,
            cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN $3 ELSE cancelled_at END,
            cancel_reason = coalesce($4, cancel_reason),
            refund_due = coalesce($5, refund_due)
      WHERE id = $1`,
      [orderId, status, now, extra.cancelReason ?? null, extra.refundDue ?? null],
    );
  }

  /** A cancelled order whose payment arrived anyway: it stays CANCELLED and the money is owed back. */
  async markRefundDue(orderId: string, now: Date): Promise<void> {
    await this.manager.query(`UPDATE orders SET refund_due = true, updated_at = $2, cancelled_at = $2 WHERE id = $1`, [
      orderId,
      now,
    ]);
  }

  /** The late payment went back: nothing is owed any more. */
  async clearRefundDue(orderId: string, now: Date): Promise<void> {
    await this.manager.query(`UPDATE orders SET refund_due = false, updated_at = $2 WHERE id = $1`, [orderId, now]);
  }

  /** Ids of orders still awaiting payment whose reservation lapsed by `now`, the longest lapsed first. */
  async idsOfLapsedReservations(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND expires_at <= $1 ORDER BY expires_at LIMIT ${limit}`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Of these orders, the ones awaiting payment that nobody else holds, locked in id order; an order another
   * transaction holds is skipped, not waited for.
   */
  async lockPendingUnlessHeld(orderIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM orders WHERE id = ANY($1) AND status = 'PENDING_PAYMENT' ORDER BY id FOR UPDATE SKIP LOCKED`,
      [orderIds],
    );
    return rows.map((r) => r.id);
  }

  /** Orders paid in [start, end) in a currency and now in one of `statuses`, in paid order. */
  async paidBetween(
    currency: string,
    start: Date,
    end: Date,
    statuses: readonly OrderStatus[],
  ): Promise<PaidOrderTotal[]> {
    const rows: PaidOrderRow[] = await this.manager.query(
      `SELECT o.id::text AS "orderId", o.total_minor AS "totalMinor" FROM orders o
        WHERE o.currency = $1 AND o.paid_at >= $2 AND o.paid_at < $3 AND o.status = ANY($4)
        ORDER BY o.paid_at, o.id`,
      [currency, start, end, statuses],
    );
    return rows.map((r) => ({ orderId: r.orderId, totalMinor: readMinorUnits(r.totalMinor) }));
  }

  /** Each known order's status; unknown ids are absent. */
  async statusesOf(orderIds: readonly string[]): Promise<Map<string, OrderStatus>> {
    const rows: OrderStatusRow[] = await this.manager.query(
      `SELECT id::text AS id, status FROM orders WHERE id = ANY($1::uuid[])`,
      [orderIds],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** A page of the buyer's orders, newest first, after the one `after` (a connection's cursor) names; `limit` rows at most. */
  async pageOfBuyer(buyerUserId: string, after: string | null | undefined, limit: number): Promise<OrderRecord[]> {
    const [createdAt, id] = after ? decodeCursor(after, 2) : [null, null];
    const rows: OrderRow[] = await this.manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o
        WHERE o.buyer_user_id = $1 AND ($2::timestamptz IS NULL OR (o.created_at, o.id) < ($2::timestamptz, $3::uuid))
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [buyerUserId, createdAt, id, limit],
    );
    return rows.map(toOrderRecord);
  }

  async countOfBuyer(buyerUserId: string): Promise<number> {
    const rows: CountRow[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM orders WHERE buyer_user_id = $1`,
      [buyerUserId],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * A page of the orders holding the merchant's lines, newest first, each with the merchant's subtotal and status
   * (`merchantStatusSql`), after the one `after` (a connection's cursor) names; `limit` rows at most.
   */
  async pageOfMerchant(
    filter: MerchantOrderFilter,
    after: string | null | undefined,
    limit: number,
  ): Promise<OrderRecord[]> {
    const [createdAt, id] = after ? decodeCursor(after, 2) : [null, null];
    const rows: OrderRow[] = await this.manager.query(
      `SELECT ${merchantOrderColumns(MERCHANT)} FROM orders o WHERE ${MERCHANT_FILTER}
          AND ($6::timestamptz IS NULL OR (o.created_at, o.id) < ($6::timestamptz, $7::uuid))
        ORDER BY o.created_at DESC, o.id DESC LIMIT $8`,
      [...merchantParams(filter), createdAt, id, limit],
    );
    return rows.map(toOrderRecord);
  }

  async countOfMerchant(filter: MerchantOrderFilter): Promise<number> {
    const rows: CountRow[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM orders o WHERE ${MERCHANT_FILTER}`,
      merchantParams(filter),
    );
    return rows[0]?.n ?? 0;
  }

  /** The order with the subtotal and status these merchants see of it; null when there is no such order. */
  async asMerchantsSee(orderId: string, merchantIds: readonly string[]): Promise<OrderRecord | null> {
    const rows: OrderRow[] = await this.manager.query(
      `SELECT ${merchantOrderColumns('$2::uuid[]')} FROM orders o WHERE o.id = $1`,
      [orderId, merchantIds],
    );
    return rows[0] ? toOrderRecord(rows[0]) : null;
  }
}

/** The merchant of `MerchantOrderFilter`, as the SQL uuid[] `merchantStatusSql` takes. */
const MERCHANT = 'ARRAY[$1::uuid]';

/** `MerchantOrderFilter` over orders o, with parameters $1 to $5 (`merchantParams`). */
const MERCHANT_FILTER = `o.id IN (SELECT order_id FROM order_lines WHERE merchant_id = $1 AND ($2::uuid IS NULL OR product_id = $2::uuid))
        AND ($3::text IS NULL OR ${merchantStatusSql(MERCHANT)} = $3)
        AND ($4::date IS NULL OR o.created_at >= ($4::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND ($5::date IS NULL OR o.created_at < ($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

function merchantParams(filter: MerchantOrderFilter): (string | null)[] {
  return [filter.merchantId, filter.productId, filter.status, filter.from, filter.to];
}
