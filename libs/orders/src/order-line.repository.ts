import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { OrderLineRecord } from './order-records';
import { OrderStatus } from './order-status';
import { ExpectedGuest, MerchandiseFulfilment } from './orders.types';

const LINE_COLUMNS = `l.id, l.order_id AS "orderId", l.position, l.kind, l.product_id AS "productId", l.product_name AS "productName",
  l.product_name_zh AS "productNameZh", l.merchant_id AS "merchantId", l.studio_id AS "studioId", l.license_id AS "licenseId", l.film_ip_id AS "filmIpId",
  l.royalty_bps AS "royaltyBps", l.variant_id AS "variantId", l.time_slot_id AS "timeSlotId", l.ticket_type_id AS "ticketTypeId",
  l.ticket_type_name AS "ticketTypeName", l.ticket_type_name_zh AS "ticketTypeNameZh", l.venue_id AS "venueId", l.slot_starts_at AS "slotStartsAt", l.slot_ends_at AS "slotEndsAt", l.quantity,
  l.unit_price_minor AS "unitPriceMinor", l.net_minor AS "netMinor", l.currency, l.refunded_minor AS "refundedMinor", l.fulfilled_at AS "fulfilledAt", l.fulfilment`;

type MoneyColumn = 'unitPriceMinor' | 'netMinor' | 'refundedMinor';

/** A line row as pg returns it: the bigint amounts as text, for the kernel's one money reader. */
export type OrderLineRow = Omit<OrderLineRecord, MoneyColumn> & Record<MoneyColumn, string>;

function toOrderLineRecord(row: OrderLineRow): OrderLineRecord {
  return {
    ...row,
    unitPriceMinor: readMinorUnits(row.unitPriceMinor),
    netMinor: readMinorUnits(row.netMinor),
    refundedMinor: readMinorUnits(row.refundedMinor),
  };
}

/** A line as checkout prices it: what was sold, at which price, copied from the catalog at that moment. */
export type NewOrderLine = Omit<OrderLineRecord, 'id' | 'refundedMinor' | 'fulfilledAt' | 'fulfilment'>;

/** How many of a product a buyer has ordered. */
export interface QuantityBought {
  productId: string;
  quantity: number;
}

/** A line on a time slot, with its order's status. */
export interface LineOnSlot {
  orderId: string;
  orderLineId: string;
  status: OrderStatus;
}

