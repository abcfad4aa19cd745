import { Lifecycle } from '@chedun/kernel';
import { RoyaltyStatementStatus } from './royalty-statement.entity';

/** A statement is drafted and issued in one transaction; once ISSUED it never changes (a trigger holds it too). */
export const royaltyStatementLifecycle = new Lifecycle<RoyaltyStatementStatus>('royalty statement', {
  [RoyaltyStatementStatus.DRAFT]: { [RoyaltyStatementStatus.ISSUED]: 'issue' },
  [RoyaltyStatementStatus.ISSUED]: {},
});
