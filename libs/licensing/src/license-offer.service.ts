import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { FilmIpReader } from '@chedun/ip';
import { Clock, ConnectionShape, DomainError, PageArgs, shanghaiDate } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import {
  LicenseApplicationStatus,
  licenseApplicationLifecycle,
  LicenseOfferStatus,
  licenseOfferLifecycle,
} from './license-lifecycle';
import { LicenseApplicationRepository } from './license-application.repository';
import { LicenseOfferRepository, OpenOfferFilter } from './license-offer.repository';
import { LicenseTermsDraft, validTerms } from './license-terms';
import { LicenseOfferEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditService } from './licensing-audit.service';
import { LicensingPolicy } from './licensing.policy';

export const OFFER_CLOSED_REASON = 'The studio closed this offer';

@Injectable()
export class LicenseOfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: LicenseOfferRepository,
    private readonly applications: LicenseApplicationRepository,
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
      const offer = await this.offers.forManager(manager).insert({
        filmIpId,
        studioId: ip.studioId,
        terms,
        status: LicenseOfferStatus.OPEN,
        createdBy: actor.userId,
        createdAt: now,
        closedAt: null,
      });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'OFFER_PUBLISHED',
        entityType: LicensingEntityType.LICENSE_OFFER,
        entityId: offer.id,
        studioId: offer.studioId,
        details: {
          royaltyBps: terms.royaltyBps,
          categories: terms.categories,
          channels: terms.channels,
          startsOn: terms.startsOn,
          endsOn: terms.endsOn,
        },
      });
      return offer;
    });
  }

  /** Closes the offer to new applications; pending ones are rejected with a reason. Signed licenses stay. */
  async close(actor: Actor, offerId: string): Promise<LicenseOfferEntity> {
    return this.dataSource.transaction(async (manager) => {
      const offers = this.offers.forManager(manager);
      const applications = this.applications.forManager(manager);
      const offer = await offers.lockById(offerId);
      if (!offer) throw DomainError.notFound('License offer', offerId);
      if (!actor.isMemberOf(offer.studioId, OrganizationKind.STUDIO)) {
        throw offer.status === LicenseOfferStatus.OPEN
          ? DomainError.forbidden('Only the studio’s staff may close its offers')
          : DomainError.notFound('License offer', offerId);
      }
      offer.status = licenseOfferLifecycle.move(offer.status, LicenseOfferStatus.CLOSED, 'close');
      const now = this.clock.now();
      offer.closedAt = now;
      await offers.save(offer);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'OFFER_CLOSED',
        entityType: LicensingEntityType.LICENSE_OFFER,
        entityId: offer.id,
        studioId: offer.studioId,
      });
      const pending = await applications.lockPendingOfOffer(offerId);
      for (const application of pending) {
        application.status = licenseApplicationLifecycle.move(
          application.status,
          LicenseApplicationStatus.REJECTED,
          'reject',
        );
        application.decisionReason = OFFER_CLOSED_REASON;
        application.decidedBy = actor.userId;
        application.decidedAt = now;
        await applications.save(application);
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
  browse(page: PageArgs & OpenOfferFilter): Promise<ConnectionShape<LicenseOfferEntity>> {
    return this.offers.openPage(page);
  }

  /** Every offer of one studio, for its staff. */
  ofStudio(
    actor: Actor,
    studioId: string,
    page: PageArgs & { status?: LicenseOfferStatus | null },
  ): Promise<ConnectionShape<LicenseOfferEntity>> {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    return this.offers.pageOfStudio(studioId, page);
  }

  /** An OPEN offer is public; a closed one only for its studio (and the platform). */
  async findVisible(actor: Actor | undefined, id: string): Promise<LicenseOfferEntity> {
    const offer = await this.offers.findById(id);
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
    return this.offers.findByIds(ids);
  }
}
