import { Inject, Injectable, Logger } from '@nestjs/common';
import { InventoryService, VenueService } from '@chedun/catalog';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { DomainEventBus } from '@chedun/db';
import { mapUrl, OrderCancelled, OrderLineRefunded, OrderPaid } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { DeliveryRepository, MerchantDeliveryRow } from './delivery.repository';
import { NotificationRepository } from './notification.repository';
import { OrderLineRepository } from './order-line.repository';
import { holdOf, OrderLineRecord, OrderRecord, TicketRecord } from './order-records';
import { OrderRefundRepository, RefundToSettle } from './order-refund.repository';
import { orderLifecycle, OrderRefundStatus, orderRefundLifecycle, OrderStatus } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { PaidOrderViews } from './paid-order-views';
import { RefundTaskRepository } from './refund-task.repository';
import { newTicketCode, signTicket } from './ticket-code';
import { TicketRepository } from './ticket.repository';

/** Cancellations nobody chose: a payment that succeeds afterwards may still buy the goods. */
const REVIVABLE: readonly string[] = ['EXPIRED', 'PAYMENT_FAILED', 'PAYMENT_CANCELLED'];

/**
 * The order's state changes that several use cases share. Every method runs inside the caller's transaction, with
 * the order row already locked, and changes status only through the transition table.
 */
@Injectable()
export class OrderLifecycle {
  private readonly logger = new Logger(OrderLifecycle.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly refunds: OrderRefundRepository,
    private readonly refundTasks: RefundTaskRepository,
    private readonly notifications: NotificationRepository,
    private readonly inventory: InventoryService,
    private readonly bus: DomainEventBus,
    private readonly venues: VenueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveryRepository,
    private readonly paidViews: PaidOrderViews,
  ) {}

  /** PENDING_PAYMENT → CANCELLED, giving every reservation back. */
  async cancelUnpaid(manager: EntityManager, order: OrderRecord, reason: string, now: Date): Promise<void> {
    await this.moveOrder(manager, order, OrderStatus.CANCELLED, now, { cancelReason: reason });
    for (const line of await this.orderLines.forManager(manager).ofOrders([order.id]))
      await this.inventory.release(manager, holdOf(line));
    const event: OrderCancelled = { type: 'OrderCancelled', orderId: order.id, reason, cancelledAt: now };
    await this.bus.publish(event, manager);
  }

  /**
   * The payment succeeded. A pending order's reservations become sales. An order whose reservation lapsed (or whose
   * earlier attempt failed) is sold again if every line is still available; otherwise, or when the buyer or the
   * merchant cancelled it on purpose, or one of its time slots is cancelled, it stays (or becomes) CANCELLED, marked
   * refund_due with a refund task queued, and nothing is sold. Returns whether the order became PAID.
   */
  async paymentSucceeded(manager: EntityManager, orderId: string, paidAt: Date): Promise<boolean> {
    const orders = this.orders.forManager(manager);
    const order = await orders.lockById(orderId);
    if (!order) return false;
    const lines = await this.orderLines.forManager(manager).ofOrders([order.id]);
    // Order row, then slot rows: the lock order every order change keeps. A slot cancellation, which holds its slot
    // first, skips orders locked here, so a payment racing it lands here and is refunded as late.
    const slotIds = lines.filter((l) => l.timeSlotId !== null).map((l) => l.timeSlotId as string);
    const slotCancelled =
      order.paidAt === null && (await this.inventory.lockSlotsCancelled(manager, slotIds)).length > 0;
    if (order.status === OrderStatus.PENDING_PAYMENT && slotCancelled) {
      await this.cancelUnpaid(manager, order, 'SLOT_CANCELLED', paidAt);
      await orders.markRefundDue(order.id, paidAt);
      await this.refundTasks.forManager(manager).queue({ kind: 'LATE_PAYMENT', orderId: order.id, now: paidAt });
      this.logger.warn({ orderId }, 'Payment arrived as its time slot was cancelled: refund due');
      return false;
    }
    // A pending order's reservations become sales at the very end (below); a lapsed one must win its goods back now.
    const reserved = order.status === OrderStatus.PENDING_PAYMENT;
    if (!reserved) {
      if (order.status !== OrderStatus.CANCELLED || order.paidAt !== null) return false;
      const revivable = REVIVABLE.includes(order.cancelReason ?? '') && !slotCancelled;
      const sold: OrderLineRecord[] = [];
      for (const line of revivable ? lines : []) {
        if (!(await this.inventory.sellUnreserved(manager, holdOf(line)))) break;
        sold.push(line);
      }
      if (sold.length < lines.length || lines.length === 0 || !revivable) {
        for (const line of sold) await this.inventory.unsell(manager, holdOf(line));
        await orders.markRefundDue(order.id, paidAt);
        await this.refundTasks.forManager(manager).queue({ kind: 'LATE_PAYMENT', orderId: order.id, now: paidAt });
        this.logger.warn(
          { orderId },
          'Payment arrived after the reservation lapsed and the goods were gone: refund due',
        );
        return false;
      }
    }
    await this.moveOrder(manager, order, OrderStatus.PAID, paidAt);
    // An order is issued its tickets only here, on its one move to PAID: these are all it has.
    const tickets = await this.issueTickets(manager, order, lines);
    const merchants = await this.deliveries.forManager(manager).merchantsOf(order.id);
    await this.queueConfirmation(order, lines, tickets, merchants, manager);
    const event: OrderPaid = {
      type: 'OrderPaid',
      orderId: order.id,
      buyerUserId: order.buyerUserId,
      currency: order.currency,
      paidAt,
      lines: lines.map((l) => ({
        orderLineId: l.id,
        productId: l.productId,
        productName: l.productName,
        productNameZh: l.productNameZh,
        merchantId: l.merchantId,
        studioId: l.studioId,
        licenseId: l.licenseId,
        filmIpId: l.filmIpId,
        netMinor: l.netMinor,
        royaltyBps: l.royaltyBps,
      })),
      // Each merchant's shipping fee is its own revenue: the ledger posts it whole, beside the lines' splits.
      shippingFees: merchants
        .filter((m) => m.feeMinor > 0)
        .map((m) => ({ merchantId: m.merchantId, feeMinor: m.feeMinor })),
    };
    await this.bus.publish(event, manager);
    // Last, so the stock and seat rows, which every buyer of the same item waits on, stay locked only until the
    // commit and not through the tickets, the email and the ledger entry above.
    if (reserved) for (const line of lines) await this.inventory.sellReserved(manager, holdOf(line));
    // The order as just written (writeStatus: PAID, paid_at kept if set), tickets in the order a read gives them.
    this.paidViews.record({
      order: { ...order, status: OrderStatus.PAID, paidAt: order.paidAt ?? paidAt },
      lines,
      tickets: [...tickets].sort((a, b) =>
        a.orderLineId === b.orderLineId ? a.seat - b.seat : a.orderLineId < b.orderLineId ? -1 : 1,
      ),
    });
    return true;
  }