/** The `order_lines` table. */
@Injectable()
export class OrderLineRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): OrderLineRepository {
    return new OrderLineRepository(manager);
  }

  findById(orderLineId: string): Promise<OrderLineRecord | null> {
    return this.find(orderLineId, false);
  }

  /** Locked for the rest of the caller's transaction. */
  lockById(orderLineId: string): Promise<OrderLineRecord | null> {
    return this.find(orderLineId, true);
  }

  private async find(orderLineId: string, lock: boolean): Promise<OrderLineRecord | null> {
    const rows: OrderLineRow[] = await this.manager.query(
      `SELECT ${LINE_COLUMNS} FROM order_lines l WHERE l.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [orderLineId],
    );
    return rows[0] ? toOrderLineRecord(rows[0]) : null;
  }

  /** The lines of these orders, by order and position. */
  async ofOrders(orderIds: readonly string[]): Promise<OrderLineRecord[]> {
    if (orderIds.length === 0) return [];
    const rows: OrderLineRow[] = await this.manager.query(
      `SELECT ${LINE_COLUMNS} FROM order_lines l WHERE l.order_id = ANY($1) ORDER BY l.order_id, l.position`,
      [orderIds],
    );
    return rows.map(toOrderLineRecord);
  }

  /** All of a new order's lines in one statement, returned as written (by position), so checkout need not read them back. */
  async insertAll(lines: readonly NewOrderLine[]): Promise<OrderLineRecord[]> {
    if (lines.length === 0) return [];
    const values: unknown[] = [];
    const rows: OrderLineRow[] = await this.manager.query(insertLinesSql(lines, values), values);
    return readWrittenLines(rows);
  }

  /** Per product among `productIds`, how many the buyer has in orders of these statuses; products never ordered are absent. */
  quantitiesBought(
    buyerUserId: string,
    statuses: readonly OrderStatus[],
    productIds: readonly string[],
  ): Promise<QuantityBought[]> {
    return this.manager.query(
      `SELECT l.product_id AS "productId", sum(l.quantity)::int AS quantity
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.buyer_user_id = $1 AND o.status = ANY($2) AND l.product_id = ANY($3)
        GROUP BY l.product_id`,
      [buyerUserId, statuses, productIds],
    );
  }

  /** Marks a merchandise line handed over; false when it already was. */
  async markFulfilled(orderLineId: string, now: Date, how: MerchandiseFulfilment): Promise<boolean> {
    const updated = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE order_lines SET fulfilled_at = $2, fulfilment = $3 WHERE id = $1 AND fulfilled_at IS NULL RETURNING id`,
      [orderLineId, now, how],
    );
    return updated.length > 0;
  }

  /**
   * An experience line is handed over (REDEEMED) once every ticket still valid is redeemed and at least one was: after
   * a redemption, or after a refund voids the last unredeemed ones. A line refunded in full is not. Returns whether
   * the line became fulfilled now.
   */
  async fulfilIfRedeemed(orderLineId: string, now: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE order_lines SET fulfilled_at = $2, fulfilment = 'REDEEMED'
      WHERE id = $1 AND fulfilled_at IS NULL AND refunded_minor < net_minor
        AND EXISTS (SELECT 1 FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL)
      RETURNING id`,
      [orderLineId, now],
    );
    return rows.length > 0;
  }

  /** What is left to refund of a line: its net, less what was refunded and what is being refunded. Locks the line. */
  async lockRefundable(orderLineId: string): Promise<number> {
    const rows: { refundable: string }[] = await this.manager.query(
      `SELECT l.net_minor - l.refunded_minor
            - coalesce((SELECT sum(amount_minor) FROM order_refunds r WHERE r.order_line_id = l.id AND r.status = 'PENDING'), 0) AS refundable
       FROM order_lines l WHERE l.id = $1 FOR UPDATE`,
      [orderLineId],
    );
    const [row] = rows;
    if (!row) throw new Error(`No order line ${orderLineId}`);
    return readMinorUnits(row.refundable);
  }

  /** How much of the line is refunded so far. Locks the line. */
  async lockRefunded(orderLineId: string): Promise<number> {
    const rows: { before: string }[] = await this.manager.query(
      `SELECT refunded_minor AS before FROM order_lines WHERE id = $1 FOR UPDATE`,
      [orderLineId],
    );
    const [row] = rows;
    if (!row) throw new Error(`No order line ${orderLineId}`);
    return readMinorUnits(row.before);
  }

  async setRefunded(orderLineId: string, refundedMinor: number): Promise<void> {
    await this.manager.query(`UPDATE order_lines SET refunded_minor = $2 WHERE id = $1`, [orderLineId, refundedMinor]);
  }

  /** The lines on a time slot whose order is in one of `statuses`, by order and position. */
  onTimeSlot(timeSlotId: string, statuses: readonly OrderStatus[]): Promise<LineOnSlot[]> {
    return this.manager.query(
      `SELECT o.id AS "orderId", l.id AS "orderLineId", o.status
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.time_slot_id = $1 AND o.status = ANY($2) ORDER BY o.id, l.position`,
      [timeSlotId, statuses],
    );
  }

  /**
   * Who is expected at the venue on a day (Asia/Shanghai): paid experience lines by slot, counting the tickets still
   * valid; lines with none left are not expected.
   */
  expectedGuests(venueId: string, date: string): Promise<ExpectedGuest[]> {
    return this.manager.query(
      `SELECT l.order_id AS "orderId", l.id AS "orderLineId", l.product_name AS "productName", l.time_slot_id AS "timeSlotId",
              l.slot_starts_at AS "startsAt", l.ticket_type_name AS "ticketTypeName", v.seats, v.redeemed
         FROM order_lines l JOIN orders o ON o.id = l.order_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS seats, count(t.redeemed_at)::int AS redeemed
                               FROM tickets t WHERE t.order_line_id = l.id AND t.voided_at IS NULL) v
        WHERE l.venue_id = $1 AND o.status IN ('PAID', 'FULFILLED', 'PARTIALLY_REFUNDED') AND v.seats > 0
          AND l.slot_starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND l.slot_starts_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ORDER BY l.slot_starts_at, l.order_id, l.position`,
      [venueId, date],
    );
  }
}

/**
 * The INSERT of `lines` returning LINE_COLUMNS, their parameters appended to `values` (so it can close a statement that
 * writes other rows of the order first, as checkout's does).
 */
export function insertLinesSql(lines: readonly NewOrderLine[], values: unknown[]): string {
  const tuples = lines.map((line) => {
    const row = [
      line.orderId,
      line.position,
      line.kind,
      line.productId,
      line.productName,
      line.merchantId,
      line.studioId,
      line.licenseId,
      line.filmIpId,
      line.royaltyBps,
      line.variantId,
      line.timeSlotId,
      line.ticketTypeId,
      line.ticketTypeName,
      line.venueId,
      line.slotStartsAt,
      line.slotEndsAt,
      line.quantity,
      line.unitPriceMinor,
      line.netMinor,
      line.currency,
      line.productNameZh,
      line.ticketTypeNameZh,
    ];
    const first = values.length;
    values.push(...row);
    return `(${row.map((_, i) => `$${first + i + 1}`).join(', ')})`;
  });
  return `INSERT INTO order_lines AS l (order_id, position, kind, product_id, product_name, merchant_id, studio_id, license_id, film_ip_id, royalty_bps,
                                variant_id, time_slot_id, ticket_type_id, ticket_type_name, venue_id, slot_starts_at, slot_ends_at,
                                quantity, unit_price_minor, net_minor, currency, product_name_zh, ticket_type_name_zh)
       VALUES ${tuples.join(', ')} RETURNING ${LINE_COLUMNS}`;
}

/** The rows `insertLinesSql` returned, as records by position. */
export function readWrittenLines(rows: readonly OrderLineRow[]): OrderLineRecord[] {
  return rows.map(toOrderLineRecord).sort((a, b) => a.position - b.position);
}
