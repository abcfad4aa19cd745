import { Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { CatalogModule } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { IdentityModule } from '@chedun/identity';
import { LicensingModule } from '@chedun/licensing';
import { PaymentsModule } from '@chedun/payments';
import { AccountEmailSubscriber } from './account-email.subscriber';
import { CartService } from './cart.service';
import { CheckoutDeliveryService } from './checkout-delivery.service';
import { CheckoutService } from './checkout.service';
import { DeliveryOptionsService } from './delivery-options.service';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryResolver, OrderLineShipmentResolver } from './delivery.resolver';
import { DeliveryViewService } from './delivery-view.service';
import { DevelopmentEmailSender } from './development-email.sender';
import { DevelopmentPaymentService } from './development-payment.service';
import { EmailSender } from './email-sender';
import { NotificationDeliveryJob } from './notification-delivery.job';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderPaymentSubscriber } from './order-payment.subscriber';
import { OrderQueryService } from './order-query.service';
import { OrderRefundService } from './order-refund.service';
import { OrderResolver } from './order.resolver';
import { RefundTaskJob } from './refund-task.job';
import { ReservationExpiryJob } from './reservation-expiry.job';
import { SlotCancellationSubscriber } from './slot-cancellation.subscriber';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentService } from './shipment.service';
import { SmtpEmailSender } from './smtp-email.sender';

/** SMTP when SMTP_URL is set; otherwise the development sender, which logs. */
function chooseEmailSender(config: AppConfig): EmailSender {
  return config.mail.smtpUrl ? SmtpEmailSender.fromUrl(config.mail.smtpUrl, config.mail.from) : new DevelopmentEmailSender();
}

@Module({
  imports: [IdentityModule, CatalogModule, LicensingModule, PaymentsModule],
  providers: [
    AccountEmailSubscriber,
    CartService,
    CheckoutDeliveryService,
    CheckoutService,
    DeliveryOptionsService,
    DeliveryRepository,
    DeliveryResolver,
    DeliveryViewService,
    OrderLineShipmentResolver,
    ShipmentRepository,
    ShipmentService,
    DevelopmentPaymentService,
    { provide: EmailSender, inject: [APP_CONFIG], useFactory: chooseEmailSender },
    NotificationDeliveryJob,
    OrderFulfilmentService,
    OrderLifecycle,
    OrderPaymentSubscriber,
    OrderQueryService,
    OrderRefundService,
    RefundTaskJob,
    ReservationExpiryJob,
    SlotCancellationSubscriber,
    OrderResolver,
  ],
  exports: [CheckoutService, OrderQueryService, OrderRefundService, OrderFulfilmentService, ReservationExpiryJob, RefundTaskJob, NotificationDeliveryJob, EmailSender],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly payments: OrderPaymentSubscriber,
    private readonly slotCancellations: SlotCancellationSubscriber,
    private readonly accountEmails: AccountEmailSubscriber,
  ) {}

  onModuleInit(): void {
    this.payments.register(this.bus);
    this.slotCancellations.register(this.bus);
    this.accountEmails.register(this.bus);
  }
}
