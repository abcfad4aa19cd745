import { ErrorCode } from '@chedun/kernel';
import { PaymentsException } from './payments.exception';

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
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  [PaymentStatus.REQUIRES_PAYMENT]: [PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.CANCELLED],
  [PaymentStatus.FAILED]: [PaymentStatus.SUCCEEDED, PaymentStatus.CANCELLED],
  [PaymentStatus.SUCCEEDED]: [PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED],
  [PaymentStatus.PARTIALLY_REFUNDED]: [PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED],
  [PaymentStatus.CANCELLED]: [],
  [PaymentStatus.REFUNDED]: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  if (!canTransition(from, to)) {
    throw new PaymentsException(ErrorCode.CONFLICT, `A ${from} payment cannot become ${to}`, { from, to });
  }
  return to;
}

/** Money has been taken (and not all of it given back yet, or given back in full). */
export function isCaptured(status: PaymentStatus): boolean {
  return status === PaymentStatus.SUCCEEDED || status === PaymentStatus.PARTIALLY_REFUNDED || status === PaymentStatus.REFUNDED;
}
