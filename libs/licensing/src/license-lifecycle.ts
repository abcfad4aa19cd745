import { LicenseStatus, Lifecycle } from '@chedun/kernel';

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
