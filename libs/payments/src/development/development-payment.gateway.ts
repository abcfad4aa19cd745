import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError, ErrorCode, Money } from '@chedun/kernel';
import { createHash } from 'node:crypto';
import {
  CreatedPayment,
  CreatePaymentInput,
  PaymentGateway,
  ProviderPaymentRecord,
  RefundInput,
  RefundResult,
  TransferInput,
  TransferResult,
} from '../payment-gateway';
import { PaymentEventProcessor } from '../payment-event.processor';
import { PaymentEntity } from '../payment.entity';
import { PaymentRepository } from '../payment.repository';
import { isCaptured, PaymentStatus } from '../payment-status';
import { PaymentsException } from '../payments.exception';
import { ProcessedEvent, ProviderEvent } from '../provider-event';

/**
 * The embedded default when no Stripe key is configured: payments live only in our database, and confirming one
 * produces the same provider-neutral event a Stripe webhook does, through the same processor. Ids derive from the
 * idempotency key, so a repeated call returns the same payment, and a repeated confirmation is a redelivery.
 */
@Injectable()
export class DevelopmentPaymentGateway extends PaymentGateway {
  readonly provider = 'development' as const;
  private readonly logger = new Logger(DevelopmentPaymentGateway.name);

  constructor(
    private readonly payments: PaymentRepository,
    private readonly processor: PaymentEventProcessor,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const providerPaymentId = `devpi_${digest(input.idempotencyKey)}`;
    const recorded = await this.payments.recordIfAbsent(
      { ...input, provider: this.provider, providerPaymentId },
      this.clock.now(),
    );
    if (!recorded) {
      const payment = await this.find(providerPaymentId);
      if (payment.orderId !== input.orderId || !payment.amount.equals(input.amount)) {
        throw PaymentsException.paymentFailed('This idempotency key was used for a different payment', {
          providerCode: 'idempotency_key_in_use',
        });
      }
    }
    return {
      provider: this.provider,
      providerPaymentId,
      clientSecret: `${providerPaymentId}_secret_${digest(`secret:${providerPaymentId}`)}`,
      ...(recorded ? { recordedPaymentId: recorded } : {}),
    };
  }

  /** Plays the provider confirming the payment, through exactly the path a Stripe webhook takes. */
  async confirm(providerPaymentId: string): Promise<ProcessedEvent> {
    return this.confirmKnown(this.ref(await this.find(providerPaymentId)));
  }

  /** The same, for one of this gateway's payments the caller has just read: the provider knows its order and amount. */
  confirmKnown(payment: { providerPaymentId: string; orderId: string; amount: Money }): Promise<ProcessedEvent> {
    const { providerPaymentId } = payment;
    return this.deliver({
      eventId: `devevt_${providerPaymentId}_succeeded`,
      providerType: 'payment.succeeded',
      kind: 'PAYMENT_SUCCEEDED',
      payment: { providerPaymentId, orderId: payment.orderId, amount: payment.amount },
    });
  }

  /** Plays the provider declining the payment (a visitor's failed attempt). */
  async decline(providerPaymentId: string, reason: string): Promise<ProcessedEvent> {
    const payment = await this.find(providerPaymentId);
    return this.deliver({
      eventId: `devevt_${providerPaymentId}_failed`,
      providerType: 'payment.failed',
      kind: 'PAYMENT_FAILED',
      payment: this.ref(payment),
      reason,
    });
  }

  /**
   * Refunds at once. The event carries the new cumulative total, keyed by the refund, so a retried refund with the
   * same key acts once. Unlike Stripe, two different refunds racing on one payment may leave one of them stale.
   */
  async refund(input: RefundInput): Promise<RefundResult> {
    const payment = await this.find(input.providerPaymentId);
    if (!isCaptured(payment.status))
      throw PaymentsException.paymentFailed('Only a paid payment can be refunded', { status: payment.status });
    const providerRefundId = `devre_${digest(input.idempotencyKey)}`;
    const refundedTotal = payment.refunded.plus(input.amount);
    if (refundedTotal.compare(payment.amount) > 0) {
      throw PaymentsException.paymentFailed('The refund exceeds what is left to refund', {
        refundable: payment.amount.minus(payment.refunded).toJSON(),
      });
    }
    await this.deliver({
      eventId: `devevt_${providerRefundId}`,
      providerType: 'charge.refunded',
      kind: 'PAYMENT_REFUNDED',
      payment: this.ref(payment),
      refundedTotal,
    });
    return { providerRefundId, status: 'SUCCEEDED' };
  }

  async transfer(input: TransferInput): Promise<TransferResult> {
    const providerTransferId = `devtr_${digest(input.idempotencyKey)}`;
    this.logger.log(
      {
        providerTransferId,
        destination: input.destinationAccountId,
        amount: input.amount.toJSON(),
        transferGroup: input.transferGroup,
      },
      'Development transfer',
    );
    return { providerTransferId };
  }

  /** The development provider's own records are its payments: the captured ones created in the range. */
  async listSucceededPayments(range: { from: Date; to: Date }): Promise<ProviderPaymentRecord[]> {
    const payments = await this.payments.ofProviderCreatedIn(
      this.provider,
      [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED],
      range,
    );
    return payments.map((p) => ({
      providerPaymentId: p.providerPaymentId,
      orderId: p.orderId,
      amount: p.amount,
      refunded: p.refunded,
      createdAt: p.createdAt,
    }));
  }

  private deliver(event: DistributiveOmit<ProviderEvent, 'provider' | 'occurredAt'>): Promise<ProcessedEvent> {
    if (this.config.isProduction) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'The development payment gateway is not available in production');
    }
    return this.processor.process({ ...event, provider: this.provider, occurredAt: this.clock.now() } as ProviderEvent);
  }

  private async find(providerPaymentId: string): Promise<PaymentEntity> {
    const payment = await this.payments.findOfProvider(this.provider, providerPaymentId);
    if (!payment) throw PaymentsException.notFound('Payment', providerPaymentId);
    return payment;
  }

  private ref(payment: PaymentEntity): { providerPaymentId: string; orderId: string; amount: Money } {
    return { providerPaymentId: payment.providerPaymentId, orderId: payment.orderId, amount: payment.amount };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24);
}
