import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage } from '@chedun/db';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, ConnectionShape, DomainError, LicenseStatus, PageArgs, shanghaiDate } from '@chedun/kernel';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { LicenseApplicationStatus, licenseApplicationLifecycle, LicenseOfferStatus } from './license-lifecycle';
import { copyTerms } from './license-terms';
import { LicenseApplicationEntity, LicenseEntity, LicenseOfferEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditService } from './licensing-audit.service';
import { LicensingException } from './licensing.exception';
import { LicensingPolicy } from './licensing.policy';

const ONE_PENDING_INDEX = 'license_applications_one_pending';
const DUPLICATE_MESSAGE = 'This merchant already has a pending application for this offer';

@Injectable()
export class LicenseApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: LicensingAuditService,
  ) {}

  /** Staff of a merchant apply to an OPEN offer; one pending application per merchant and offer. */
  async apply(actor: Actor, input: { offerId: string; merchantId: string; pitch: string }): Promise<LicenseApplicationEntity> {
    actor.assertMemberOf(input.merchantId, OrganizationKind.MERCHANT);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Shared lock: applications do not wait for each other, but closing the offer waits for them.
        const offer = await manager.findOne(LicenseOfferEntity, { where: { id: input.offerId }, lock: { mode: 'pessimistic_read' } });
        if (!offer) throw DomainError.notFound('License offer', input.offerId);
        if (offer.status !== LicenseOfferStatus.OPEN) throw LicensingException.conflict('This offer is closed to applications');
        this.assertTermNotOver(offer);
        const pending = await manager.existsBy(LicenseApplicationEntity, {
          offerId: offer.id,
          merchantId: input.merchantId,
          status: LicenseApplicationStatus.PENDING,
        });
        if (pending) throw LicensingException.conflict(DUPLICATE_MESSAGE);
        const application = await manager.save(
          manager.create(LicenseApplicationEntity, {
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
          }),
        );
        await this.record(manager, actor, application, 'APPLIED');
        return application;
      });
    } catch (error) {
      // Two concurrent applications both passed the check above; the partial unique index let one through.
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === ONE_PENDING_INDEX) {
        throw LicensingException.conflict(DUPLICATE_MESSAGE);
      }
      throw error;
    }
  }

  /** Studio staff approve: the application is APPROVED and an ACTIVE license carries a copy of the offer's terms. */
  async approve(actor: Actor, id: string): Promise<{ application: LicenseApplicationEntity; license: LicenseEntity }> {
    return this.dataSource.transaction(async (manager) => {
      // Offer before application, the order closing an offer takes its locks in, so the two cannot deadlock.
      const seen = await manager.findOneBy(LicenseApplicationEntity, { id });
      if (!seen) throw DomainError.notFound('License application', id);
      const offer = await manager.findOneOrFail(LicenseOfferEntity, { where: { id: seen.offerId }, lock: { mode: 'pessimistic_read' } });
      const application = await this.lock(manager, id);
      LicensingPolicy.assertStudioStaff(actor, application, 'License application');
      const status = licenseApplicationLifecycle.move(application.status, LicenseApplicationStatus.APPROVED, 'approve');
      this.assertTermNotOver(offer);
      const now = this.clock.now();
      Object.assign(application, { status, decidedBy: actor.userId, decidedAt: now, decisionReason: null });
      await manager.save(application);
      const license = await manager.save(
        manager.create(LicenseEntity, {
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
        }),
      );
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
      application.status = licenseApplicationLifecycle.move(application.status, LicenseApplicationStatus.REJECTED, 'reject');
      Object.assign(application, { decidedBy: actor.userId, decidedAt: this.clock.now(), decisionReason: reason });
      await manager.save(application);
      await this.record(manager, actor, application, 'REJECTED', { reason });
      return application;
    });
  }

  /** The applying merchant takes a pending application back. */
  async withdraw(actor: Actor, id: string): Promise<LicenseApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id);
      LicensingPolicy.assertMerchantStaff(actor, application, 'License application');
      application.status = licenseApplicationLifecycle.move(application.status, LicenseApplicationStatus.WITHDRAWN, 'withdraw');
      application.decidedAt = this.clock.now();
      await manager.save(application);
      await this.record(manager, actor, application, 'WITHDRAWN');
      return application;
    });
  }

  async findVisible(actor: Actor, id: string): Promise<LicenseApplicationEntity> {
    const application = await this.dataSource.getRepository(LicenseApplicationEntity).findOneBy({ id });
    if (!application) throw DomainError.notFound('License application', id);
    LicensingPolicy.assertCanRead(actor, application, 'License application');
    return application;
  }

  /** Applications to a studio's offers, for its staff. */
  incoming(actor: Actor, studioId: string, page: PageArgs & { status?: LicenseApplicationStatus | null }): Promise<ConnectionShape<LicenseApplicationEntity>> {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    return this.page('studioId', studioId, page);
  }

  /** A merchant's own applications, for its staff. */
  ofMerchant(actor: Actor, merchantId: string, page: PageArgs & { status?: LicenseApplicationStatus | null }): Promise<ConnectionShape<LicenseApplicationEntity>> {
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.page('merchantId', merchantId, page);
  }

  /** The licenses approved applications led to (for a field of applications the caller can see). */
  licensesOf(applicationIds: readonly string[]): Promise<LicenseEntity[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LicenseEntity).findBy({ applicationId: In([...applicationIds]) });
  }

  private page(
    party: 'studioId' | 'merchantId',
    organizationId: string,
    page: PageArgs & { status?: LicenseApplicationStatus | null },
  ): Promise<ConnectionShape<LicenseApplicationEntity>> {
    const query = this.dataSource
      .getRepository(LicenseApplicationEntity)
      .createQueryBuilder('application')
      .where(`application.${party} = :organizationId`, { organizationId });
    if (page.status) query.andWhere('application.status = :status', { status: page.status });
    return keysetPage(query, page);
  }

  private async lock(manager: EntityManager, id: string): Promise<LicenseApplicationEntity> {
    const application = await manager.findOne(LicenseApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
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
