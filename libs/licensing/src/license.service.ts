import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEventBus } from '@chedun/db';
import { Actor, OrganizationKind } from '@chedun/identity';
import {
  Clock,
  ConnectionShape,
  DomainError,
  LicenseStatus,
  LicenseStatusChanged,
  PageArgs,
  shanghaiDate,
} from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { licenseLifecycle } from './license-lifecycle';
import { LicenseRepository } from './license.repository';
import { RUNNING_LICENSE_STATUSES } from './license-terms';
import { LicenseEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditService } from './licensing-audit.service';
import { LicensingPolicy } from './licensing.policy';

const AUDIT_ACTION: Record<LicenseStatus, string> = {
  [LicenseStatus.ACTIVE]: 'LICENSE_RESUMED',
  [LicenseStatus.SUSPENDED]: 'LICENSE_SUSPENDED',
  [LicenseStatus.TERMINATED]: 'LICENSE_TERMINATED',
  [LicenseStatus.EXPIRED]: 'LICENSE_EXPIRED',
};

/** A signed license's life after approval: suspension, resumption, termination, expiry. */
@Injectable()
export class LicenseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licenses: LicenseRepository,
    private readonly clock: Clock,
    private readonly audit: LicensingAuditService,
    private readonly events: DomainEventBus,
  ) {}

  suspend(actor: Actor, id: string, reason: string): Promise<LicenseEntity> {
    return this.byStudio(actor, id, LicenseStatus.SUSPENDED, 'suspend', reason);
  }

  resume(actor: Actor, id: string): Promise<LicenseEntity> {
    return this.byStudio(actor, id, LicenseStatus.ACTIVE, 'resume', null);
  }

  terminate(actor: Actor, id: string, reason: string): Promise<LicenseEntity> {
    return this.byStudio(actor, id, LicenseStatus.TERMINATED, 'terminate', reason);
  }

  /**
   * Expires every running license whose last day (endsOn, Asia/Shanghai) is behind us: called by the scheduled
   * job, and by tests after moving the clock. Each license expires in its own transaction with its event, so one
   * failing subscriber does not hold the others back. Returns how many expired.
   */
  async expireDueLicenses(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const due = await this.licenses.idsEndingBefore(RUNNING_LICENSE_STATUSES, today);
    let expired = 0;
    for (const id of due) {
      const done = await this.dataSource.transaction(async (manager) => {
        const license = await this.licenses.forManager(manager).lockById(id);
        // Someone else may have ended it since the scan.
        if (!license || !RUNNING_LICENSE_STATUSES.includes(license.status) || license.terms.endsOn >= today)
          return false;
        await this.changeStatus(
          manager,
          license,
          LicenseStatus.EXPIRED,
          'expire',
          null,
          `The term ended on ${license.terms.endsOn}`,
        );
        return true;
      });
      if (done) expired++;
    }
    return expired;
  }

  async findVisible(actor: Actor, id: string): Promise<LicenseEntity> {
    const license = await this.licenses.findById(id);
    if (!license) throw DomainError.notFound('License', id);
    LicensingPolicy.assertCanRead(actor, license, 'License');
    return license;
  }

  ofStudio(
    actor: Actor,
    studioId: string,
    page: PageArgs & { status?: LicenseStatus | null },
  ): Promise<ConnectionShape<LicenseEntity>> {
    actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    return this.page('studioId', studioId, page);
  }

  ofMerchant(
    actor: Actor,
    merchantId: string,
    page: PageArgs & { status?: LicenseStatus | null },
  ): Promise<ConnectionShape<LicenseEntity>> {
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.page('merchantId', merchantId, page);
  }

  private page(
    party: 'studioId' | 'merchantId',
    organizationId: string,
    page: PageArgs & { status?: LicenseStatus | null },
  ): Promise<ConnectionShape<LicenseEntity>> {
    return this.licenses.pageOf(party, organizationId, page);
  }

  private byStudio(
    actor: Actor,
    id: string,
    to: LicenseStatus,
    action: string,
    reason: string | null,
  ): Promise<LicenseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const license = await this.licenses.forManager(manager).lockById(id);
      if (!license) throw DomainError.notFound('License', id);
      LicensingPolicy.assertStudioStaff(actor, license, 'License');
      return this.changeStatus(manager, license, to, action, actor.userId, reason);
    });
  }

  /** The only place a license's status changes: through the table, with its audit entry and event in one commit. */
  private async changeStatus(
    manager: EntityManager,
    license: LicenseEntity,
    to: LicenseStatus,
    action: string,
    actorUserId: string | null,
    reason: string | null,
  ): Promise<LicenseEntity> {
    const from = license.status;
    license.status = licenseLifecycle.move(from, to, action);
    license.statusReason = reason;
    const at = this.clock.now();
    license.updatedAt = at;
    await this.licenses.forManager(manager).save(license);
    await this.audit.record(manager, {
      actorUserId,
      action: AUDIT_ACTION[to],
      entityType: LicensingEntityType.LICENSE,
      entityId: license.id,
      studioId: license.studioId,
      merchantId: license.merchantId,
      details: { from, to, reason },
    });
    const event: LicenseStatusChanged = { type: 'LicenseStatusChanged', licenseId: license.id, from, to, reason, at };
    await this.events.publish(event, manager);
    return license;
  }
}
