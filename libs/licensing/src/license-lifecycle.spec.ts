import { DomainError, ErrorCode, LicenseStatus } from '@chedun/kernel';
import {
  LicenseApplicationStatus as A,
  licenseApplicationLifecycle,
  licenseLifecycle,
  LicenseOfferStatus as O,
  licenseOfferLifecycle,
} from './license-lifecycle';

const L = LicenseStatus;

function allPairs<S extends string>(states: S[]): [S, S][] {
  return states.flatMap((from) => states.map((to): [S, S] => [from, to]));
}

describe('license lifecycle', () => {
  const allowed = new Set([
    'ACTIVE>SUSPENDED',
    'ACTIVE>TERMINATED',
    'ACTIVE>EXPIRED',
    'SUSPENDED>ACTIVE',
    'SUSPENDED>TERMINATED',
    'SUSPENDED>EXPIRED',
  ]);

  it.each(allPairs(Object.values(L)))('%s → %s follows the table', (from, to) => {
    expect(licenseLifecycle.canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('refuses to resume a terminated license with CONFLICT and a clear message', () => {
    let error: unknown;
    try {
      licenseLifecycle.move(L.TERMINATED, L.ACTIVE, 'resume');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
    expect((error as DomainError).message).toBe('Cannot resume a license that is terminated');
  });

  it('lets a suspended license resume and an active one expire', () => {
    expect(licenseLifecycle.move(L.SUSPENDED, L.ACTIVE, 'resume')).toBe(L.ACTIVE);
    expect(licenseLifecycle.move(L.ACTIVE, L.EXPIRED, 'expire')).toBe(L.EXPIRED);
  });

  it('treats expired and terminated as final, active and suspended as not', () => {
    expect([L.ACTIVE, L.SUSPENDED, L.EXPIRED, L.TERMINATED].map((s) => licenseLifecycle.isFinal(s))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('never moves a state to itself (suspending twice is a conflict, not a no-op)', () => {
    for (const s of Object.values(L)) expect(licenseLifecycle.canMove(s, s)).toBe(false);
  });
});

describe('license application lifecycle', () => {
  it.each(allPairs(Object.values(A)))('%s → %s follows the table', (from, to) => {
    expect(licenseApplicationLifecycle.canMove(from, to)).toBe(from === A.PENDING && to !== A.PENDING);
  });

  it('refuses to approve twice', () => {
    expect(() => licenseApplicationLifecycle.move(A.APPROVED, A.APPROVED, 'approve')).toThrow(
      'Cannot approve a license application that is approved',
    );
  });

  it('refuses to withdraw a rejected application', () => {
    expect(() => licenseApplicationLifecycle.move(A.REJECTED, A.WITHDRAWN, 'withdraw')).toThrow(/Cannot withdraw/);
  });
});

describe('license offer lifecycle', () => {
  it('closes an open offer once', () => {
    expect(licenseOfferLifecycle.move(O.OPEN, O.CLOSED, 'close')).toBe(O.CLOSED);
    expect(() => licenseOfferLifecycle.move(O.CLOSED, O.CLOSED, 'close')).toThrow(
      'Cannot close a license offer that is closed',
    );
    expect(licenseOfferLifecycle.canMove(O.CLOSED, O.OPEN)).toBe(false);
  });
});
