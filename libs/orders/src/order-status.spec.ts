import { ErrorCode } from '@chedun/kernel';
import { orderLifecycle, OrderRefundStatus, orderRefundLifecycle, OrderStatus } from './order-status';

describe('order state machine', () => {
  it.each([
    ['payment', OrderStatus.PENDING_PAYMENT, OrderStatus.PAID],
    ['cancel before payment or expiry', OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED],
    ['all lines fulfilled', OrderStatus.PAID, OrderStatus.FULFILLED],
    ['part of a line refunded', OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED],
    ['a fulfilled order refunded', OrderStatus.FULFILLED, OrderStatus.REFUNDED],
    ['a late payment re-reserved', OrderStatus.CANCELLED, OrderStatus.PAID],
  ])('allows %s', (_, from, to) => {
    expect(orderLifecycle.canMove(from, to)).toBe(true);
    expect(orderLifecycle.move(from, to)).toBe(to);
  });

  it.each([
    ['paying twice', OrderStatus.PAID, OrderStatus.PAID],
    ['cancelling a paid order (refund instead)', OrderStatus.PAID, OrderStatus.CANCELLED],
    ['fulfilling unpaid goods', OrderStatus.PENDING_PAYMENT, OrderStatus.FULFILLED],
    ['reviving a refunded order', OrderStatus.REFUNDED, OrderStatus.PAID],
    ['refunding what was never paid', OrderStatus.PENDING_PAYMENT, OrderStatus.REFUNDED],
  ])('refuses %s with CONFLICT', (_, from, to) => {
    expect(orderLifecycle.canMove(from, to)).toBe(false);
    expect(() => orderLifecycle.move(from, to)).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT }));
  });
});

describe('order refund state machine', () => {
  it('settles a pending refund once, either way', () => {
    expect(orderRefundLifecycle.move(OrderRefundStatus.PENDING, OrderRefundStatus.SUCCEEDED)).toBe(
      OrderRefundStatus.SUCCEEDED,
    );
    expect(orderRefundLifecycle.move(OrderRefundStatus.PENDING, OrderRefundStatus.FAILED)).toBe(
      OrderRefundStatus.FAILED,
    );
    expect(() => orderRefundLifecycle.move(OrderRefundStatus.SUCCEEDED, OrderRefundStatus.FAILED)).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICT, message: 'Cannot fail an order refund that is succeeded' }),
    );
  });
});
