import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { OrderLineRecord, TicketRecord } from './order-records';

const TICKET_COLUMNS = `t.id, t.order_id AS "orderId", t.order_line_id AS "orderLineId", t.seat, t.merchant_id AS "merchantId",
  t.venue_id AS "venueId", t.time_slot_id AS "timeSlotId", t.code, t.qr_payload AS "qrPayload", t.redeemed_at AS "redeemedAt",
  t.voided_at AS "voidedAt", t.void_reason AS "voidReason"`;

/** A seat's ticket as issued when its order is paid, at the venue and slot its experience line names. */
export type NewTicket = Pick<TicketRecord, 'orderId' | 'orderLineId' | 'seat' | 'merchantId' | 'code' | 'qrPayload'> &
  Pick<OrderLineRecord, 'venueId' | 'timeSlotId'>;

/** The `tickets` table: one per seat of a paid experience line. */
@Injectable()
export class TicketRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): TicketRepository {
    return new TicketRepository(manager);
  }

  /** The tickets of these orders, by line and seat. */
  async ofOrders(orderIds: readonly string[]): Promise<TicketRecord[]> {
    if (orderIds.length === 0) return [];
    return this.manager.query(
      `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.order_id = ANY($1) ORDER BY t.order_line_id, t.seat`,
      [orderIds],
    );
  }

  async findByCode(code: string): Promise<TicketRecord | null> {
    const rows: TicketRecord[] = await this.manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.code = $1`, [
      code,
    ]);
    return rows[0] ?? null;
  }

  async findById(ticketId: string): Promise<TicketRecord | null> {
    const rows: TicketRecord[] = await this.manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1`, [
      ticketId,
    ]);
    return rows[0] ?? null;
  }

  /** Every ticket of a paid order in one statement, returned as issued (by line and seat). */
  async insertAll(tickets: readonly NewTicket[]): Promise<TicketRecord[]> {
    if (tickets.length === 0) return [];
    const rows: TicketRecord[] = await this.manager.query(
      `INSERT INTO tickets AS t (order_id, order_line_id, seat, merchant_id, venue_id, time_slot_id, code, qr_payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[])
       RETURNING ${TICKET_COLUMNS}`,
      [
        tickets.map((t) => t.orderId),
        tickets.map((t) => t.orderLineId),
        tickets.map((t) => t.seat),
        tickets.map((t) => t.merchantId),
        tickets.map((t) => t.venueId),
        tickets.map((t) => t.timeSlotId),
        tickets.map((t) => t.code),
        tickets.map((t) => t.qrPayload),
      ],
    );
    return rows.sort((a, b) =>
      a.orderLineId === b.orderLineId ? a.seat - b.seat : a.orderLineId < b.orderLineId ? -1 : 1,
    );
  }

  async markRedeemed(ticketId: string, at: Date, by: string): Promise<void> {
    await this.manager.query(`UPDATE tickets SET redeemed_at = $2, redeemed_by = $3 WHERE id = $1`, [ticketId, at, by]);
  }

  /** Whether any of the line's tickets was redeemed: the buyer came, so the line was handed over in part at least. */
  async anyRedeemedOfLine(orderLineId: string): Promise<boolean> {
    const rows: { redeemed: boolean }[] = await this.manager.query(
      `SELECT EXISTS (SELECT 1 FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NOT NULL) AS redeemed`,
      [orderLineId],
    );
    return rows[0]?.redeemed ?? false;
  }

  /** How many of the line's tickets are void, for any reason. */
  async countVoidedOfLine(orderLineId: string): Promise<number> {
    const rows: { voided: number }[] = await this.manager.query(
      `SELECT count(*)::int AS voided FROM tickets WHERE order_line_id = $1 AND voided_at IS NOT NULL`,
      [orderLineId],
    );
    return rows[0]?.voided ?? 0;
  }

  /** How many of the line's tickets its slot's cancellation voided. */
  async countVoidedBySlotCancellation(orderLineId: string): Promise<number> {
    const rows: { voided: number }[] = await this.manager.query(
      `SELECT count(*)::int AS voided FROM tickets WHERE order_line_id = $1 AND void_reason = 'SLOT_CANCELLED'`,
      [orderLineId],
    );
    return rows[0]?.voided ?? 0;
  }

  /** The codes of the line's tickets its slot's cancellation voided, by seat. */
  async codesVoidedBySlotCancellation(orderLineId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.manager.query(
      `SELECT code FROM tickets WHERE order_line_id = $1 AND void_reason = 'SLOT_CANCELLED' ORDER BY seat`,
      [orderLineId],
    );
    return rows.map((r) => r.code);
  }

  /** Voids up to `count` of the line's unredeemed, valid tickets as refunded, highest seats first; returns their ids. */
  async voidRefunded(orderLineId: string, count: number, now: Date): Promise<string[]> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE tickets SET voided_at = $3, void_reason = 'REFUNDED'
        WHERE id IN (SELECT id FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL ORDER BY seat DESC LIMIT $2 FOR UPDATE)
        RETURNING id`,
      [orderLineId, count, now],
    );
    return rows.map((r) => r.id);
  }

  /** The slot's unredeemed, valid tickets stop being valid. */
  async voidForCancelledSlot(timeSlotId: string, now: Date): Promise<void> {
    await this.manager.query(
      `UPDATE tickets SET voided_at = $2, void_reason = 'SLOT_CANCELLED' WHERE time_slot_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL`,
      [timeSlotId, now],
    );
  }
}
