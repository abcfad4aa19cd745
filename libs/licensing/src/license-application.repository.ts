import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { keysetPage } from '@chedun/db';
import { ConnectionShape, PageArgs } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicenseApplicationStatus } from './license-lifecycle';
import { LicenseApplicationEntity } from './licensing.entity';

export type NewLicenseApplication = Omit<LicenseApplicationEntity, 'id'>;

/** The `license_applications` table. */
@Injectable()
export class LicenseApplicationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LicenseApplicationRepository {
    return new LicenseApplicationRepository(manager);
  }

  insert(application: NewLicenseApplication): Promise<LicenseApplicationEntity> {
    return this.manager.save(this.manager.create(LicenseApplicationEntity, application));
  }

  save(application: LicenseApplicationEntity): Promise<LicenseApplicationEntity> {
    return this.manager.save(application);
  }

  findById(id: string): Promise<LicenseApplicationEntity | null> {
    return this.manager.findOneBy(LicenseApplicationEntity, { id });
  }

  /** Locked until the transaction ends, so decisions on one application are serialised. */
  lockById(id: string): Promise<LicenseApplicationEntity | null> {
    return this.manager.findOne(LicenseApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  hasPending(offerId: string, merchantId: string): Promise<boolean> {
    return this.manager.existsBy(LicenseApplicationEntity, {
      offerId,
      merchantId,
      status: LicenseApplicationStatus.PENDING,
    });
  }

  /** The offers the merchant has a PENDING application for. */
  async pendingOfferIds(merchantId: string): Promise<string[]> {
    const rows = await this.manager.find(LicenseApplicationEntity, {
      select: { offerId: true },
      where: { merchantId, status: LicenseApplicationStatus.PENDING },
    });
    return rows.map((r) => r.offerId);
  }

  /** The offer's PENDING applications, locked until the transaction ends. */
  lockPendingOfOffer(offerId: string): Promise<LicenseApplicationEntity[]> {
    return this.manager.find(LicenseApplicationEntity, {
      where: { offerId, status: LicenseApplicationStatus.PENDING },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The applications of one studio's offers, or of one merchant, newest first, of one status when given. */
  pageOf(
    party: 'studioId' | 'merchantId',
    organizationId: string,
    page: PageArgs & { status?: LicenseApplicationStatus | null },
  ): Promise<ConnectionShape<LicenseApplicationEntity>> {
    const query = this.manager
      .getRepository(LicenseApplicationEntity)
      .createQueryBuilder('application')
      .where(`application.${party} = :organizationId`, { organizationId });
    if (page.status) query.andWhere('application.status = :status', { status: page.status });
    return keysetPage(query, page);
  }
}
