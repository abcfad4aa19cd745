import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from './actor';
import { OrganizationAuditEntryEntity } from './identity.entity';

/** e.g. PAYOUT_ACCOUNT_CHANGED, MEMBER_INVITED, INVITATION_ACCEPTED. */
export type OrganizationAuditAction = 'PAYOUT_ACCOUNT_CHANGED' | 'MEMBER_INVITED' | 'INVITATION_ACCEPTED';

/** Who changed an organization's payout account or members: written in the transaction that changed it. */
@Injectable()
export class OrganizationAuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    fact: { organizationId: string; actorUserId: string; action: OrganizationAuditAction; details: Record<string, unknown> },
  ): Promise<void> {
    await manager.save(manager.create(OrganizationAuditEntryEntity, { ...fact, at: this.clock.now() }));
  }

  /** Oldest first; for the organization's owners and the platform (payout destinations matter to reconciliation). */
  trailOf(actor: Actor, organizationId: string): Promise<OrganizationAuditEntryEntity[]> {
    if (!actor.isPlatform) actor.assertOwnerOf(organizationId);
    return this.dataSource
      .getRepository(OrganizationAuditEntryEntity)
      .createQueryBuilder('entry')
      .where('entry.organizationId = :organizationId', { organizationId })
      .orderBy('entry.seq', 'ASC')
      .getMany();
  }
}
