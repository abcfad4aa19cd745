import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, ConnectionShape, DomainError, LicenseStatus, PageArgs, shanghaiDate } from '@chedun/kernel';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { LicenseApplicationRepository } from './license-application.repository';
import { LicenseApplicationStatus, licenseApplicationLifecycle, LicenseOfferStatus } from './license-lifecycle';
import { LicenseOfferRepository } from './license-offer.repository';
import { LicenseRepository } from './license.repository';
import { copyTerms } from './license-terms';
import { LicenseApplicationEntity, LicenseEntity, LicenseOfferEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditService } from './licensing-audit.service';
import { LicensingException } from './licensing.exception';
import { LicensingPolicy } from './licensing.policy';
import { OfferStanding } from './licensing.types';

const ONE_PENDING_INDEX = 'license_applications_one_pending';
const ONE_HELD_INDEX = 'licenses_one_held';
const DUPLICATE_MESSAGE = 'This merchant already has a pending application for this offer';
const HELD_MESSAGE = 'This merchant already holds a license on this offer (active or suspended); it cannot apply again';

@Injectable()
export class LicenseApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: LicenseOfferRepository,
    private readonly applications: LicenseApplicationRepository,
    private readonly licenses: LicenseRepository,
    private readonly clock: Clock,
    private readonly audit: LicensingAuditService,
  ) {}

  /** Staff of a merchant apply to an OPEN offer; one pending application per merchant and offer. */
  async apply(
    actor: Actor,
    input: { offerId: string; merchantId: string; pitch: string },
  ): Promise<LicenseApplicationEntity> {
    actor.assertMemberOf(input.merchantId, OrganizationKind.MERCHANT);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const applications = this.applications.forManager(manager);
        // Shared lock: applications do not wait for each other, but closing the offer waits for them.
        const offer = await this.offers.forManager(manager).lockSharedById(input.offerId);
        if (!offer) throw DomainError.notFound('License offer', input.offerId);
        if (offer.status !== LicenseOfferStatus.OPEN)
          throw LicensingException.conflict('This offer is closed to applications');
        this.assertTermNotOver(offer);
        // Pending first: an approval turns the application and grants the license in one commit, so a check that
        // no longer sees the application pending sees the license.
        const pending = await applications.hasPending(offer.id, input.merchantId);
        if (pending) throw LicensingException.conflict(DUPLICATE_MESSAGE);
        if (await this.licenses.forManager(manager).holds(offer.id, input.merchantId))
          throw LicensingException.conflict(HELD_MESSAGE);
        const application = await applications.insert({
          offerId: offer.id,
          studioId: offer.studioId,
          merchantId: input.merchantId,
          pitch: input.pitch,
          status: LicenseApplicationStatus.PENDING,
          decisionReason: null,
          decidedBy: null,
          decidedAt: null,
          appliedBy: actor.userId,
          createdAt: this.clock.now(),
        });
        await this.record(manager, actor, application, 'APPLIED');
        return application;
      });
    } catch (error) {
      // Two concurrent applications both passed the check above; the partial unique index let one through.
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === ONE_PENDING_INDEX
      ) {
        throw LicensingException.conflict(DUPLICATE_MESSAGE);
      }
      throw error;
    }
  }

  /** For the merchant's staff: the offers it has applied for (pending) or holds a license on. */
  async standings(actor: Actor, merchantId: string): Promise<{ offerId: string; standing: OfferStanding }[]> {
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    const [pending, held] = await Promise.all([
      this.applications.pendingOfferIds(merchantId),
      this.licenses.heldOfferIds(merchantId),
    ]);
    const heldSet = new Set(held);
    return [
      ...held.map((offerId) => ({ offerId, standing: OfferStanding.HELD })),
      ...pending.filter((id) => !heldSet.has(id)).map((offerId) => ({ offerId, standing: OfferStanding.APPLIED })),
    ];
  }

  /** Studio staff approve: the application is APPROVED and an ACTIVE license carries a copy of the offer's terms. */
  async approve(actor: Actor, id: string): Promise<{ application: LicenseApplicationEntity; license: LicenseEntity }> {
    try {
      return await this.grant(actor, id);
    } catch (error) {
      // The merchant already holds a license on the offer (granted before applying twice was refused).
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === ONE_HELD_INDEX
      ) {
        throw LicensingException.conflict(HELD_MESSAGE);
      }
      throw error;
    }
  }

  private grant(actor: Actor, id: string): Promise<{ application: LicenseApplicationEntity; license: LicenseEntity }> {
    return this.dataSource.transaction(async (manager) => {
      const applications = this.applications.forManager(manager);
      // Offer before application, the order closing an offer takes its locks in, so the two cannot deadlock.
      const seen = await applications.findById(id);
      if (!seen) throw DomainError.notFound('License application', id);
      const offer = await this.offers.forManager(manager).lockSharedById(seen.offerId);
      if (!offer) throw DomainError.notFound('License offer', seen.offerId);
      const application = await this.lock(manager, id);
      LicensingPolicy.assertStudioStaff(actor, application, 'License application');
      const status = licenseApplicationLifecycle.move(application.status, LicenseApplicationStatus.APPROVED, 'approve');
      this.assertTermNotOver(offer);
      const now = this.clock.now();
      Object.assign(application, { status, decidedBy: actor.userId, decidedAt: now, decisionReason: null });
      await applications.save(application);
      const license = await this.licenses.forManager(manager).insert({
        applicationId: application.id,
        offerId: offer.id,
        filmIpId: offer.filmIpId,
        studioId: application.studioId,
        merchantId: application.merchantId,
        terms: copyTerms(offer.terms),
        status: LicenseStatus.ACTIVE,
        statusReason: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(manager, actor, application, 'APPROVED', { licenseId: license.id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'LICENSE_GRANTED',
        entityType: LicensingEntityType.LICENSE,
        entityId: license.id,
        studioId: license.studioId,
        merchantId: license.merchantId,
        details: { applicationId: application.id, status: license.status },
      });
      return { application, license };
    });
  }

  async reject(actor: Actor, id: string, reason: string): Promise<LicenseApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id);
      LicensingPolicy.assertStudioStaff(actor, application, 'License application');
      application.status = licenseApplicationLifecycle.move(
        application.status,
        LicenseApplicationStatus.REJECTED,
        'reject',
      );
      Object.assign(application, { decidedBy: actor.userId, decidedAt: this.clock.now(), decisionReason: reason });
      await this.applications.forManager(manager).save(application);
      await this.record(manager, actor, application, 'REJECTED', { reason });
      return application;
    });
  }

  /** The applying merchant takes a pending application back. */
  async withdraw(actor: Actor, id: string): Promise<LicenseApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id);
      LicensingPolicy.assertMerchantStaff(actor, application, 'License application');
      application.status = licenseApplicationLifecycle.move(
        application.status,
        LicenseApplicationStatus.WITHDRAWN,
        'withdraw',
      );
      application.decidedAt = this.clock.now();
      await this.applications.forManager(manager).save(application);
      await this.record(manager, actor, application, 'WITHDRAWN');
      return application;
    });
  }

  async findVisible(actor: Actor, id: string): Promise<LicenseApplicationEntity> {
    const application = await this.applications.findById(id);
    if (!application) throw DomainError.notFound('License application', id);
    LicensingPolicy.assertCanRead(actor, application, 'License application');
    return application;
  }

  /** Applications to a studio's offers, for its staff. */
  incoming(
    actor: Actor,
    studioId: string,
    page: PageArgs & { status?: LicenseApplicationStatus | null },
  ): Promise<ConnectionShape<LicenseApplicationEntity>> {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    return this.page('studioId', studioId, page);
  }

  /** A merchant's own applications, for its staff. */
  ofMerchant(
    actor: Actor,
    merchantId: string,
    page: PageArgs & { status?: LicenseApplicationStatus | null },
  ): Promise<ConnectionShape<LicenseApplicationEntity>> {
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.page('merchantId', merchantId, page);
  }

  /** The licenses approved applications led to (for a field of applications the caller can see). */
  licensesOf(applicationIds: readonly string[]): Promise<LicenseEntity[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.licenses.findByApplicationIds(applicationIds);
  }

  private page(
    party: 'studioId' | 'merchantId',
    organizationId: string,
    page: PageArgs & { status?: LicenseApplicationStatus | null },
  ): Promise<ConnectionShape<LicenseApplicationEntity>> {
    return this.applications.pageOf(party, organizationId, page);
  }

  private async lock(manager: EntityManager, id: string): Promise<LicenseApplicationEntity> {
    const application = await this.applications.forManager(manager).lockById(id);
    if (!application) throw DomainError.notFound('License application', id);
    return application;
  }

  private assertTermNotOver(offer: LicenseOfferEntity): void {
    if (offer.terms.endsOn < shanghaiDate(this.clock.now())) {
      throw LicensingException.conflict(`This offer's term ended on ${offer.terms.endsOn}`);
    }
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    application: LicenseApplicationEntity,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: actor.userId,
      action,
      entityType: LicensingEntityType.LICENSE_APPLICATION,
      entityId: application.id,
      studioId: application.studioId,
      merchantId: application.merchantId,
      details: { offerId: application.offerId, status: application.status, ...details },
    });
  }
}
