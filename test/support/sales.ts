import { randomUUID } from 'node:crypto';
import { DomainEventBus } from '@chedun/db';
import { OrderLineRefunded, OrderPaid, PaidOrderLine, PaidShippingFee } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

/**
 * Stands in for the orders context, which is built on another branch: publishes its events through the real bus
 * inside a transaction, exactly as orders does when an order is paid or a line refunded.
 */
export class SalesSimulator {
  private readonly bus: DomainEventBus;
  private readonly dataSource: DataSource;

  constructor(t: TestApp) {
    this.bus = t.app.get(DomainEventBus);
    this.dataSource = t.app.get(DataSource);
  }

  publish(event: OrderPaid | OrderLineRefunded): Promise<void> {
    return this.dataSource.transaction((m) => this.bus.publish(event, m));
  }

  async pay(
    paidAt: string | Date,
    lines: (Partial<PaidOrderLine> & Pick<PaidOrderLine, 'studioId' | 'merchantId' | 'netMinor' | 'royaltyBps'>)[],
    currency = 'CNY',
    shippingFees: readonly PaidShippingFee[] = [],
  ): Promise<OrderPaid> {
    const event: OrderPaid = {
      type: 'OrderPaid',
      orderId: randomUUID(),
      buyerUserId: randomUUID(),
      currency,
      paidAt: new Date(paidAt),
      lines: lines.map((l) => ({
        orderLineId: randomUUID(),
        productId: randomUUID(),
        productName: 'Xinshe Ranch cap',
        licenseId: randomUUID(),
        filmIpId: randomUUID(),
        ...l,
      })),
      shippingFees,
    };
    await this.publish(event);
    return event;
  }

  async refund(
    order: OrderPaid,
    line: PaidOrderLine,
    beforeMinor: number,
    amountMinor: number,
    at: string | Date,
    shippingFee?: PaidShippingFee,
  ): Promise<OrderLineRefunded> {
    const event: OrderLineRefunded = {
      type: 'OrderLineRefunded',
      orderId: order.orderId,
      orderLineId: line.orderLineId,
      refundId: randomUUID(),
      currency: order.currency,
      amountMinor,
      refundedBeforeMinor: beforeMinor,
      refundedAfterMinor: beforeMinor + amountMinor,
      refundedAt: new Date(at),
      ...(shippingFee ? { shippingFee } : {}),
    };
    await this.publish(event);
    return event;
  }
}
