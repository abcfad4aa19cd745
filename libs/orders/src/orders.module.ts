import { Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { CatalogModule } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { IdentityModule } from '@chedun/identity';
import { LicensingModule } from '@chedun/licensing';
import { PaymentsModule } from '@chedun/payments';
import { AccountEmailSubscriber } from './account-email.subscriber';
import { CartRepository } from './cart.repository';
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
import { NotificationRepository } from './notification.repository';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderLifecycle } from './order-lifecycle.service';
import { PaidOrderViews } from './paid-order-views';
import { OrderLineRepository } from './order-line.repository';
import { OrderPaymentSubscriber } from './order-payment.subscriber';
import { OrderQueryService } from './order-query.service';
import { OrderRefundRepository } from './order-refund.repository';
import { OrderRefundService } from './order-refund.service';
import { OrderRepository } from './order.repository';
import { OrderResolver } from './order.resolver';
import { OrderRefundRequestsResolver, RefundRequestResolver } from './refund-request.resolver';
import { RefundRequestRepository } from './refund-request.repository';
import { RefundRequestService } from './refund-request.service';
import { RefundTaskJob } from './refund-task.job';
import { OrderLineReviewResolver, ProductReviewsResolver, ReviewResolver } from './review.resolver';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';
import { RefundTaskRepository } from './refund-task.repository';
import { ReservationExpiryJob } from './reservation-expiry.job';
import { SlotCancellationSubscriber } from './slot-cancellation.subscriber';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentService } from './shipment.service';
import { SmtpEmailSender } from './smtp-email.sender';
import { TicketCalendarService } from './ticket-calendar.service';
import { TicketRepository } from './ticket.repository';
import { TicketResolver } from './ticket.resolver';

/** SMTP when SMTP_URL is set; otherwise the development sender, which logs. */
function chooseEmailSender(config: AppConfig): EmailSender {
  return config.mail.smtpUrl
    ? SmtpEmailSender.fromUrl(config.mail.smtpUrl, config.mail.from)
    : new DevelopmentEmailSender();
}

@Module({
  imports: [IdentityModule, CatalogModule, LicensingModule, PaymentsModule],
  providers: [
    OrderRepository,
    OrderLineRepository,
    TicketRepository,
    OrderRefundRepository,
    RefundTaskRepository,
    NotificationRepository,
    CartRepository,
    RefundRequestRepository,
    ReviewRepository,
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
    PaidOrderViews,
    OrderPaymentSubscriber,
    OrderQueryService,
    OrderRefundService,
    RefundRequestService,
    RefundRequestResolver,
    OrderRefundRequestsResolver,
    ReviewService,
    ReviewResolver,
    ProductReviewsResolver,
    OrderLineReviewResolver,
    RefundTaskJob,
    ReservationExpiryJob,
    SlotCancellationSubscriber,
    OrderResolver,
    TicketCalendarService,
    TicketResolver,
  ],
  exports: [
    CheckoutService,
    OrderQueryService,
    OrderRefundService,
    OrderFulfilmentService,
    ReservationExpiryJob,
    RefundTaskJob,
    NotificationDeliveryJob,
    EmailSender,
    ReviewService,
  ],
})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly payments: OrderPaymentSubscriber,
    private readonly slotCancellations: SlotCancellationSubscriber,
    private readonly accountEmails: AccountEmailSubscriber,
    private readonly refundRequests: RefundRequestService,
  ) {}

  onModuleInit(): void {
    this.payments.register(this.bus);
    this.slotCancellations.register(this.bus);
    this.accountEmails.register(this.bus);
    this.refundRequests.register(this.bus);
  }
}
