import { DomainError, Money } from '@chedun/kernel';
import type Stripe from 'stripe';
import {
  CreatedPayment,
  CreatePaymentInput,
  PaymentGateway,
  ProviderPaymentRecord,
  RefundInput,
  RefundResult,
  RefundStatus,
  TransferInput,
  TransferResult,
} from '../payment-gateway';
import { PaymentsException } from '../payments.exception';
import { createStripeClient, loadStripe, StripeSettings } from './stripe-client';
import { toPaymentsException } from './stripe-error.mapper';

/**
 * Card for visitors from abroad; Alipay and WeChat Pay are how visitors in China pay. The SDK's API version calls
 * the list `allowed_payment_method_types` (it replaced `payment_method_types` on PaymentIntents).
 */
const PAYMENT_METHOD_TYPES: Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[] = [
  'card',
  'alipay',
  'wechat_pay',
];

const REFUND_STATUS: Record<string, RefundStatus> = {
  pending: 'PENDING',
  requires_action: 'PENDING',
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  canceled: 'CANCELLED',
};

/** PaymentIntents, refunds and Connect transfers through the official SDK, an idempotency key on every call. */
export class StripePaymentGateway extends PaymentGateway {
  readonly provider = 'stripe' as const;
  private client: Promise<Stripe> | undefined;

  constructor(private readonly settings: StripeSettings) {
    super();
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const intent = await this.call('createPayment', (stripe) =>
      stripe.paymentIntents.create(
        {
          amount: input.amount.amountMinor,
          currency: stripeCurrency(input.amount),
          description: input.description,
          metadata: { orderId: input.orderId },
          transfer_group: input.transferGroup,
          allowed_payment_method_types: PAYMENT_METHOD_TYPES,
          payment_method_options: { wechat_pay: { client: 'web' } },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    if (!intent.client_secret)
      throw PaymentsException.providerUnavailable('The payment provider returned no client secret', {
        operation: 'createPayment',
      });
    return { provider: this.provider, providerPaymentId: intent.id, clientSecret: intent.client_secret };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const refund = await this.call('refund', (stripe) =>
      stripe.refunds.create(
        {
          payment_intent: input.providerPaymentId,
          amount: input.amount.amountMinor,
          reason: 'requested_by_customer',
          metadata: { reason: input.reason.slice(0, 500) },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { providerRefundId: refund.id, status: stripeRefundStatus(refund.status) };
  }

  async transfer(input: TransferInput): Promise<TransferResult> {
    const transfer = await this.call('transfer', (stripe) =>
      stripe.transfers.create(
        {
          amount: input.amount.amountMinor,
          currency: stripeCurrency(input.amount),
          destination: input.destinationAccountId,
          transfer_group: input.transferGroup,
          metadata: { payoutId: input.payoutId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { providerTransferId: transfer.id };
  }

  /**
   * PaymentIntents created in the range, through the SDK's auto-pagination, with each one's latest charge expanded
   * for its refunded total. Only succeeded intents count; one in a currency the marketplace never charges in is not
   * one of its payments.
   */
  async listSucceededPayments(range: { from: Date; to: Date }): Promise<ProviderPaymentRecord[]> {
    return this.call('listSucceededPayments', async (stripe) => {
      const records: ProviderPaymentRecord[] = [];
      const pages = stripe.paymentIntents.list({
        created: { gte: Math.floor(range.from.getTime() / 1000), lt: Math.ceil(range.to.getTime() / 1000) },
        limit: 100,
        expand: ['data.latest_charge'],
      });
      for await (const intent of pages) {
        if (intent.status !== 'succeeded') continue;
        const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
        try {
          records.push({
            providerPaymentId: intent.id,
            orderId: intent.metadata?.['orderId'] ?? null,
            amount: Money.of(intent.amount_received || intent.amount, intent.currency.toUpperCase()),
            refunded: Money.of(charge?.amount_refunded ?? 0, intent.currency.toUpperCase()),
            createdAt: new Date(intent.created * 1000),
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return records;
    });
  }

  /** The client is made on the first call (the SDK loads then); a failure to load or reach it is the provider's. */
  private async call<T>(operation: string, request: (stripe: Stripe) => Promise<T>): Promise<T> {
    const sdk = await loadStripe();
    try {
      this.client ??= createStripeClient(this.settings);
      return await request(await this.client);
    } catch (error) {
      throw toPaymentsException(error, operation, sdk);
    }
  }
}

export function stripeRefundStatus(status: string | null | undefined): RefundStatus {
  return REFUND_STATUS[status ?? 'pending'] ?? 'PENDING';
}

function stripeCurrency(amount: Money): string {
  return amount.currency.toLowerCase();
}
