import { Inject, Injectable } from '@nestjs/common';
import { updateReturning } from '@chedun/db';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { findLine, findOrder, fulfilLineIfRedeemed, linesOf, OrderLineRecord, OrderRecord, TICKET_COLUMNS, TicketRecord } from './order-records';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderStatus, PAID_STATES } from './order-status';
import { OrdersException } from './orders.exception';
import { MerchandiseFulfilment } from './orders.types';
import { verifyTicketPayload } from './ticket-code';
import { assertInWindow, ticketWindow } from './ticket-window';

/** Merchants fulfil merchandise lines (shipped, picked up); experience lines are fulfilled by redeeming tickets. */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async markLineFulfilled(actor: Actor, orderLineId: string, how: MerchandiseFulfilment): Promise<OrderRecord> {
    return this.dataSource.transaction(async (manager) => {
      const line = await findLine(manager, orderLineId);
      if (!line || !actor.isMemberOf(line.merchantId, OrganizationKind.MERCHANT)) throw OrdersException.notFound('Order line', orderLineId);
      if (line.kind !== 'MERCHANDISE') throw OrdersException.badInput('Experience lines are fulfilled by redeeming their tickets', { orderLineId });
      const order = (await findOrder(manager, line.orderId, true)) as OrderRecord;
      if (!PAID_STATES.includes(order.status)) throw OrdersException.conflict(`A ${order.status} order cannot be fulfilled`, { status: order.status });
      const now = this.clock.now();
      const updated = await updateReturning(
        manager,
        `UPDATE order_lines SET fulfilled_at = $2, fulfilment = $3 WHERE id = $1 AND fulfilled_at IS NULL RETURNING id`,
        [orderLineId, now, how],
      );
      if (updated.length === 0) {
        throw OrdersException.conflict('This line is already fulfilled', { orderLineId });
      }
      await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return (await findOrder(manager, order.id)) as OrderRecord;
    });
  }

  /**
   * Staff of the merchant that owns the experience redeem a ticket once, by its code or its QR payload, inside its
   * window (from `TICKET_REDEMPTION_OPENS_MINUTES` before the slot starts until it ends). Anyone else is told it does
   * not exist; a second redemption is CONFLICT with the time of the first, and so is a ticket outside its window, with
   * the window. Returns the ticket with its line, so the door sees what it admits.
   */
  async redeemTicket(actor: Actor, codeOrPayload: string): Promise<{ ticket: TicketRecord; line: OrderLineRecord }> {
    const code = (verifyTicketPayload(codeOrPayload, this.config.orders.ticketSigningSecret) ?? codeOrPayload).trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.code = $1`, [code])) as TicketRecord[];
      if (!found || !actor.isMemberOf(found.merchantId, OrganizationKind.MERCHANT)) throw OrdersException.notFound('Ticket');
      // Redemptions of one order serialise on its row; the ticket is read again under that lock.
      const order = (await findOrder(manager, found.orderId, true)) as OrderRecord;
      const [ticket] = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1`, [found.id])) as [TicketRecord];
      const line = await findLine(manager, ticket.orderLineId, true);
      if (ticket.redeemedAt) throw OrdersException.conflict('This ticket was already redeemed', { redeemedAt: ticket.redeemedAt.toISOString() });
      if (ticket.voidedAt) {
        const why = ticket.voidReason === 'SLOT_CANCELLED' ? 'its time slot was cancelled' : 'its seat was refunded';
        throw OrdersException.conflict(`This ticket is void: ${why}`, { voidedAt: ticket.voidedAt.toISOString(), voidReason: ticket.voidReason });
      }
      if (!PAID_STATES.includes(order.status) || line!.refundedMinor >= line!.netMinor) {
        throw OrdersException.conflict('This ticket is not valid: its order is not paid or was refunded', { status: order.status });
      }
      const now = this.clock.now();
      assertInWindow(ticketWindow(line!.slotStartsAt as Date, line!.slotEndsAt as Date, this.config.orders.redemptionOpensMinutes), now);
      await manager.query(`UPDATE tickets SET redeemed_at = $2, redeemed_by = $3 WHERE id = $1`, [ticket.id, now, actor.userId]);
      if (await fulfilLineIfRedeemed(manager, ticket.orderLineId, now)) await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return { ticket: { ...ticket, redeemedAt: now }, line: line! };
    });
  }

  /** The buyer, or a merchant with lines in it, cancels an unpaid order, giving the reservation back. */
  async cancelUnpaid(actor: Actor, orderId: string): Promise<OrderRecord> {
    return this.dataSource.transaction(async (manager) => {
      const order = await findOrder(manager, orderId, true);
      const merchantIds = order ? (await linesOf(manager, [order.id])).map((l) => l.merchantId) : [];
      const byMerchant = merchantIds.some((id) => actor.isMemberOf(id, OrganizationKind.MERCHANT));
      if (!order || (order.buyerUserId !== actor.userId && !byMerchant)) throw OrdersException.notFound('Order', orderId);
      if (order.status !== OrderStatus.PENDING_PAYMENT) throw OrdersException.conflict(`A ${order.status} order cannot be cancelled; refund it instead`, { status: order.status });
      const reason = order.buyerUserId === actor.userId ? 'BUYER_CANCELLED' : 'MERCHANT_CANCELLED';
      await this.lifecycle.cancelUnpaid(manager, order, reason, this.clock.now());
      return (await findOrder(manager, orderId)) as OrderRecord;
    });
  }
}
