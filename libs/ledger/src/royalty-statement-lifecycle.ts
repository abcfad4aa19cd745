import { Lifecycle } from '@chedun/kernel';
import { RoyaltyStatementStatus } from './royalty-statement.entity';

/**
 * A statement is drafted and issued in one transaction; once ISSUED it never changes (a trigger holds it too), except
 * that the studio may re-issue the month: the new version supersedes it, and both are kept.
 */
export const royaltyStatementLifecycle = new Lifecycle<RoyaltyStatementStatus>('royalty statement', {
  [RoyaltyStatementStatus.DRAFT]: { [RoyaltyStatementStatus.ISSUED]: 'issue' },
  [RoyaltyStatementStatus.ISSUED]: { [RoyaltyStatementStatus.SUPERSEDED]: 'reissue' },
  [RoyaltyStatementStatus.SUPERSEDED]: {},
});
