import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { keysetPage } from '@chedun/db';
import { ConnectionShape, PageArgs, ProductCategory } from '@chedun/kernel';
import { EntityManager, In } from 'typeorm';
import { LicenseOfferStatus } from './license-lifecycle';
import { LicenseOfferEntity } from './licensing.entity';

export type NewLicenseOffer = Omit<LicenseOfferEntity, 'id'>;

export interface OpenOfferFilter {
  filmIpId?: string | null;
  studioId?: string | null;
  category?: ProductCategory | null;
}

/** The `license_offers` table. */
@Injectable()
export class LicenseOfferRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LicenseOfferRepository {
    return new LicenseOfferRepository(manager);
  }

  insert(offer: NewLicenseOffer): Promise<LicenseOfferEntity> {
    return this.manager.save(this.manager.create(LicenseOfferEntity, offer));
  }

  save(offer: LicenseOfferEntity): Promise<LicenseOfferEntity> {
    return this.manager.save(offer);
  }

  findById(id: string): Promise<LicenseOfferEntity | null> {
    return this.manager.findOneBy(LicenseOfferEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<LicenseOfferEntity[]> {
    return this.manager.findBy(LicenseOfferEntity, { id: In([...new Set(ids)]) });
  }

  /** Locked against every other lock until the transaction ends: closing the offer. */
  lockById(id: string): Promise<LicenseOfferEntity | null> {
    return this.manager.findOne(LicenseOfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Shared lock: applications to the offer do not wait for each other, but closing it waits for them. */
  lockSharedById(id: string): Promise<LicenseOfferEntity | null> {
    return this.manager.findOne(LicenseOfferEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  /** OPEN offers, newest first. */
  openPage(page: PageArgs & OpenOfferFilter): Promise<ConnectionShape<LicenseOfferEntity>> {
    const query = this.manager
      .getRepository(LicenseOfferEntity)
      .createQueryBuilder('offer')
      .where('offer.status = :status', { status: LicenseOfferStatus.OPEN });
    if (page.filmIpId) query.andWhere('offer.filmIpId = :filmIpId', { filmIpId: page.filmIpId });
    if (page.studioId) query.andWhere('offer.studioId = :studioId', { studioId: page.studioId });
    if (page.category) query.andWhere(':category = ANY(offer.categories)', { category: page.category });
    return keysetPage(query, page);
  }

  /** One studio's offers, newest first, of one status when given. */
  pageOfStudio(
    studioId: string,
    page: PageArgs & { status?: LicenseOfferStatus | null },
  ): Promise<ConnectionShape<LicenseOfferEntity>> {
    const query = this.manager
      .getRepository(LicenseOfferEntity)
      .createQueryBuilder('offer')
      .where('offer.studioId = :studioId', { studioId });
    if (page.status) query.andWhere('offer.status = :status', { status: page.status });
    return keysetPage(query, page);
  }
}
