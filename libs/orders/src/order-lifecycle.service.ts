import { Inject, Injectable, Logger } from '@nestjs/common';
import { InventoryService } from '@chedun/catalog';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { DomainEventBus, updateReturning } from '@chedun/db';
import { OrderCancelled, OrderLineRefunded, OrderPaid, readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { findLine, findOrder, fulfilLineIfRedeemed, holdOf, linesOf, markRefundDue, OrderLineRecord, OrderRecord, setOrderStatus, ticketsOf } from './order-records';
import { OrderRefundStatus, orderRefundLifecycle, OrderStatus } from './order-status';
import { DeliveryRepository } from './delivery.repository';
import { queueRefundTask } from './refund-tasks';
import { newTicketCode, signTicket } from './ticket-code';

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
    private readonly inventory: InventoryService,
    private readonly bus: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** PENDING_PAYMENT → CANCELLED, giving every reservation back. */
  async cancelUnpaid(manager: EntityManager, order: OrderRecord, reason: string, now: Date): Promise<void> {
    await setOrderStatus(manager, order, OrderStatus.CANCELLED, now, { cancelReason: reason });
    for (const line of await linesOf(manager, [order.id])) await this.inventory.release(manager, holdOf(line));
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
    const order = await findOrder(manager, orderId, true);
    if (!order) return false;
    const lines = await linesOf(manager, [order.id]);
    // Order row, then slot rows: the lock order every order change keeps. A slot cancellation, which holds its slot
    // first, skips orders locked here, so a payment racing it lands here and is refunded as late.
    const slotIds = lines.filter((l) => l.timeSlotId !== null).map((l) => l.timeSlotId as string);
    const slotCancelled = order.paidAt === null && (await this.inventory.lockSlotsCancelled(manager, slotIds)).length > 0;
    if (order.status === OrderStatus.PENDING_PAYMENT && slotCancelled) {
      await this.cancelUnpaid(manager, order, 'SLOT_CANCELLED', paidAt);
      await markRefundDue(manager, order.id, paidAt);
      await queueRefundTask(manager, { kind: 'LATE_PAYMENT', orderId: order.id, now: paidAt });
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
        await markRefundDue(manager, order.id, paidAt);
        await queueRefundTask(manager, { kind: 'LATE_PAYMENT', orderId: order.id, now: paidAt });
        this.logger.warn({ orderId }, 'Payment arrived after the reservation lapsed and the goods were gone: refund due');
        return false;
      }
    }
    await setOrderStatus(manager, order, OrderStatus.PAID, paidAt);
    await this.issueTickets(manager, order, lines);
    await this.queueConfirmation(manager, order, lines);
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
        merchantId: l.merchantId,
        studioId: l.studioId,
        licenseId: l.licenseId,
        filmIpId: l.filmIpId,
        netMinor: l.netMinor,
        royaltyBps: l.royaltyBps,
      })),
      // Each merchant's shipping fee is its own revenue: the ledger posts it whole, beside the lines' splits.
      shippingFees: (await this.deliveries.forManager(manager).merchantsOf(order.id))
        .filter((m) => m.feeMinor > 0)
        .map((m) => ({ merchantId: m.merchantId, feeMinor: m.feeMinor })),
    };
    await this.bus.publish(event, manager);
    // Last, so the stock and seat rows, which every buyer of the same item waits on, stay locked only until the
    // commit and not through the tickets, the email and the ledger entry above.
    if (reserved) for (const line of lines) await this.inventory.sellReserved(manager, holdOf(line));
    return true;
  }

  /**
   * PAID or PARTIALLY_REFUNDED → FULFILLED once nothing is left to hand over: every line is fulfilled (shipped, picked
   * up, or all its live tickets redeemed) or refunded in full, and at least one was fulfilled (an order refunded in
   * full is REFUNDED). The refunded amounts stay on the lines; the status says what happened last.
   */
  async fulfilIfComplete(manager: EntityManager, orderId: string, now: Date): Promise<void> {
    const order = (await findOrder(manager, orderId, true)) as OrderRecord;
    if (order.status !== OrderStatus.PAID && order.status !== OrderStatus.PARTIALLY_REFUNDED) return;
    const lines = await linesOf(manager, [orderId]);
    const handedOver = (l: OrderLineRecord) => l.fulfilledAt !== null;
    if (lines.every((l) => handedOver(l) || l.refundedMinor >= l.netMinor) && lines.some(handedOver)) {
      await setOrderStatus(manager, order, OrderStatus.FULFILLED, now);
    }
  }

  /**
   * Records a refund the provider reported as succeeded, once: the line's cumulative refunded amount, the order's
   * status, and OrderLineRefunded for the ledger, all in the caller's transaction.
   */
  async settleRefund(manager: EntityManager, refundId: string, now: Date): Promise<void> {
    const [row] = await manager.query(
      `SELECT id, order_id AS "orderId", order_line_id AS "orderLineId", amount_minor AS "amountMinor", currency, status,
              restock, requested_by AS "requestedBy"
         FROM order_refunds WHERE id = $1`,
      [refundId],
    );
    if (!row) return;
    const refund = { ...row, amountMinor: readMinorUnits(row.amountMinor) };
    const order = (await findOrder(manager, refund.orderId, true)) as OrderRecord;
    const [current] = await manager.query(`SELECT status FROM order_refunds WHERE id = $1 FOR UPDATE`, [refundId]);
    if (!orderRefundLifecycle.canMove(current.status, OrderRefundStatus.SUCCEEDED)) return;
    const [line] = await manager.query(`SELECT refunded_minor AS before FROM order_lines WHERE id = $1 FOR UPDATE`, [refund.orderLineId]);
    const before = readMinorUnits((line as { before: string }).before);
    const after = before + refund.amountMinor;
    await manager.query(`UPDATE order_lines SET refunded_minor = $2 WHERE id = $1`, [refund.orderLineId, after]);
    await this.giveBack(manager, refund, before, after, now);
    await manager.query(
      `UPDATE order_refunds SET status = $5, refunded_before_minor = $2, refunded_after_minor = $3, settled_at = $4 WHERE id = $1`,
      [refundId, before, after, now, orderRefundLifecycle.move(current.status, OrderRefundStatus.SUCCEEDED)],
    );
    const lines = await linesOf(manager, [order.id]);
    const to = lines.every((l) => l.refundedMinor >= l.netMinor) ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    await setOrderStatus(manager, order, to, now);
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
    refund: { id: string; orderLineId: string; restock: boolean; requestedBy: string },
    before: number,
    after: number,
    now: Date,
  ): Promise<void> {
    const line = await findLine(manager, refund.orderLineId);
    const units = (x: number) => Math.min(line!.quantity, Math.floor(x / line!.unitPriceMinor));
    const back = units(after) - units(before);
    if (back <= 0) return;
    if (line!.kind === 'MERCHANDISE') {
      if (refund.restock) await this.inventory.returnUnits(manager, line!.variantId as string, back, refund.requestedBy, `Refund ${refund.id}`);
      return;
    }
    const [{ voided }] = await manager.query(`SELECT count(*)::int AS voided FROM tickets WHERE order_line_id = $1 AND voided_at IS NOT NULL`, [line!.id]);
    const toVoid = Math.max(0, units(after) - (voided as number));
    if (toVoid === 0) return;
    const tickets = await updateReturning(
      manager,
      `UPDATE tickets SET voided_at = $3, void_reason = 'REFUNDED'
        WHERE id IN (SELECT id FROM tickets WHERE order_line_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL ORDER BY seat DESC LIMIT $2 FOR UPDATE)
        RETURNING id`,
      [line!.id, toVoid, now],
    );
    if (tickets.length === 0) return;
    await this.inventory.returnSeats(manager, line!.timeSlotId as string, tickets.length, now);
    // The seats refunded may have been the last unredeemed ones: then the line has been handed over in full.
    await fulfilLineIfRedeemed(manager, line!.id, now);
  }

  private async issueTickets(manager: EntityManager, order: OrderRecord, lines: OrderLineRecord[]): Promise<void> {
    for (const line of lines.filter((l) => l.kind === 'EXPERIENCE')) {
      for (let seat = 1; seat <= line.quantity; seat += 1) {
        const code = newTicketCode();
        await manager.query(
          `INSERT INTO tickets (order_id, order_line_id, seat, merchant_id, venue_id, time_slot_id, code, qr_payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [order.id, line.id, seat, line.merchantId, line.venueId, line.timeSlotId, code, signTicket(code, this.config.orders.ticketSigningSecret)],
        );
      }
    }
  }

  /** The confirmation (with tickets) goes to the outbox in the PAID transaction; a sender delivers it later. */
  private async queueConfirmation(manager: EntityManager, order: OrderRecord, lines: OrderLineRecord[]): Promise<void> {
    const tickets = await ticketsOf(manager, [order.id]);
    const payload = {
      orderId: order.id,
      total: { amountMinor: order.totalMinor, currency: order.currency },
      lines: lines.map((l) => ({ productName: l.productName, quantity: l.quantity, netMinor: l.netMinor, slotStartsAt: l.slotStartsAt })),
      tickets: tickets.map((t) => ({ code: t.code, qrPayload: t.qrPayload, orderLineId: t.orderLineId })),
      pickupCodes: (await this.deliveries.forManager(manager).merchantsOf(order.id)).flatMap((m) => (m.pickupCode ? [m.pickupCode] : [])),
    };
    await manager.query(
      `INSERT INTO notifications (kind, recipient_user_id, order_id, payload) VALUES ('ORDER_CONFIRMATION', $1, $2, $3)`,
      [order.buyerUserId, order.id, JSON.stringify(payload)],
    );
  }
}
