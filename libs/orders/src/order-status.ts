import { OrdersException } from './orders.exception';

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
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  [OrderStatus.PENDING_PAYMENT]: [OrderStatus.PAID, OrderStatus.CANCELLED],
  [OrderStatus.PAID]: [OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED],
  [OrderStatus.FULFILLED]: [OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED],
  [OrderStatus.PARTIALLY_REFUNDED]: [OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED, OrderStatus.FULFILLED],
  [OrderStatus.CANCELLED]: [OrderStatus.PAID],
  [OrderStatus.REFUNDED]: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT unless the table allows the move. */
export function assertTransition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) throw OrdersException.conflict(`An order cannot go from ${from} to ${to}`, { from, to });
  return to;
}

/** Orders whose goods are the buyer's (or about to be): they count toward a per-account purchase limit. */
export const COUNTED_FOR_LIMIT: readonly OrderStatus[] = [OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED];

/** Orders that have been paid, whatever happened since. */
export const PAID_OR_REFUNDED: readonly OrderStatus[] = [OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED];

/** Paid orders whose lines may be refunded, fulfilled or redeemed. */
export const PAID_STATES: readonly OrderStatus[] = [OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED];
