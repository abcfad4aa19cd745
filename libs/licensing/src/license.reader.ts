import { Injectable } from '@nestjs/common';
import { isId, LicenseStatus, ProductCategory, SalesChannel } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicenseRepository } from './license.repository';
import { LicenseEntity } from './licensing.entity';

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
    return toSnapshot(license);
  }

  /**
   * Licenses whose term overlaps [from, to] (YYYY-MM-DD, both included), of one studio or merchant when given: the
   * licenses that owe sales reports for those days.
   */
  async inTermDuring(
    from: string,
    to: string,
    party?: { studioId?: string; merchantId?: string },
  ): Promise<LicenseSnapshot[]> {
    return (await this.licenses.inTermDuring(from, to, party)).map(toSnapshot);
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

function toSnapshot(l: LicenseEntity): LicenseSnapshot {
  return {
    id: l.id,
    studioId: l.studioId,
    merchantId: l.merchantId,
    filmIpId: l.filmIpId,
    status: l.status,
    categories: [...l.terms.categories],
    territory: l.terms.territory,
    channels: [...l.terms.channels],
    startsOn: l.terms.startsOn,
    endsOn: l.terms.endsOn,
    royaltyBps: l.terms.royaltyBps,
  };
}
