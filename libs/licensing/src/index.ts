/**
 * STAND-IN for feat/licensing (issue 3), replaced wholesale when that branch is merged: only the read interface
 * the catalog codes against (LicenseReader, LicenseSnapshot, isUsableOn), reading the agreed `licenses` table.
 */
import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LicenseStatus, ProductCategory } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';

export interface LicenseSnapshot {
  id: string;
  studioId: string;
  merchantId: string;
  filmIpId: string;
  status: LicenseStatus;
  categories: ProductCategory[];
  territory: string;
  startsOn: string;
  endsOn: string;
  royaltyBps: number;
}

export function isUsableOn(snapshot: LicenseSnapshot, category: ProductCategory, date: string): boolean {
  return (
    snapshot.status === LicenseStatus.ACTIVE &&
    snapshot.categories.includes(category) &&
    snapshot.startsOn <= date &&
    date <= snapshot.endsOn
  );
}

@Injectable()
export class LicenseReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(licenseId: string, manager?: EntityManager): Promise<LicenseSnapshot | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT id, studio_id AS "studioId", merchant_id AS "merchantId", film_ip_id AS "filmIpId", status, categories,
              territory, starts_on::text AS "startsOn", ends_on::text AS "endsOn", royalty_bps AS "royaltyBps"
         FROM licenses WHERE id = $1`,
      [licenseId],
    );
    return (rows[0] as LicenseSnapshot | undefined) ?? null;
  }
}

@Module({ providers: [LicenseReader], exports: [LicenseReader] })
export class LicensingModule {}
