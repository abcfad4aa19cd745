import { Lifecycle } from '@chedun/kernel';
import { PayoutStatus } from './payout.entity';

/**
 * The one place a payout's status changes. IN_TRANSIT from the moment the payable is drawn down until the provider
 * answers; PAID when the transfer exists; FAILED when the provider refused it, which returns the amount to payable.
 * Both outcomes are final: paying again after a failure is a new payout with a new idempotency key.
 */
export const payoutLifecycle = new Lifecycle<PayoutStatus>('payout', {
  [PayoutStatus.IN_TRANSIT]: { [PayoutStatus.PAID]: 'settle', [PayoutStatus.FAILED]: 'fail' },
  [PayoutStatus.PAID]: {},
  [PayoutStatus.FAILED]: {},
});
