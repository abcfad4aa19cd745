import { Injectable } from '@nestjs/common';
import { isId, LicenseStatus, ProductCategory, SalesChannel } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicenseRepository } from './license.repository';

/** What other contexts (catalog) may know about a license: its parties, status and the terms that bound use. */
export interface LicenseSnapshot {
  id: string;
  studioId: string;
  merchantId: string;
  filmIpId: string;
  status: LicenseStatus;
  categories: ProductCategory[];
  territory: string;
  channels: SalesChannel[];
  startsOn: string;
  endsOn: string;
  royaltyBps: number;
}

@Injectable()
export class LicenseReader {
  constructor(private readonly licenses: LicenseRepository) {}

  /** Pass the caller's transaction manager to read (and see) the license inside that transaction. */
  async findById(licenseId: string, manager?: EntityManager): Promise<LicenseSnapshot | null> {
    if (!isId(licenseId)) return null;
    const license = await (manager ? this.licenses.forManager(manager) : this.licenses).findById(
      licenseId.toLowerCase(),
    );
    if (!license) return null;
    return {
      id: license.id,
      studioId: license.studioId,
      merchantId: license.merchantId,
      filmIpId: license.filmIpId,
      status: license.status,
      categories: [...license.terms.categories],
      territory: license.terms.territory,
      channels: [...license.terms.channels],
      startsOn: license.terms.startsOn,
      endsOn: license.terms.endsOn,
      royaltyBps: license.terms.royaltyBps,
    };
  }

  /** ACTIVE, covering the category, and `date` (YYYY-MM-DD, Asia/Shanghai) inside the term, both ends included. */
  isUsableOn(snapshot: LicenseSnapshot, category: ProductCategory, date: string): boolean {
    return (
      snapshot.status === LicenseStatus.ACTIVE &&
      snapshot.categories.includes(category) &&
      snapshot.startsOn <= date &&
      date <= snapshot.endsOn
    );
  }
}
