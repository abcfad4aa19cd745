import { Money } from '@chedun/kernel';
import { PaymentProvider } from './payment-gateway';

/** What a provider says about one of its payments, translated out of the provider's vocabulary. */
export interface ProviderPaymentRef {
  providerPaymentId: string;
  /** Known when the provider echoes it back (payment metadata); otherwise taken from our record. */
  orderId: string | null;
  amount: Money | null;
}

interface ProviderEventBase {
  provider: PaymentProvider;
  /** The provider's event id: acting on it twice is what the payment_events table prevents. */
  eventId: string;
  /** The provider's own name for the event, kept for the record. */
  providerType: string;
  occurredAt: Date;
}

export type ProviderEvent =
  | (ProviderEventBase & { kind: 'PAYMENT_SUCCEEDED'; payment: ProviderPaymentRef })
  | (ProviderEventBase & { kind: 'PAYMENT_FAILED'; payment: ProviderPaymentRef; reason: string | null })
  | (ProviderEventBase & { kind: 'PAYMENT_CANCELLED'; payment: ProviderPaymentRef })
  /** Cumulative: everything refunded on the payment so far, so late or repeated news never refunds twice. */
  | (ProviderEventBase & { kind: 'PAYMENT_REFUNDED'; payment: ProviderPaymentRef; refundedTotal: Money })
  /** Cumulative: everything reversed on the transfer so far; `payoutId` is what the transfer was created for. */
  | (ProviderEventBase & {
      kind: 'TRANSFER_REVERSED';
      providerTransferId: string;
      payoutId: string | null;
      reversedTotal: Money;
    })
  | (ProviderEventBase & {
      kind: 'REFUND_UPDATED';
      providerRefundId: string;
      status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
    })
  | (ProviderEventBase & { kind: 'UNHANDLED' });

export interface ProcessedEvent {
  /** False when the event had already been acted on (a redelivery). */
  applied: boolean;
  outcome: 'APPLIED' | 'STALE' | 'IGNORED' | 'DUPLICATE';
}
