import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, Money } from '@chedun/kernel';
import { PaymentService } from '@chedun/payments';
import { DataSource } from 'typeorm';
import { findOrder, LINE_COLUMNS, OrderLineRecord, OrderRecord } from './order-records';
import { OrderLifecycle } from './order-lifecycle.service';
import { PAID_STATES } from './order-status';
import { OrdersException } from './orders.exception';

/**
 * Refunds one order line, whole or in part, by the line's merchant or the platform. The request is recorded
 * PENDING (counting against what is left) before the provider is asked, and settles when the provider reports
 * the refund succeeded: at once for the development gateway, on RefundSucceeded for Stripe.
 */
@Injectable()
export class OrderRefundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payments: PaymentService,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
  ) {}

  async refundLine(actor: Actor, orderLineId: string, amountMinor: number | null | undefined): Promise<OrderRecord> {
    const request = await this.dataSource.transaction(async (manager) => {
      const [line] = (await manager.query(`SELECT ${LINE_COLUMNS} FROM order_lines l WHERE l.id = $1`, [orderLineId])) as OrderLineRecord[];
      if (!line || !(actor.isPlatform || actor.isMemberOf(line.merchantId, OrganizationKind.MERCHANT))) throw OrdersException.notFound('Order line', orderLineId);
      const order = (await findOrder(manager, line.orderId, true)) as OrderRecord;
      if (!PAID_STATES.includes(order.status)) throw OrdersException.conflict(`A ${order.status} order cannot be refunded`, { status: order.status });
      const [row] = await manager.query(
        `SELECT l.net_minor::float8 - l.refunded_minor::float8
                - coalesce((SELECT sum(amount_minor) FROM order_refunds r WHERE r.order_line_id = l.id AND r.status = 'PENDING'), 0)::float8 AS refundable
           FROM order_lines l WHERE l.id = $1 FOR UPDATE`,
        [orderLineId],
      );
      const refundable = (row as { refundable: number }).refundable;
      const amount = amountMinor ?? refundable;
      if (refundable <= 0) throw OrdersException.conflict('This line is already refunded in full', { orderLineId });
      if (amount <= 0) throw OrdersException.badInput('A refund must be for a positive amount', { amountMinor: amount });
      if (amount > refundable) {
        throw OrdersException.badInput('The refund exceeds what is left of the line', { refundable: Money.of(refundable, line.currency).toJSON() });
      }
      const [created] = await manager.query(
        `INSERT INTO order_refunds (order_id, order_line_id, amount_minor, currency, status, requested_by, created_at)
         VALUES ($1, $2, $3, $4, 'PENDING', $5, $6) RETURNING id`,
        [order.id, line.id, amount, line.currency, actor.userId, this.clock.now()],
      );
      return { refundId: (created as { id: string }).id, orderId: order.id, amount: Money.of(amount, line.currency) };
    });

    const payment = (await this.payments.paymentsOfOrder(request.orderId)).find((p) => ['SUCCEEDED', 'PARTIALLY_REFUNDED'].includes(p.status));
    try {
      if (!payment) throw OrdersException.conflict('The order has no captured payment to refund');
      const result = await this.payments.refund({
        providerPaymentId: payment.providerPaymentId,
        amount: request.amount,
        idempotencyKey: `order-refund-${request.refundId}`,
        reason: `Refund of order line ${orderLineId}`,
      });
      if (result.status === 'SUCCEEDED') {
        await this.dataSource.transaction((manager) => this.lifecycle.settleRefund(manager, request.refundId, this.clock.now()));
      } else if (result.status !== 'PENDING') {
        throw OrdersException.conflict(`The payment provider answered the refund with ${result.status}`);
      }
    } catch (error) {
      await this.dataSource.query(`UPDATE order_refunds SET status = 'FAILED', settled_at = $2 WHERE id = $1 AND status = 'PENDING'`, [request.refundId, this.clock.now()]);
      throw error;
    }
    return (await findOrder(this.dataSource.manager, request.orderId)) as OrderRecord;
  }
}