  /**
   * PAID or PARTIALLY_REFUNDED → FULFILLED once nothing is left to hand over: every line is fulfilled (shipped, picked
   * up, or all its live tickets redeemed) or refunded in full, and at least one was fulfilled (an order refunded in
   * full is REFUNDED). The refunded amounts stay on the lines; the status says what happened last.
   */
  async fulfilIfComplete(manager: EntityManager, orderId: string, now: Date): Promise<void> {
    const order = await this.orders.forManager(manager).lockById(orderId);
    if (order?.status !== OrderStatus.PAID && order?.status !== OrderStatus.PARTIALLY_REFUNDED) return;
    const lines = await this.orderLines.forManager(manager).ofOrders([orderId]);
    const handedOver = (l: OrderLineRecord) => l.fulfilledAt !== null;
    if (lines.every((l) => handedOver(l) || l.refundedMinor >= l.netMinor) && lines.some(handedOver)) {
      await this.moveOrder(manager, order, OrderStatus.FULFILLED, now);
    }
  }

  /**
   * Records a refund the provider reported as succeeded, once: the line's cumulative refunded amount, the order's
   * status, and OrderLineRefunded for the ledger (with the shipping fee the refund carries), all in the caller's
   * transaction.
   */
  async settleRefund(manager: EntityManager, refundId: string, now: Date): Promise<void> {
    const refunds = this.refunds.forManager(manager);
    const orderLines = this.orderLines.forManager(manager);
    const refund = await refunds.findToSettle(refundId);
    if (!refund) return;
    const order = await this.orders.forManager(manager).lockById(refund.orderId);
    const current = await refunds.lockStatus(refundId);
    if (!order || !current || !orderRefundLifecycle.canMove(current, OrderRefundStatus.SUCCEEDED)) return;
    const before = await orderLines.lockRefunded(refund.orderLineId);
    const after = before + refund.amountMinor;
    await orderLines.setRefunded(refund.orderLineId, after);
    await this.giveBack(manager, refund, before, after, now);
    await refunds.markSettled(
      refundId,
      orderRefundLifecycle.move(current, OrderRefundStatus.SUCCEEDED),
      before,
      after,
      now,
    );
    const lines = await orderLines.ofOrders([order.id]);
    const to = lines.every((l) => l.refundedMinor >= l.netMinor)
      ? OrderStatus.REFUNDED
      : OrderStatus.PARTIALLY_REFUNDED;
    await this.moveOrder(manager, order, to, now);
    const event: OrderLineRefunded = {
      type: 'OrderLineRefunded',
      orderId: order.id,
      orderLineId: refund.orderLineId,
      refundId,
      currency: refund.currency,
      amountMinor: refund.amountMinor,
      refundedBeforeMinor: before,
      refundedAfterMinor: after,
      refundedAt: now,
      ...(refund.shippingMinor > 0 && refund.shippingMerchantId
        ? { shippingFee: { merchantId: refund.shippingMerchantId, feeMinor: refund.shippingMinor } }
        : {}),
    };
    await this.bus.publish(event, manager);
  }

