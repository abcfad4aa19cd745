import { registerEnumType } from '@nestjs/graphql';

/**
 * Shared vocabulary of the licensing and catalog contexts: what a license may cover and what a product is.
 * It lives in the kernel because both contexts speak it and neither owns the other.
 */
export enum ProductCategory {
  APPAREL = 'APPAREL',
  FOOD = 'FOOD',
  CRAFT = 'CRAFT',
  COLLECTIBLE = 'COLLECTIBLE',
  STATIONERY = 'STATIONERY',
  HOME = 'HOME',
  TOUR = 'TOUR',
  WORKSHOP = 'WORKSHOP',
  SCREENING = 'SCREENING',
  STAY = 'STAY',
}

export enum LicenseStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

/** Where a license lets the merchant sell: this marketplace, its own venue or shop, other shops. */
export enum SalesChannel {
  ONLINE = 'ONLINE',
  VENUE = 'VENUE',
  RETAIL = 'RETAIL',
}

/** A license that names no channels allows all three. */
export const ALL_SALES_CHANNELS: readonly SalesChannel[] = [
  SalesChannel.ONLINE,
  SalesChannel.VENUE,
  SalesChannel.RETAIL,
];

registerEnumType(ProductCategory, { name: 'ProductCategory' });
registerEnumType(SalesChannel, {
  name: 'SalesChannel',
  description: 'ONLINE: this marketplace; VENUE: the merchant’s own venue or shop; RETAIL: other shops.',
});
registerEnumType(LicenseStatus, { name: 'LicenseStatus' });

/**
 * Published by licensing (through the DomainEventBus, inside the transaction that changed the license) whenever
 * a license's status changes; catalog reacts by suspending the license's products in the same commit.
 */
export interface LicenseStatusChanged {
  readonly type: 'LicenseStatusChanged';
  readonly licenseId: string;
  readonly from: LicenseStatus;
  readonly to: LicenseStatus;
  readonly reason: string | null;
  readonly at: Date;
}

/**
 * Published by ip (through the DomainEventBus, inside the transaction that changed it) when a film IP's title or
 * Chinese title changes: shoppers find products by their IP's title, so catalog re-lists the IP's products.
 */
export interface FilmIpRenamed {
  readonly type: 'FilmIpRenamed';
  readonly filmIpId: string;
}
