import { Lifecycle } from '@chedun/kernel';
import { RefundStatus } from './payment-gateway';

export enum PaymentStatus {
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}

/**
 * The one place a payment's status may change. A failed attempt is not final at the provider: the visitor may
 * retry with another method on the same payment, so FAILED can still succeed or be cancelled. A further partial
 * refund keeps a payment PARTIALLY_REFUNDED.
 */
export const paymentLifecycle = new Lifecycle<PaymentStatus>('payment', {
  [PaymentStatus.REQUIRES_PAYMENT]: {
    [PaymentStatus.SUCCEEDED]: 'succeed',
    [PaymentStatus.FAILED]: 'fail',
    [PaymentStatus.CANCELLED]: 'cancel',
  },
  [PaymentStatus.FAILED]: { [PaymentStatus.SUCCEEDED]: 'succeed', [PaymentStatus.CANCELLED]: 'cancel' },
  [PaymentStatus.SUCCEEDED]: { [PaymentStatus.PARTIALLY_REFUNDED]: 'refund', [PaymentStatus.REFUNDED]: 'refund' },
  [PaymentStatus.PARTIALLY_REFUNDED]: {
    [PaymentStatus.PARTIALLY_REFUNDED]: 'refund',
    [PaymentStatus.REFUNDED]: 'refund',
  },
  [PaymentStatus.CANCELLED]: {},
  [PaymentStatus.REFUNDED]: {},
});

/** Money has been taken (and not all of it given back yet, or given back in full). */
export const CAPTURED_STATUSES: readonly PaymentStatus[] = [
  PaymentStatus.SUCCEEDED,
  PaymentStatus.PARTIALLY_REFUNDED,
  PaymentStatus.REFUNDED,
];

export function isCaptured(status: PaymentStatus): boolean {
  return CAPTURED_STATUSES.includes(status);
}

/** Money taken and not all of it given back: what a refund may still draw on. */
export function isRefundable(status: PaymentStatus): boolean {
  return status === PaymentStatus.SUCCEEDED || status === PaymentStatus.PARTIALLY_REFUNDED;
}

/** A refund only ever leaves PENDING, once: later news about a settled refund is stale. */
export const refundLifecycle = new Lifecycle<RefundStatus>('refund', {
  [RefundStatus.PENDING]: {
    [RefundStatus.SUCCEEDED]: 'succeed',
    [RefundStatus.FAILED]: 'fail',
    [RefundStatus.CANCELLED]: 'cancel',
  },
  [RefundStatus.SUCCEEDED]: {},
  [RefundStatus.FAILED]: {},
  [RefundStatus.CANCELLED]: {},
});
