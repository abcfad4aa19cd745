import { ErrorCode } from '@chedun/kernel';
import { isCaptured, paymentLifecycle, PaymentStatus as S } from './payment-status';

describe('payment status transitions', () => {
  const allowed: [string, S, S][] = [
    ['the provider confirms the payment', S.REQUIRES_PAYMENT, S.SUCCEEDED],
    ['the visitor’s attempt is declined', S.REQUIRES_PAYMENT, S.FAILED],
    ['the payment is abandoned', S.REQUIRES_PAYMENT, S.CANCELLED],
    ['a retry with another method succeeds after a decline', S.FAILED, S.SUCCEEDED],
    ['a declined payment is abandoned', S.FAILED, S.CANCELLED],
    ['part of a paid order is refunded', S.SUCCEEDED, S.PARTIALLY_REFUNDED],
    ['a paid order is refunded in full', S.SUCCEEDED, S.REFUNDED],
    ['a second partial refund', S.PARTIALLY_REFUNDED, S.PARTIALLY_REFUNDED],
    ['the rest is refunded', S.PARTIALLY_REFUNDED, S.REFUNDED],
  ];
  it.each(allowed)('allows: %s (%s → %s)', (_, from, to) => {
    expect(paymentLifecycle.canMove(from, to)).toBe(true);
    expect(paymentLifecycle.move(from, to)).toBe(to);
  });

  const refused: [string, S, S][] = [
    ['a late decline after success', S.SUCCEEDED, S.FAILED],
    ['a refund before the money was taken', S.REQUIRES_PAYMENT, S.REFUNDED],
    ['paying a cancelled payment', S.CANCELLED, S.SUCCEEDED],
    ['succeeding twice', S.SUCCEEDED, S.SUCCEEDED],
    ['un-refunding', S.REFUNDED, S.SUCCEEDED],
    ['cancelling a paid payment', S.SUCCEEDED, S.CANCELLED],
    ['declining twice', S.FAILED, S.FAILED],
  ];
  it.each(refused)('refuses with CONFLICT: %s (%s → %s)', (_, from, to) => {
    expect(paymentLifecycle.canMove(from, to)).toBe(false);
    expect(() => paymentLifecycle.move(from, to)).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICT, details: { aggregate: 'payment', from, to } }),
    );
  });

  it('has final states with no way out', () => {
    expect(paymentLifecycle.isFinal(S.CANCELLED)).toBe(true);
    expect(paymentLifecycle.isFinal(S.REFUNDED)).toBe(true);
    expect(paymentLifecycle.nextStates(S.REQUIRES_PAYMENT)).toEqual([S.SUCCEEDED, S.FAILED, S.CANCELLED]);
  });

  it('counts money as taken once a payment succeeded, refunded or not', () => {
    expect(Object.values(S).filter(isCaptured)).toEqual([S.SUCCEEDED, S.PARTIALLY_REFUNDED, S.REFUNDED]);
  });
});
