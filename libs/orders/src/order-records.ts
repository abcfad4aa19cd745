import { EntityManager } from 'typeorm';
import { updateReturning } from '@chedun/db';
import { readMinorUnits } from '@chedun/kernel';
import { orderLifecycle, OrderRefundStatus, OrderStatus } from './order-status';

/** An order as stored (amounts in minor units). */
export interface OrderRecord {
  id: string;
  buyerUserId: string;
  status: OrderStatus;
  idempotencyKey: string;
  requestHash: string;
  totalMinor: number;
  currency: string;
  expiresAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  refundDue: boolean;
  createdAt: Date;
}

export interface OrderLineRecord {
  id: string;
  orderId: string;
  position: number;
  kind: 'MERCHANDISE' | 'EXPERIENCE';
  productId: string;
  productName: string;
  merchantId: string;
  studioId: string;
  licenseId: string;
  filmIpId: string;
  royaltyBps: number;
  variantId: string | null;
  timeSlotId: string | null;
  ticketTypeId: string | null;
  venueId: string | null;
  ticketTypeName: string | null;
  slotStartsAt: Date | null;
  slotEndsAt: Date | null;
  quantity: number;
  unitPriceMinor: number;
  netMinor: number;
  currency: string;
  refundedMinor: number;
  fulfilledAt: Date | null;
  fulfilment: string | null;
}

export interface TicketRecord {
  id: string;
  orderId: string;
  orderLineId: string;
  seat: number;
  merchantId: string;
  venueId: string;
  timeSlotId: string;
  code: string;
  qrPayload: string;
  redeemedAt: Date | null;
  voidedAt: Date | null;
  voidReason: 'SLOT_CANCELLED' | 'REFUNDED' | null;
}

function orderColumns(status: string, totalMinor: string): string {
  return `o.id, o.buyer_user_id AS "buyerUserId", ${status} AS status, o.idempotency_key AS "idempotencyKey",
  o.request_hash AS "requestHash", ${totalMinor} AS "totalMinor", o.currency, o.expires_at AS "expiresAt",
  o.paid_at AS "paidAt", o.cancelled_at AS "cancelledAt", o.cancel_reason AS "cancelReason", o.refund_due AS "refundDue", o.created_at AS "createdAt"`;
}

export const ORDER_COLUMNS = orderColumns('o.status', 'o.total_minor');

/**
 * The status of an order as merchants see it, `merchants` being an SQL uuid[] of their ids. An order that holds
 * other merchants' lines says nothing of them once paid: its status follows the merchants' own lines alone (all
 * refunded in full: REFUNDED; all handed over or refunded, one at least handed over: FULFILLED; any refunded:
 * PARTIALLY_REFUNDED; else PAID). Before payment, and for an order that is theirs alone, it is the order's status.
 */
export function merchantStatusSql(merchants: string): string {
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
export function merchantOrderColumns(merchants: string): string {
  return orderColumns(
    merchantStatusSql(merchants),
    `((SELECT coalesce(sum(m.net_minor), 0)::bigint FROM order_lines m WHERE m.order_id = o.id AND m.merchant_id = ANY(${merchants}))
      + (SELECT coalesce(sum(d.fee_minor), 0)::bigint FROM order_merchant_deliveries d WHERE d.order_id = o.id AND d.merchant_id = ANY(${merchants})))`,
  );
}

export const LINE_COLUMNS = `l.id, l.order_id AS "orderId", l.position, l.kind, l.product_id AS "productId", l.product_name AS "productName",
  l.merchant_id AS "merchantId", l.studio_id AS "studioId", l.license_id AS "licenseId", l.film_ip_id AS "filmIpId",
  l.royalty_bps AS "royaltyBps", l.variant_id AS "variantId", l.time_slot_id AS "timeSlotId", l.ticket_type_id AS "ticketTypeId",
  l.ticket_type_name AS "ticketTypeName", l.venue_id AS "venueId", l.slot_starts_at AS "slotStartsAt", l.slot_ends_at AS "slotEndsAt", l.quantity,
  l.unit_price_minor AS "unitPriceMinor", l.net_minor AS "netMinor", l.currency, l.refunded_minor AS "refundedMinor", l.fulfilled_at AS "fulfilledAt", l.fulfilment`;

export const TICKET_COLUMNS = `t.id, t.order_id AS "orderId", t.order_line_id AS "orderLineId", t.seat, t.merchant_id AS "merchantId",
  t.venue_id AS "venueId", t.time_slot_id AS "timeSlotId", t.code, t.qr_payload AS "qrPayload", t.redeemed_at AS "redeemedAt",
  t.voided_at AS "voidedAt", t.void_reason AS "voidReason"`;

/** A row of ORDER_COLUMNS as pg returns it (bigint as text), with its amount read by the kernel's money reader. */
export function toOrderRecord(row: unknown): OrderRecord {
  const r = row as Omit<OrderRecord, 'totalMinor'> & { totalMinor: string };
  return { ...r, totalMinor: readMinorUnits(r.totalMinor) };
}

/** A row of LINE_COLUMNS as pg returns it, with its amounts read by the kernel's money reader. */
export function toOrderLineRecord(row: unknown): OrderLineRecord {
  const r = row as Omit<OrderLineRecord, 'unitPriceMinor' | 'netMinor' | 'refundedMinor'> & Record<'unitPriceMinor' | 'netMinor' | 'refundedMinor', string>;
  return { ...r, unitPriceMinor: readMinorUnits(r.unitPriceMinor), netMinor: readMinorUnits(r.netMinor), refundedMinor: readMinorUnits(r.refundedMinor) };
}

/** The order, locked for the rest of the caller's transaction when `lock` is set. */
export async function findOrder(manager: EntityManager, orderId: string, lock = false): Promise<OrderRecord | null> {
  const rows: unknown[] = await manager.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [orderId]);
  return rows[0] ? toOrderRecord(rows[0]) : null;
}

