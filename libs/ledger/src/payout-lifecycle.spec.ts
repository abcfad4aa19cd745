import { ErrorCode } from '@chedun/kernel';
import { PayoutStatus } from './payout.entity';
import { payoutLifecycle } from './payout-lifecycle';

describe('payout lifecycle', () => {
  const all = Object.values(PayoutStatus);
  const allowed = new Set(['IN_TRANSIT>PAID', 'IN_TRANSIT>FAILED']);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s only as the table says', (from, to) => {
    expect(payoutLifecycle.canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('refuses to settle a failed payout with CONFLICT, and treats both outcomes as final', () => {
    expect(() => payoutLifecycle.move(PayoutStatus.FAILED, PayoutStatus.PAID)).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICT }),
    );
    expect(payoutLifecycle.isFinal(PayoutStatus.PAID)).toBe(true);
    expect(payoutLifecycle.isFinal(PayoutStatus.FAILED)).toBe(true);
  });
});
