import { Money } from '@chedun/kernel';

export type PaymentProvider = 'stripe' | 'development';

export interface CreatePaymentInput {
  orderId: string;
  amount: Money;
  /** The same key returns the same payment instead of charging twice. */
  idempotencyKey: string;
  /** Groups the payment with the Connect transfers that pay out its order. */
  transferGroup: string;
  description: string;
}

export interface CreatedPayment {
  provider: PaymentProvider;
  providerPaymentId: string;
  /** Handed to the client, which completes the payment with the provider. */
  clientSecret: string;
  /**
   * Our payment row's id when the gateway recorded it itself just now (the development gateway is its own provider),
   * so the caller need not record it again and read it back.
   */
  recordedPaymentId?: string;
}

export interface RefundInput {
  providerPaymentId: string;
  amount: Money;
  idempotencyKey: string;
  reason: string;
}

/** A refund's status at the provider, named here so no other context spells the strings. */
export const RefundStatus = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const;
export type RefundStatus = (typeof RefundStatus)[keyof typeof RefundStatus];

export interface RefundResult {
  providerRefundId: string;
  status: RefundStatus;
}

export interface TransferInput {
  /** The payee's connected account (an organization's payout account). */
  destinationAccountId: string;
  amount: Money;
  transferGroup: string;
  idempotencyKey: string;
  /** Echoed back by the provider's transfer events, so a reversal finds its payout even before the transfer is recorded. */
  payoutId: string;
}

export interface TransferResult {
  providerTransferId: string;
}

/** A payment the provider took, as the provider records it: what reconciliation proves the orders against. */
export interface ProviderPaymentRecord {
  providerPaymentId: string;
  /** The order the provider was told about (payment metadata), when it was. */
  orderId: string | null;
  amount: Money;
  /** Everything refunded on the payment so far, by succeeded refunds. */
  refunded: Money;
  createdAt: Date;
}

/**
 * The port every payment provider implements. Amounts are kernel Money; no provider type crosses it.
 * Confirmation never comes back from these calls: it arrives later as a provider event (webhook).
 */
export abstract class PaymentGateway {
  abstract readonly provider: PaymentProvider;
  abstract createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  abstract refund(input: RefundInput): Promise<RefundResult>;
  abstract transfer(input: TransferInput): Promise<TransferResult>;
  /** Every succeeded payment the provider created in [from, to), all pages, with its refunded total. */
  abstract listSucceededPayments(range: { from: Date; to: Date }): Promise<ProviderPaymentRecord[]>;
}
