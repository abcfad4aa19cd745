import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@chedun/db';
import { PaymentCancelled, PaymentFailed, PaymentSucceeded, RefundSucceeded } from '@chedun/payments';
import { EntityManager } from 'typeorm';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderRefundRepository } from './order-refund.repository';
import { OrderRefundStatus, OrderStatus } from './order-status';
import { OrderRepository } from './order.repository';

/**
 * Reacts to the payments context's facts inside the transaction that records the provider event, so an order
 * moves (and stock is sold, tickets issued, OrderPaid published) exactly when the event is recorded, never twice.
 */
@Injectable()
export class OrderPaymentSubscriber {
  constructor(
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly refunds: OrderRefundRepository,
  ) {}

  register(bus: DomainEventBus): void {
    bus.subscribe<PaymentSucceeded>('PaymentSucceeded', (event, manager) => this.succeeded(event, manager));
    bus.subscribe<PaymentFailed>('PaymentFailed', (event, manager) =>
      this.notPaid(event.orderId, 'PAYMENT_FAILED', event.occurredAt, manager),
    );
    bus.subscribe<PaymentCancelled>('PaymentCancelled', (event, manager) =>
      this.notPaid(event.orderId, 'PAYMENT_CANCELLED', event.occurredAt, manager),
    );
    bus.subscribe<RefundSucceeded>('RefundSucceeded', (event, manager) => this.refunded(event, manager));
  }

  private async succeeded(event: PaymentSucceeded, manager: EntityManager): Promise<void> {
    await this.lifecycle.paymentSucceeded(manager, event.orderId, event.occurredAt);
  }

  /** A failed or cancelled payment gives the reservation back at once instead of waiting for expiry. */
  private async notPaid(orderId: string, reason: string, at: Date, manager: EntityManager): Promise<void> {
    const order = await this.orders.forManager(manager).lockById(orderId);
    if (order?.status === OrderStatus.PENDING_PAYMENT) await this.lifecycle.cancelUnpaid(manager, order, reason, at);
  }

  /**
   * Settles this order's pending line refunds, oldest first, as far as the provider's cumulative refunded total
   * covers them (each for what the provider was asked: its line's part and any shipping fee it carries). Refunds made outside the marketplace (in Stripe's dashboard) have no line and are left to people.
   */
  private async refunded(event: RefundSucceeded, manager: EntityManager): Promise<void> {
    if (!(await this.orders.forManager(manager).lockById(event.orderId))) return;
    const refunds = await this.refunds.forManager(manager).pendingOrSucceededOf(event.orderId);
    let settled = refunds
      .filter((r) => r.status === OrderRefundStatus.SUCCEEDED)
      .reduce((sum, r) => sum + r.amountMinor, 0);
    for (const refund of refunds.filter((r) => r.status === OrderRefundStatus.PENDING)) {
      if (settled + refund.amountMinor > event.refundedTotal.amountMinor) break;
      await this.lifecycle.settleRefund(manager, refund.id, event.occurredAt);
      settled += refund.amountMinor;
    }
  }
}
