import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock } from '@chedun/kernel';
import { DevelopmentPaymentGateway } from './development/development-payment.gateway';
import { PaymentEventProcessor } from './payment-event.processor';
import { PaymentEventRepository } from './payment-event.repository';
import { PaymentGateway } from './payment-gateway';
import { PaymentEntity, PaymentEventEntity, RefundEntity } from './payment.entity';
import { PaymentRepository } from './payment.repository';
import { PaymentService } from './payment.service';
import { PaymentSettingsResolver } from './payment-settings.resolver';
import { StripePaymentGateway } from './stripe/stripe-payment.gateway';
import { StripeWebhookController } from './stripe/stripe-webhook.controller';
import { StripeWebhookVerifier } from './stripe/stripe-webhook.verifier';
import { RefundRepository } from './refund.repository';

/** Stripe when a secret key is configured; otherwise the development gateway, which confirms through the same path. */
function choosePaymentGateway(config: AppConfig, development: DevelopmentPaymentGateway): PaymentGateway {
  const { secretKey, apiHost, apiPort, apiProtocol, timeoutMs, maxNetworkRetries } = config.stripe;
  if (!secretKey) return development;
  return new StripePaymentGateway({ secretKey, apiHost, apiPort, apiProtocol, timeoutMs, maxNetworkRetries });
}

@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity, RefundEntity, PaymentEventEntity])],
  controllers: [StripeWebhookController],
  providers: [
    PaymentRepository,
    RefundRepository,
    PaymentEventRepository,
    PaymentEventProcessor,
    DevelopmentPaymentGateway,
    PaymentService,
    PaymentSettingsResolver,
    { provide: PaymentGateway, inject: [APP_CONFIG, DevelopmentPaymentGateway], useFactory: choosePaymentGateway },
    {
      provide: StripeWebhookVerifier,
      inject: [APP_CONFIG, Clock],
      useFactory: (config: AppConfig, clock: Clock) => new StripeWebhookVerifier(config.stripe.webhookSecret, clock),
    },
  ],
  exports: [PaymentService, PaymentGateway, DevelopmentPaymentGateway],
})
export class PaymentsModule {}
