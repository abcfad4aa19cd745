import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { keysetPage } from '@chedun/db';
import { ConnectionShape, LicenseStatus, PageArgs } from '@chedun/kernel';
import { EntityManager, In, LessThan, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { LicenseEntity } from './licensing.entity';

export type NewLicense = Omit<LicenseEntity, 'id'>;

/** The `licenses` table. */
@Injectable()
export class LicenseRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LicenseRepository {
    return new LicenseRepository(manager);
  }

  insert(license: NewLicense): Promise<LicenseEntity> {
    return this.manager.save(this.manager.create(LicenseEntity, license));
  }

  save(license: LicenseEntity): Promise<LicenseEntity> {
    return this.manager.save(license);
  }

  findById(id: string): Promise<LicenseEntity | null> {
    return this.manager.findOneBy(LicenseEntity, { id });
  }

  /** Locked until the transaction ends, so status changes of one license are serialised. */
  lockById(id: string): Promise<LicenseEntity | null> {
    return this.manager.findOne(LicenseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the merchant holds a license (ACTIVE or SUSPENDED) signed on this offer. */
  holds(offerId: string, merchantId: string): Promise<boolean> {
    return this.manager.existsBy(LicenseEntity, {
      offerId,
      merchantId,
      status: In([LicenseStatus.ACTIVE, LicenseStatus.SUSPENDED]),
    });
  }

  /** The offers on which the merchant holds a license (ACTIVE or SUSPENDED). */
  async heldOfferIds(merchantId: string): Promise<string[]> {
    const rows = await this.manager.find(LicenseEntity, {
      select: { offerId: true },
      where: { merchantId, status: In([LicenseStatus.ACTIVE, LicenseStatus.SUSPENDED]) },
    });
    return [...new Set(rows.map((r) => r.offerId))];
  }

  findByApplicationIds(applicationIds: readonly string[]): Promise<LicenseEntity[]> {
    return this.manager.findBy(LicenseEntity, { applicationId: In([...applicationIds]) });
  }

  /** Ids of licenses in one of `statuses` whose last day is before `date` (YYYY-MM-DD), earliest end first. */
  async idsEndingBefore(statuses: readonly LicenseStatus[], date: string): Promise<string[]> {
    const rows = await this.manager.find(LicenseEntity, {
      select: { id: true },
      where: { status: In([...statuses]), terms: { endsOn: LessThan(date) } },
      order: { terms: { endsOn: 'ASC' } },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Which of `merchantIds` hold a license on the IP that is ACTIVE and whose term covers `date` (YYYY-MM-DD): what
   * brand-asset access is checked against at every request, so a suspension or the end of the term counts at once.
   */
  async merchantsLicensedOn(filmIpId: string, merchantIds: readonly string[], date: string): Promise<string[]> {
    if (merchantIds.length === 0) return [];
    const rows = await this.manager.find(LicenseEntity, {
      select: { merchantId: true },
      where: {
        filmIpId,
        merchantId: In([...new Set(merchantIds)]),
        status: LicenseStatus.ACTIVE,
        terms: { startsOn: LessThanOrEqual(date), endsOn: MoreThanOrEqual(date) },
      },
      order: { merchantId: 'ASC' },
    });
    return [...new Set(rows.map((r) => r.merchantId))];
  }

  /** One studio's or one merchant's licenses, newest first, of one status when given. */
  pageOf(
    party: 'studioId' | 'merchantId',
    organizationId: string,
    page: PageArgs & { status?: LicenseStatus | null },
  ): Promise<ConnectionShape<LicenseEntity>> {
    const query = this.manager
      .getRepository(LicenseEntity)
      .createQueryBuilder('license')
      .where(`license.${party} = :organizationId`, { organizationId });
    if (page.status) query.andWhere('license.status = :status', { status: page.status });
    return keysetPage(query, page);
  }

  /**
   * Licenses whose term overlaps [from, to] (YYYY-MM-DD, both included), of one studio or merchant when given, in
   * id order: what sales reports are due for.
   */
  inTermDuring(from: string, to: string, party?: { studioId?: string; merchantId?: string }): Promise<LicenseEntity[]> {
    return this.manager.find(LicenseEntity, {
      where: {
        ...(party?.studioId ? { studioId: party.studioId } : {}),
        ...(party?.merchantId ? { merchantId: party.merchantId } : {}),
        terms: { startsOn: LessThanOrEqual(to), endsOn: MoreThanOrEqual(from) },
      },
      order: { id: 'ASC' },
    });
  }
}