/** The line, locked for the rest of the caller's transaction when `lock` is set. */
export async function findLine(manager: EntityManager, orderLineId: string, lock = false): Promise<OrderLineRecord | undefined> {
  const rows: unknown[] = await manager.query(`SELECT ${LINE_COLUMNS} FROM order_lines l WHERE l.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [orderLineId]);
  return rows[0] ? toOrderLineRecord(rows[0]) : undefined;
}

export async function linesOf(manager: EntityManager, orderIds: readonly string[]): Promise<OrderLineRecord[]> {
  if (orderIds.length === 0) return [];
  const rows: unknown[] = await manager.query(`SELECT ${LINE_COLUMNS} FROM order_lines l WHERE l.order_id = ANY($1) ORDER BY l.order_id, l.position`, [orderIds]);
  return rows.map(toOrderLineRecord);
}

export async function ticketsOf(manager: EntityManager, orderIds: readonly string[]): Promise<TicketRecord[]> {
  if (orderIds.length === 0) return [];
  return manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.order_id = ANY($1) ORDER BY t.order_line_id, t.seat`, [orderIds]);
}

/** Moves the order's status through its table (CONFLICT when the table refuses) and stamps what the move means. */
export async function setOrderStatus(
  manager: EntityManager,
  order: Pick<OrderRecord, 'id' | 'status'>,
  to: OrderStatus,
  now: Date,
  extra: { cancelReason?: string; refundDue?: boolean } = {},
): Promise<void> {
  const status = orderLifecycle.move(order.status, to);
  await manager.query(
    `UPDATE orders SET status = $2, updated_at = $3,
            paid_at = CASE WHEN $2 = 'PAID' AND paid_at IS NULL THEN $3 ELSE paid_at END,
            cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN $3 ELSE cancelled_at END,
            cancel_reason = coalesce($4, cancel_reason),
            refund_due = coalesce($5, refund_due)
      WHERE id = $1`,
    [order.id, status, now, extra.cancelReason ?? null, extra.refundDue ?? null],
  );
}

/** A cancelled order whose payment arrived anyway: it stays CANCELLED and the money is owed back. */
export async function markRefundDue(manager: EntityManager, orderId: string, now: Date): Promise<void> {
  await manager.query(`UPDATE orders SET refund_due = true, updated_at = $2, cancelled_at = $2 WHERE id = $1`, [orderId, now]);
}

/**
 * An experience line is handed over (REDEEMED) once every ticket still valid is redeemed and at least one was: after
 * a redemption, or after a refund voids the last unredeemed ones. A line refunded in full is not. Returns whether
 * the line became fulfilled now.
 */
export async function fulfilLineIfRedeemed(manager: EntityManager, orderLineId: string, now: Date): Promise<boolean> {
  const rows = await updateReturning(
    manager,
    `UPDATE order_lines SET fulfilled_at = $2, fulfilment = 'REDEEMED'
      WHERE id = $1 AND fulfilled_at IS NULL AND refunded_minor < net_minor
        AND EXISTS (SELECT 1 FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL)
      RETURNING id`,
    [orderLineId, now],
  );
  return rows.length > 0;
}

export function holdOf(line: OrderLineRecord) {
  return line.kind === 'MERCHANDISE'
    ? { kind: 'VARIANT' as const, variantId: line.variantId as string, quantity: line.quantity }
    : { kind: 'SEATS' as const, timeSlotId: line.timeSlotId as string, quantity: line.quantity };
}

/** What is left to refund of a line: its net, less what was refunded and what is being refunded. Locks the line. */
export async function refundableOf(manager: EntityManager, orderLineId: string): Promise<number> {
  const [row] = await manager.query(
    `SELECT l.net_minor - l.refunded_minor
            - coalesce((SELECT sum(amount_minor) FROM order_refunds r WHERE r.order_line_id = l.id AND r.status = 'PENDING'), 0) AS refundable
       FROM order_lines l WHERE l.id = $1 FOR UPDATE`,
    [orderLineId],
  );
  return readMinorUnits((row as { refundable: string }).refundable);
}

/**
 * Records a refund request PENDING, counting against what is left of the line until the provider settles it.
 * `restock`: a merchandise refund gives its whole units back to stock when it settles.
 */
export async function insertRefundRequest(
  manager: EntityManager,
  line: Pick<OrderLineRecord, 'id' | 'orderId' | 'currency'>,
  amountMinor: number,
  requestedBy: string,
  now: Date,
  restock = false,
): Promise<string> {
  const [created] = await manager.query(
    `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by, created_at, restock)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [line.orderId, line.id, amountMinor, line.currency, OrderRefundStatus.PENDING, requestedBy, now, restock],
  );
  return (created as { id: string }).id;
}

/** The provider refund of one recorded request; the key makes a retried call the same refund. */
export function refundIdempotencyKey(refundId: string): string {
  return `order-refund-${refundId}`;
}
