import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor } from '@chedun/identity';
import { DevelopmentPaymentGateway, PaymentGateway, PaymentService } from '@chedun/payments';
import { OrderRecord } from './order-records';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';

/** Lets a buyer play the provider confirming their payment, through the very path a Stripe webhook takes. */
@Injectable()
export class DevelopmentPaymentService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly gateway: PaymentGateway,
    private readonly development: DevelopmentPaymentGateway,
    private readonly payments: PaymentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async confirm(actor: Actor, orderId: string): Promise<OrderRecord> {
    if (this.config.isProduction || this.gateway.provider !== 'development') {
      throw OrdersException.forbidden('Payments are confirmed by the payment provider here');
    }
    const order = await this.orders.findById(orderId);
    if (!order || order.buyerUserId !== actor.userId) throw OrdersException.notFound('Order', orderId);
    const payment = (await this.payments.paymentsOfOrder(orderId)).find((p) => p.provider === 'development');
    if (!payment) throw OrdersException.conflict('The order has no payment to confirm yet');
    await this.development.confirmKnown(payment);
    const confirmed = await this.orders.findById(orderId);
    if (!confirmed) throw OrdersException.notFound('Order', orderId);
    return confirmed;
  }
}
