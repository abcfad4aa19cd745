import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderLineRepository } from './order-line.repository';
import { OrderLineRecord, OrderRecord, TicketRecord } from './order-records';
import { OrderStatus, PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { MerchandiseFulfilment } from './orders.types';
import { verifyTicketPayload } from './ticket-code';
import { TicketRepository } from './ticket.repository';
import { assertInWindow, ticketWindow } from './ticket-window';

/** Merchants fulfil merchandise lines (shipped, picked up); experience lines are fulfilled by redeeming tickets. */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async markLineFulfilled(actor: Actor, orderLineId: string, how: MerchandiseFulfilment): Promise<OrderRecord> {
    return this.dataSource.transaction(async (manager) => {
      const orders = this.orders.forManager(manager);
      const orderLines = this.orderLines.forManager(manager);
      const line = await orderLines.findById(orderLineId);
      if (!line || !actor.isMemberOf(line.merchantId, OrganizationKind.MERCHANT))
        throw OrdersException.notFound('Order line', orderLineId);
      if (line.kind !== 'MERCHANDISE')
        throw OrdersException.badInput('Experience lines are fulfilled by redeeming their tickets', { orderLineId });
      const order = await orders.lockById(line.orderId);
      if (!order) throw OrdersException.notFound('Order line', orderLineId);
      if (!PAID_STATES.includes(order.status))
        throw OrdersException.conflict(`A ${order.status} order cannot be fulfilled`, { status: order.status });
      const now = this.clock.now();
      if (!(await orderLines.markFulfilled(orderLineId, now, how))) {
        throw OrdersException.conflict('This line is already fulfilled', { orderLineId });
      }
      await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return this.reread(orders, order.id);
    });
  }

  /**
   * Staff of the merchant that owns the experience redeem a ticket once, by its code or its QR payload, inside its
   * window (from `TICKET_REDEMPTION_OPENS_MINUTES` before the slot starts until it ends). Anyone else is told it does
   * not exist; a second redemption is CONFLICT with the time of the first, and so is a ticket outside its window, with
   * the window. Returns the ticket with its line, so the door sees what it admits.
   */
  async redeemTicket(actor: Actor, codeOrPayload: string): Promise<{ ticket: TicketRecord; line: OrderLineRecord }> {
    const code = (verifyTicketPayload(codeOrPayload, this.config.orders.ticketSigningSecret) ?? codeOrPayload)
      .trim()
      .toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const tickets = this.tickets.forManager(manager);
      const orderLines = this.orderLines.forManager(manager);
      const found = await tickets.findByCode(code);
      if (!found || !actor.isMemberOf(found.merchantId, OrganizationKind.MERCHANT))
        throw OrdersException.notFound('Ticket');
      // Redemptions of one order serialise on its row; the ticket is read again under that lock.
      const order = await this.orders.forManager(manager).lockById(found.orderId);
      const ticket = await tickets.findById(found.id);
      const line = ticket ? await orderLines.lockById(ticket.orderLineId) : null;
      if (!order || !ticket || !line) throw OrdersException.notFound('Ticket');
      if (ticket.redeemedAt)
        throw OrdersException.conflict('This ticket was already redeemed', {
          reason: 'ALREADY_REDEEMED',
          redeemedAt: ticket.redeemedAt.toISOString(),
        });
      if (ticket.voidedAt) {
        const why = ticket.voidReason === 'SLOT_CANCELLED' ? 'its time slot was cancelled' : 'its seat was refunded';
        throw OrdersException.conflict(`This ticket is void: ${why}`, {
          reason: 'TICKET_VOID',
          voidedAt: ticket.voidedAt.toISOString(),
          voidReason: ticket.voidReason,
        });
      }
      if (!PAID_STATES.includes(order.status) || line.refundedMinor >= line.netMinor) {
        throw OrdersException.conflict('This ticket is not valid: its order is not paid or was refunded', {
          reason: 'TICKET_NOT_PAID',
          status: order.status,
        });
      }
      const now = this.clock.now();
      assertInWindow(
        ticketWindow(line.slotStartsAt as Date, line.slotEndsAt as Date, this.config.orders.redemptionOpensMinutes),
        now,
      );
      await tickets.markRedeemed(ticket.id, now, actor.userId);
      if (await orderLines.fulfilIfRedeemed(ticket.orderLineId, now))
        await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return { ticket: { ...ticket, redeemedAt: now }, line };
    });
  }

  /** The buyer, or a merchant with lines in it, cancels an unpaid order, giving the reservation back. */
  async cancelUnpaid(actor: Actor, orderId: string): Promise<OrderRecord> {
    return this.dataSource.transaction(async (manager) => {
      const orders = this.orders.forManager(manager);
      const order = await orders.lockById(orderId);
      const merchantIds = order
        ? (await this.orderLines.forManager(manager).ofOrders([order.id])).map((l) => l.merchantId)
        : [];
      const byMerchant = merchantIds.some((id) => actor.isMemberOf(id, OrganizationKind.MERCHANT));
      if (!order || (order.buyerUserId !== actor.userId && !byMerchant))
        throw OrdersException.notFound('Order', orderId);
      if (order.status !== OrderStatus.PENDING_PAYMENT)
        throw OrdersException.conflict(`A ${order.status} order cannot be cancelled; refund it instead`, {
          status: order.status,
        });
      const reason = order.buyerUserId === actor.userId ? 'BUYER_CANCELLED' : 'MERCHANT_CANCELLED';
      await this.lifecycle.cancelUnpaid(manager, order, reason, this.clock.now());
      return this.reread(orders, orderId);
    });
  }

  /** The order as the change just made left it. */
  private async reread(orders: OrderRepository, orderId: string): Promise<OrderRecord> {
    const order = await orders.findById(orderId);
    if (!order) throw OrdersException.notFound('Order', orderId);
    return order;
  }
}
