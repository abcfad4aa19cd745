import { LicenseStatus } from '@chedun/kernel';
import { LicensingException } from './licensing.exception';

export enum LicenseOfferStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum LicenseApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** For each state, the states it may move to and the verb a user would use for that move. */
export type TransitionTable<S extends string> = { readonly [From in S]: Readonly<Partial<Record<S, string>>> };

/**
 * The one place an aggregate's states change. A move the table does not list is CONFLICT, and the message
 * says what was tried on what: "Cannot resume a license that is terminated".
 */
export class Lifecycle<S extends string> {
  constructor(
    readonly aggregate: string,
    private readonly table: TransitionTable<S>,
  ) {}

  canMove(from: S, to: S): boolean {
    return this.table[from][to] !== undefined;
  }

  /** Returns `to` when the move is allowed; `action` names the attempt in the error when it is not. */
  move(from: S, to: S, action: string): S {
    if (!this.canMove(from, to)) throw LicensingException.illegalTransition(this.aggregate, from, action, to);
    return to;
  }

  /** States with no way out. */
  isFinal(state: S): boolean {
    return Object.keys(this.table[state]).length === 0;
  }
}

export const licenseOfferLifecycle = new Lifecycle<LicenseOfferStatus>('license offer', {
  [LicenseOfferStatus.OPEN]: { [LicenseOfferStatus.CLOSED]: 'close' },
  [LicenseOfferStatus.CLOSED]: {},
});

export const licenseApplicationLifecycle = new Lifecycle<LicenseApplicationStatus>('license application', {
  [LicenseApplicationStatus.PENDING]: {
    [LicenseApplicationStatus.APPROVED]: 'approve',
    [LicenseApplicationStatus.REJECTED]: 'reject',
    [LicenseApplicationStatus.WITHDRAWN]: 'withdraw',
  },
  [LicenseApplicationStatus.APPROVED]: {},
  [LicenseApplicationStatus.REJECTED]: {},
  [LicenseApplicationStatus.WITHDRAWN]: {},
});

/** ACTIVE → SUSPENDED (and back) | TERMINATED | EXPIRED. Expiry also ends a suspended license. */
export const licenseLifecycle = new Lifecycle<LicenseStatus>('license', {
  [LicenseStatus.ACTIVE]: {
    [LicenseStatus.SUSPENDED]: 'suspend',
    [LicenseStatus.TERMINATED]: 'terminate',
    [LicenseStatus.EXPIRED]: 'expire',
  },
  [LicenseStatus.SUSPENDED]: {
    [LicenseStatus.ACTIVE]: 'resume',
    [LicenseStatus.TERMINATED]: 'terminate',
    [LicenseStatus.EXPIRED]: 'expire',
  },
  [LicenseStatus.EXPIRED]: {},
  [LicenseStatus.TERMINATED]: {},
});
