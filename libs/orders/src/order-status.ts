import { Lifecycle } from '@chedun/kernel';

export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  FULFILLED = 'FULFILLED',
  CANCELLED = 'CANCELLED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}

/**
 * The one transition table of an order. CANCELLED → PAID is the late payment whose lapsed reservation could be
 * taken again; a merchant may cancel only before payment (afterwards, refunds).
 */
export const orderLifecycle = new Lifecycle<OrderStatus>('order', {
  [OrderStatus.PENDING_PAYMENT]: { [OrderStatus.PAID]: 'pay', [OrderStatus.CANCELLED]: 'cancel' },
  [OrderStatus.PAID]: {
    [OrderStatus.FULFILLED]: 'fulfil',
    [OrderStatus.PARTIALLY_REFUNDED]: 'refund',
    [OrderStatus.REFUNDED]: 'refund',
  },
  [OrderStatus.FULFILLED]: { [OrderStatus.PARTIALLY_REFUNDED]: 'refund', [OrderStatus.REFUNDED]: 'refund' },
  [OrderStatus.PARTIALLY_REFUNDED]: {
    [OrderStatus.PARTIALLY_REFUNDED]: 'refund',
    [OrderStatus.REFUNDED]: 'refund',
    [OrderStatus.FULFILLED]: 'fulfil',
  },
  [OrderStatus.CANCELLED]: { [OrderStatus.PAID]: 'pay' },
  [OrderStatus.REFUNDED]: {},
});

/** A line refund the marketplace asked the provider for: it counts against the line while PENDING. */
export enum OrderRefundStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** A line refund settles once, either way. */
export const orderRefundLifecycle = new Lifecycle<OrderRefundStatus>('order refund', {
  [OrderRefundStatus.PENDING]: { [OrderRefundStatus.SUCCEEDED]: 'settle', [OrderRefundStatus.FAILED]: 'fail' },
  [OrderRefundStatus.SUCCEEDED]: {},
  [OrderRefundStatus.FAILED]: {},
});

/** Orders whose goods are the buyer's (or about to be): they count toward a per-account purchase limit. */
export const COUNTED_FOR_LIMIT: readonly OrderStatus[] = [
  OrderStatus.PENDING_PAYMENT,
  OrderStatus.PAID,
  OrderStatus.FULFILLED,
  OrderStatus.PARTIALLY_REFUNDED,
];

/** Orders that have been paid, whatever happened since. */
export const PAID_OR_REFUNDED: readonly OrderStatus[] = [
  OrderStatus.PAID,
  OrderStatus.FULFILLED,
  OrderStatus.PARTIALLY_REFUNDED,
  OrderStatus.REFUNDED,
];

/** Paid orders whose lines may be refunded, fulfilled or redeemed. */
export const PAID_STATES: readonly OrderStatus[] = [
  OrderStatus.PAID,
  OrderStatus.FULFILLED,
  OrderStatus.PARTIALLY_REFUNDED,
];
