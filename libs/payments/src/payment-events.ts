import { Money } from '@chedun/kernel';
import { PaymentProvider } from './payment-gateway';

/**
 * Normalised facts about payments, published on the DomainEventBus inside the transaction that records the
 * provider event, so a subscriber's writes (an order becoming PAID) commit exactly once with it.
 */
interface PaymentFact {
  readonly provider: PaymentProvider;
  readonly paymentId: string;
  readonly providerPaymentId: string;
  readonly orderId: string;
  /** The payment's full amount. */
  readonly amount: Money;
  readonly occurredAt: Date;
}

export interface PaymentSucceeded extends PaymentFact {
  readonly type: 'PaymentSucceeded';
}

export interface PaymentFailed extends PaymentFact {
  readonly type: 'PaymentFailed';
  readonly reason: string | null;
}

export interface PaymentCancelled extends PaymentFact {
  readonly type: 'PaymentCancelled';
}

export interface RefundSucceeded extends PaymentFact {
  readonly type: 'RefundSucceeded';
  /** What this event newly refunded. */
  readonly refunded: Money;
  /** Everything refunded on the payment so far, this event included. */
  readonly refundedTotal: Money;
}

export type PaymentEvent = PaymentSucceeded | PaymentFailed | PaymentCancelled | RefundSucceeded;

/**
 * The provider took (part of) a payout transfer back to the platform. Cumulative, like refunds: `reversedTotal` is
 * everything reversed on the transfer so far, so a repeated or late event changes nothing. Published inside the
 * transaction that records the provider event; the ledger returns the newly reversed amount to the payee's payable.
 */
export interface TransferReversed {
  readonly type: 'TransferReversed';
  readonly provider: PaymentProvider;
  readonly providerTransferId: string;
  /** The payout the transfer was made for, as the transfer's metadata says. */
  readonly payoutId: string | null;
  readonly reversedTotal: Money;
  readonly occurredAt: Date;
}