  /**
   * What a refund takes back, counted in whole units by the cumulative method (units(after) − units(before), with
   * units(x) = floor(x / unit price)), so a full refund takes back the whole line however it was split: merchandise
   * units back on hand when the refund says so; for seats, as many unredeemed tickets voided and, while the slot is
   * still to come, the seats back on sale.
   */
  private async giveBack(
    manager: EntityManager,
    refund: RefundToSettle,
    before: number,
    after: number,
    now: Date,
  ): Promise<void> {
    const orderLines = this.orderLines.forManager(manager);
    const line = await orderLines.findById(refund.orderLineId);
    if (!line) throw OrdersException.notFound('Order line', refund.orderLineId);
    const units = (x: number) => Math.min(line.quantity, Math.floor(x / line.unitPriceMinor));
    const back = units(after) - units(before);
    if (back <= 0) return;
    if (line.kind === 'MERCHANDISE') {
      if (refund.restock)
        await this.inventory.returnUnits(
          manager,
          line.variantId as string,
          back,
          refund.requestedBy,
          `Refund ${refund.id}`,
        );
      return;
    }
    const tickets = this.tickets.forManager(manager);
    const voided = await tickets.countVoidedOfLine(line.id);
    const toVoid = Math.max(0, units(after) - voided);
    if (toVoid === 0) return;
    const voidedNow = await tickets.voidRefunded(line.id, toVoid, now);
    if (voidedNow.length === 0) return;
    await this.inventory.returnSeats(manager, line.timeSlotId as string, voidedNow.length, now);
    // The seats refunded may have been the last unredeemed ones: then the line has been handed over in full.
    await orderLines.fulfilIfRedeemed(line.id, now);
  }

  private async issueTickets(
    manager: EntityManager,
    order: OrderRecord,
    lines: OrderLineRecord[],
  ): Promise<TicketRecord[]> {
    const secret = this.config.orders.ticketSigningSecret;
    return this.tickets.forManager(manager).insertAll(
      lines
        .filter((l) => l.kind === 'EXPERIENCE')
        .flatMap((line) =>
          Array.from({ length: line.quantity }, (_, i) => {
            const code = newTicketCode();
            return {
              orderId: order.id,
              orderLineId: line.id,
              seat: i + 1,
              merchantId: line.merchantId,
              venueId: line.venueId,
              timeSlotId: line.timeSlotId,
              code,
              qrPayload: signTicket(code, secret),
            };
          }),
        ),
    );
  }

  /** The confirmation (with tickets) goes to the outbox in the PAID transaction; a sender delivers it later. */
  private async queueConfirmation(
    order: OrderRecord,
    lines: OrderLineRecord[],
    tickets: TicketRecord[],
    merchants: MerchantDeliveryRow[],
    manager: EntityManager,
  ): Promise<void> {
    // The ticket's details as the order page shows them: type, time and the venue with its map link.
    const places = new Map(
      (await this.venues.placesOf(lines.flatMap((l) => (l.venueId ? [l.venueId] : [])))).map((v) => [v.id, v]),
    );
    const venueOf = (l: OrderLineRecord) => {
      const v = l.venueId ? places.get(l.venueId) : undefined;
      return v
        ? {
            name: v.name,
            nameZh: v.nameZh,
            address: v.address,
            addressZh: v.addressZh,
            mapUrl: mapUrl(v.latitude, v.longitude),
          }
        : null;
    };
    const payload = {
      orderId: order.id,
      total: { amountMinor: order.totalMinor, currency: order.currency },
      lines: lines.map((l) => ({
        productName: l.productName,
        productNameZh: l.productNameZh,
        quantity: l.quantity,
        netMinor: l.netMinor,
        slotStartsAt: l.slotStartsAt,
        slotEndsAt: l.slotEndsAt,
        ticketTypeName: l.ticketTypeName,
        ticketTypeNameZh: l.ticketTypeNameZh,
        venue: venueOf(l),
      })),
      tickets: tickets.map((t) => ({ code: t.code, qrPayload: t.qrPayload, orderLineId: t.orderLineId })),
      pickupCodes: merchants.flatMap((m) => (m.pickupCode ? [m.pickupCode] : [])),
    };
    await this.notifications.forManager(manager).queueOrderConfirmation(order.buyerUserId, order.id, payload);
  }

  /** Moves the order's status through its table (CONFLICT when the table refuses) and stamps what the move means. */
  private async moveOrder(
    manager: EntityManager,
    order: Pick<OrderRecord, 'id' | 'status'>,
    to: OrderStatus,
    now: Date,
    extra: { cancelReason?: string; refundDue?: boolean } = {},
  ): Promise<void> {
    await this.orders.forManager(manager).writeStatus(order.id, orderLifecycle.move(order.status, to), now, extra);
  }
}
