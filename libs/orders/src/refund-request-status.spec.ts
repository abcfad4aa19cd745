import { ErrorCode } from '@chedun/kernel';
import { RefundRequestStatus as S, refundRequestLifecycle } from './refund-request-status';

describe('refund request state machine', () => {
  it.each([
    ['the merchant approves', S.REQUESTED, S.APPROVED],
    ['the merchant refuses', S.REQUESTED, S.REFUSED],
    ['the approved refund settles', S.APPROVED, S.REFUNDED],
    ['the provider refuses the approved refund', S.APPROVED, S.REQUESTED],
  ])('allows: %s', (_, from, to) => {
    expect(refundRequestLifecycle.move(from, to)).toBe(to);
  });

  it.each([
    ['refunding without approval', S.REQUESTED, S.REFUNDED],
    ['approving a refused request', S.REFUSED, S.APPROVED],
    ['refusing an approved request', S.APPROVED, S.REFUSED],
    ['reopening a refunded request', S.REFUNDED, S.REQUESTED],
  ])('refuses %s with CONFLICT', (_, from, to) => {
    expect(() => refundRequestLifecycle.move(from, to)).toThrow(expect.objectContaining({ code: ErrorCode.CONFLICT }));
  });

  it('names the attempt in the refusal', () => {
    expect(() => refundRequestLifecycle.move(S.REFUSED, S.APPROVED)).toThrow(
      'Cannot approve a refund request that is refused',
    );
  });

  it('ends in REFUSED or REFUNDED', () => {
    expect(refundRequestLifecycle.states.filter((s) => refundRequestLifecycle.isFinal(s))).toEqual([
      S.REFUSED,
      S.REFUNDED,
    ]);
  });
});
