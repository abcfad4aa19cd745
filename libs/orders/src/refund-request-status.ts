import { Lifecycle } from '@chedun/kernel';

/** A buyer's refund request: the merchant decides it, or the experience's cancellation policy approves it at once. */
export enum RefundRequestStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  REFUNDED = 'REFUNDED',
}

/**
 * The one transition table of a refund request. APPROVED lasts until the provider settles the refund it asked for;
 * a provider that refuses that refund puts the request back before the merchant (APPROVED → REQUESTED).
 */
export const refundRequestLifecycle = new Lifecycle<RefundRequestStatus>('refund request', {
  [RefundRequestStatus.REQUESTED]: {
    [RefundRequestStatus.APPROVED]: 'approve',
    [RefundRequestStatus.REFUSED]: 'refuse',
  },
  [RefundRequestStatus.APPROVED]: {
    [RefundRequestStatus.REFUNDED]: 'refund',
    [RefundRequestStatus.REQUESTED]: 'reopen',
  },
  [RefundRequestStatus.REFUSED]: {},
  [RefundRequestStatus.REFUNDED]: {},
});

/** Requests still open: a line has at most one. */
export const OPEN_REFUND_REQUEST: readonly RefundRequestStatus[] = [
  RefundRequestStatus.REQUESTED,
  RefundRequestStatus.APPROVED,
];
