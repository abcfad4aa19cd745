import { Injectable } from '@nestjs/common';
import { Clock } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { Actor } from './actor';
import { OrganizationAuditEntryEntity } from './identity.entity';
import { OrganizationAuditRepository } from './organization-audit.repository';

/** e.g. PAYOUT_ACCOUNT_CHANGED, MEMBER_INVITED, INVITATION_ACCEPTED. */
export type OrganizationAuditAction = 'PAYOUT_ACCOUNT_CHANGED' | 'MEMBER_INVITED' | 'INVITATION_ACCEPTED';

/** Who changed an organization's payout account or members: written in the transaction that changed it. */
@Injectable()
export class OrganizationAuditService {
  constructor(
    private readonly entries: OrganizationAuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    fact: {
      organizationId: string;
      actorUserId: string;
      action: OrganizationAuditAction;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.entries.forManager(manager).insert({ ...fact, at: this.clock.now() });
  }

  /** Oldest first; for the organization's owners and the platform (payout destinations matter to reconciliation). */
  trailOf(actor: Actor, organizationId: string): Promise<OrganizationAuditEntryEntity[]> {
    if (!actor.isPlatform) actor.assertOwnerOf(organizationId);
    return this.entries.trailOf(organizationId);
  }
}
