import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor } from '@chedun/identity';
import { DevelopmentPaymentGateway, PaymentGateway, PaymentService } from '@chedun/payments';
import { OrderQueryService, OrderView } from './order-query.service';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { PaidOrderViews } from './paid-order-views';

/** Lets a buyer play the provider confirming their payment, through the very path a Stripe webhook takes. */
@Injectable()
export class DevelopmentPaymentService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly gateway: PaymentGateway,
    private readonly development: DevelopmentPaymentGateway,
    private readonly payments: PaymentService,
    private readonly paidViews: PaidOrderViews,
    private readonly queries: OrderQueryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async confirm(actor: Actor, orderId: string): Promise<OrderView> {
    if (this.config.isProduction || this.gateway.provider !== 'development') {
      throw OrdersException.forbidden('Payments are confirmed by the payment provider here');
    }
    const order = await this.orders.findById(orderId);
    if (!order || order.buyerUserId !== actor.userId) throw OrdersException.notFound('Order', orderId);
    const payment = (await this.payments.paymentsOfOrder(orderId)).find((p) => p.provider === 'development');
    if (!payment) throw OrdersException.conflict('The order has no payment to confirm yet');
    const { result, views } = await this.paidViews.capture(() => this.development.confirmKnown(payment));
    // Committed by now: the order as this confirmation wrote it. A repeated confirmation (or one that did not pay
    // the order) wrote nothing here, and reads the order as it is.
    const paid = result.applied ? views.get(orderId) : undefined;
    if (paid) return paid;
    const confirmed = await this.orders.findById(orderId);
    if (!confirmed) throw OrdersException.notFound('Order', orderId);
    return this.queries.viewFor(actor, confirmed);
  }
}
