import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { keysetPage } from '@chedun/db';
import { Actor, OrganizationKind } from '@chedun/identity';
import { FilmIpReader } from '@chedun/ip';
import { Clock, ConnectionShape, DomainError, PageArgs, ProductCategory, shanghaiDate } from '@chedun/kernel';
import { DataSource, In } from 'typeorm';
import { LicenseApplicationStatus, licenseApplicationLifecycle, LicenseOfferStatus, licenseOfferLifecycle } from './license-lifecycle';
import { LicenseTermsDraft, validTerms } from './license-terms';
import { LicenseApplicationEntity, LicenseOfferEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditService } from './licensing-audit.service';
import { LicensingPolicy } from './licensing.policy';

export const OFFER_CLOSED_REASON = 'The studio closed this offer';

@Injectable()
export class LicenseOfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly filmIps: FilmIpReader,
    private readonly audit: LicensingAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Staff of the IP's studio publish terms on it; the offer is OPEN at once. */
  async publish(actor: Actor, filmIpId: string, draft: LicenseTermsDraft): Promise<LicenseOfferEntity> {
    const [ip] = await this.filmIps.findByIds([filmIpId]);
    if (!ip) throw DomainError.notFound('Film IP', filmIpId);
    actor.assertMemberOf(ip.studioId, OrganizationKind.STUDIO);
    const now = this.clock.now();
    const terms = validTerms(draft, shanghaiDate(now), this.config.amounts.amountCeilingMinor);
    return this.dataSource.transaction(async (manager) => {
      const offer = await manager.save(
        manager.create(LicenseOfferEntity, {
          filmIpId,
          studioId: ip.studioId,
          terms,
          status: LicenseOfferStatus.OPEN,
          createdBy: actor.userId,
          createdAt: now,
          closedAt: null,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'OFFER_PUBLISHED',
        entityType: LicensingEntityType.LICENSE_OFFER,
        entityId: offer.id,
        studioId: offer.studioId,
        details: { royaltyBps: terms.royaltyBps, categories: terms.categories, startsOn: terms.startsOn, endsOn: terms.endsOn },
      });
      return offer;
    });
  }

  /** Closes the offer to new applications; pending ones are rejected with a reason. Signed licenses stay. */
  async close(actor: Actor, offerId: string): Promise<LicenseOfferEntity> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await manager.findOne(LicenseOfferEntity, { where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw DomainError.notFound('License offer', offerId);
      if (!actor.isMemberOf(offer.studioId, OrganizationKind.STUDIO)) {
        throw offer.status === LicenseOfferStatus.OPEN ? DomainError.forbidden('Only the studio’s staff may close its offers') : DomainError.notFound('License offer', offerId);
      }
      offer.status = licenseOfferLifecycle.move(offer.status, LicenseOfferStatus.CLOSED, 'close');
      const now = this.clock.now();
      offer.closedAt = now;
      await manager.save(offer);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'OFFER_CLOSED',
        entityType: LicensingEntityType.LICENSE_OFFER,
        entityId: offer.id,
        studioId: offer.studioId,
      });
      const pending = await manager.find(LicenseApplicationEntity, {
        where: { offerId, status: LicenseApplicationStatus.PENDING },
        lock: { mode: 'pessimistic_write' },
      });
      for (const application of pending) {
        application.status = licenseApplicationLifecycle.move(application.status, LicenseApplicationStatus.REJECTED, 'reject');
        application.decisionReason = OFFER_CLOSED_REASON;
        application.decidedBy = actor.userId;
        application.decidedAt = now;
        await manager.save(application);
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'REJECTED',
          entityType: LicensingEntityType.LICENSE_APPLICATION,
          entityId: application.id,
          studioId: application.studioId,
          merchantId: application.merchantId,
          details: { reason: OFFER_CLOSED_REASON },
        });
      }
      return offer;
    });
  }

  /** Public: OPEN offers, newest first. */
  browse(page: PageArgs & { filmIpId?: string | null; studioId?: string | null; category?: ProductCategory | null }): Promise<ConnectionShape<LicenseOfferEntity>> {
    const query = this.dataSource
      .getRepository(LicenseOfferEntity)
      .createQueryBuilder('offer')
      .where('offer.status = :status', { status: LicenseOfferStatus.OPEN });
    if (page.filmIpId) query.andWhere('offer.filmIpId = :filmIpId', { filmIpId: page.filmIpId });
    if (page.studioId) query.andWhere('offer.studioId = :studioId', { studioId: page.studioId });
    if (page.category) query.andWhere(':category = ANY(offer.categories)', { category: page.category });
    return keysetPage(query, page);
  }

  /** Every offer of one studio, for its staff. */
  ofStudio(actor: Actor, studioId: string, page: PageArgs & { status?: LicenseOfferStatus | null }): Promise<ConnectionShape<LicenseOfferEntity>> {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    const query = this.dataSource.getRepository(LicenseOfferEntity).createQueryBuilder('offer').where('offer.studioId = :studioId', { studioId });
    if (page.status) query.andWhere('offer.status = :status', { status: page.status });
    return keysetPage(query, page);
  }

  /** An OPEN offer is public; a closed one only for its studio (and the platform). */
  async findVisible(actor: Actor | undefined, id: string): Promise<LicenseOfferEntity> {
    const offer = await this.dataSource.getRepository(LicenseOfferEntity).findOneBy({ id });
    if (!offer) throw DomainError.notFound('License offer', id);
    if (offer.status !== LicenseOfferStatus.OPEN) {
      if (!actor) throw DomainError.notFound('License offer', id);
      LicensingPolicy.assertCanRead(actor, offer, 'License offer');
    }
    return offer;
  }

  /** For fields of records the caller may already see (an application's offer). */
  findByIds(ids: readonly string[]): Promise<LicenseOfferEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LicenseOfferEntity).findBy({ id: In([...new Set(ids)]) });
  }
}
