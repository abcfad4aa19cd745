import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, Money } from '@chedun/kernel';
import { isRefundable, PaymentService, RefundStatus } from '@chedun/payments';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryRepository } from './delivery.repository';
import { NotificationRepository } from './notification.repository';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderLineRepository } from './order-line.repository';
import { OrderLineRecord, OrderRecord, refundIdempotencyKey } from './order-records';
import { OrderRefundRepository } from './order-refund.repository';
import { OrderRefundStatus, orderRefundLifecycle, PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { shippingFeeToRefund } from './shipping-fee-refund';

/** A line refund recorded PENDING, to ask of the provider once its transaction committed. */
export interface RecordedRefund {
  refundId: string;
  orderId: string;
  orderLineId: string;
  /** The line's part. */
  amount: Money;
  /** The line's merchant's shipping fee given back with it (see `shippingFeeToRefund`); null when none. */
  shipping: Money | null;
}

/** What the provider is asked to give back for a recorded refund: the line's part and the fee it carries, at once. */
export function providerAmount(refund: Pick<RecordedRefund, 'amount' | 'shipping'>): Money {
  return refund.shipping ? refund.amount.plus(refund.shipping) : refund.amount;
}

/**
 * Refunds one order line, whole or in part, by the line's merchant or the platform. The request is recorded
 * PENDING (counting against what is left) before the provider is asked, and settles when the provider reports
 * the refund succeeded: at once for the development gateway, on RefundSucceeded for Stripe.
 */
@Injectable()
export class OrderRefundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly refunds: OrderRefundRepository,
    private readonly payments: PaymentService,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    private readonly deliveries: DeliveryRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  /**
   * `restock` (merchandise only) returns the refunded whole units to stock when the refund settles; by default, only
   * for a line not shipped or picked up yet. Experience seats are always voided and, while the slot is to come, resold.
   */
  async refundLine(
    actor: Actor,
    orderLineId: string,
    amountMinor: number | null | undefined,
    restock?: boolean | null,
  ): Promise<OrderRecord> {
    const { line, request } = await this.dataSource.transaction(async (manager) => {
      const orderLines = this.orderLines.forManager(manager);
      const line = await orderLines.findById(orderLineId);
      if (!line || !(actor.isPlatform || actor.isMemberOf(line.merchantId, OrganizationKind.MERCHANT)))
        throw OrdersException.notFound('Order line', orderLineId);
      return { line, request: await this.recordRefund(manager, line, amountMinor, actor.userId, restock) };
    });
    // The buyer is told in the transaction that records the provider's answer (the notifications table is an
    // outbox), so a crash cannot keep the refund and lose the email; only once the provider took the refund, so a
    // refused one never tells the buyer money is on its way; the refund is the email's subject, so each is told once.
    await this.askProvider(request, async (manager) => {
      const order = await this.orders.forManager(manager).findById(request.orderId);
      if (!order) throw OrdersException.notFound('Order', request.orderId);
      await this.notifications.forManager(manager).queueOnceForOrder(
        'ORDER_LINE_REFUNDED',
        order.buyerUserId,
        order.id,
        request.refundId,
        {
          orderId: order.id,
          refundId: request.refundId,
          productName: line.productName,
          productNameZh: line.productNameZh,
          ticketTypeName: line.ticketTypeName,
          ticketTypeNameZh: line.ticketTypeNameZh,
          amount: request.amount.toJSON(),
          shippingRefund: request.shipping?.toJSON() ?? null,
        },
        this.clock.now(),
      );
    });
    const order = await this.orders.findById(request.orderId);
    if (!order) throw OrdersException.notFound('Order', request.orderId);
    return order;
  }

  /**
   * In the caller's transaction, for a refund already authorised (a merchant's, or a buyer's request approved): locks
   * the order and the line, checks the amount against what is left, and records the refund PENDING. `amountMinor`
   * omitted = the rest of the line. A refund that completes its merchant's unshipped part carries that merchant's
   * shipping fee; the order's lock, which every refund and shipment path takes first, keeps the part still meanwhile.
   */
  async recordRefund(
    manager: EntityManager,
    line: OrderLineRecord,
    amountMinor: number | null | undefined,
    requestedBy: string,
    restock?: boolean | null,
  ): Promise<RecordedRefund> {
    const order = await this.orders.forManager(manager).lockById(line.orderId);
    if (!order) throw OrdersException.notFound('Order line', line.id);
    if (!PAID_STATES.includes(order.status))
      throw OrdersException.conflict(`A ${order.status} order cannot be refunded`, { status: order.status });
    const refundable = await this.orderLines.forManager(manager).lockRefundable(line.id);
    const amount = amountMinor ?? refundable;
    if (refundable <= 0)
      throw OrdersException.conflict('This line is already refunded in full', { orderLineId: line.id });
    if (amount <= 0) throw OrdersException.badInput('A refund must be for a positive amount', { amountMinor: amount });
    if (amount > refundable) {
      throw OrdersException.badInput('The refund exceeds what is left of the line', {
        refundable: Money.of(refundable, line.currency).toJSON(),
      });
    }
    if (restock && line.kind !== 'MERCHANDISE')
      throw OrdersException.badInput('Only merchandise goes back to stock; refunded seats are voided', { restock });
    const giveBack = line.kind === 'MERCHANDISE' && (restock ?? line.fulfilledAt === null);
    const shippingMinor = await this.shippingFeeWith(manager, line, amount);
    const shipping = shippingMinor > 0 ? { merchantId: line.merchantId, feeMinor: shippingMinor } : null;
    const refundId = await this.refunds
      .forManager(manager)
      .insertRequest(line, amount, requestedBy, this.clock.now(), giveBack, shipping);
    return {
      refundId,
      orderId: order.id,
      orderLineId: line.id,
      amount: Money.of(amount, line.currency),
      shipping: shipping ? Money.of(shipping.feeMinor, line.currency) : null,
    };
  }

  /** The shipping fee of the line's merchant that a refund of `amountMinor` of the line gives back with it (or 0). */
  private async shippingFeeWith(manager: EntityManager, line: OrderLineRecord, amountMinor: number): Promise<number> {
    if (line.kind !== 'MERCHANDISE') return 0;
    const part = (await this.deliveries.forManager(manager).merchantsOf(line.orderId)).find(
      (m) => m.merchantId === line.merchantId,
    );
    if (!part || part.feeMinor <= 0) return 0;
    const refunds = this.refunds.forManager(manager);
    const pending = await refunds.pendingByLine(line.orderId);
    const lines = (await this.orderLines.forManager(manager).ofOrders([line.orderId])).filter(
      (l) => l.kind === 'MERCHANDISE' && l.merchantId === line.merchantId,
    );
    return shippingFeeToRefund(
      {
        feeMinor: part.feeMinor,
        feeAlreadyRefunded: await refunds.shippingRefundIsLive(line.orderId, line.merchantId),
        lines: lines.map((l) => ({
          id: l.id,
          netMinor: l.netMinor,
          committedMinor: l.refundedMinor + (pending.get(l.id) ?? 0),
          handedOver: l.fulfilledAt !== null,
        })),
      },
      { orderLineId: line.id, amountMinor },
    );
  }

  /**
   * Asks the provider for a recorded refund, after its transaction committed; settles it when the provider answers
   * that it succeeded. A refusal marks it FAILED (no longer counting against the line) and is thrown. `accepted`, when
   * given, runs in the transaction that records the provider's acceptance (the settlement itself when it succeeded at
   * once), so what it writes (an email) commits with it or not at all.
   */
  async askProvider(request: RecordedRefund, accepted?: (manager: EntityManager) => Promise<void>): Promise<void> {
    const payment = (await this.payments.paymentsOfOrder(request.orderId)).find((p) => isRefundable(p.status));
    let pending = false;
    try {
      if (!payment) throw OrdersException.conflict('The order has no captured payment to refund');
      // One refund for the line and the fee it carries: the buyer sees one refund.
      const result = await this.payments.refund({
        providerPaymentId: payment.providerPaymentId,
        amount: providerAmount(request),
        idempotencyKey: refundIdempotencyKey(request.refundId),
        reason: request.shipping
          ? `Refund of order line ${request.orderLineId} and its merchant's shipping fee`
          : `Refund of order line ${request.orderLineId}`,
      });
      if (result.status === RefundStatus.SUCCEEDED) {
        await this.dataSource.transaction(async (manager) => {
          await this.lifecycle.settleRefund(manager, request.refundId, this.clock.now());
          await accepted?.(manager);
        });
      } else if (result.status === RefundStatus.PENDING) {
        pending = true;
      } else {
        throw OrdersException.conflict(`The payment provider answered the refund with ${result.status}`);
      }
    } catch (error) {
      const failed = orderRefundLifecycle.transition(OrderRefundStatus.PENDING, OrderRefundStatus.FAILED);
      await this.refunds.moveIfStill(request.refundId, failed, this.clock.now());
      throw error;
    }
    // Stripe settles it later (RefundSucceeded) and nothing is recorded now: the acceptance is its own write, outside
    // the try so that failing it never marks FAILED a refund the provider took.
    if (pending && accepted) await this.dataSource.transaction(accepted);
  }
}
