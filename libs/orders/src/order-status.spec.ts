import { ErrorCode } from '@chedun/kernel';
import { assertTransition, canTransition, OrderStatus } from './order-status';

describe('order state machine', () => {
  it.each([
    ['payment', OrderStatus.PENDING_PAYMENT, OrderStatus.PAID],
    ['cancel before payment or expiry', OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED],
    ['all lines fulfilled', OrderStatus.PAID, OrderStatus.FULFILLED],
    ['part of a line refunded', OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED],
    ['a fulfilled order refunded', OrderStatus.FULFILLED, OrderStatus.REFUNDED],
    ['a late payment re-reserved', OrderStatus.CANCELLED, OrderStatus.PAID],
  ])('allows %s', (_, from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(assertTransition(from, to)).toBe(to);
  });

  it.each([
    ['paying twice', OrderStatus.PAID, OrderStatus.PAID],
    ['cancelling a paid order (refund instead)', OrderStatus.PAID, OrderStatus.CANCELLED],
    ['fulfilling unpaid goods', OrderStatus.PENDING_PAYMENT, OrderStatus.FULFILLED],
    ['reviving a refunded order', OrderStatus.REFUNDED, OrderStatus.PAID],
    ['refunding what was never paid', OrderStatus.PENDING_PAYMENT, OrderStatus.REFUNDED],
  ])('refuses %s with CONFLICT', (_, from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT }));
  });
});
