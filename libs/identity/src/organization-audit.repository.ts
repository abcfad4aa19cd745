import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { OrganizationAuditEntryEntity } from './identity.entity';

export type NewOrganizationAuditEntry = Omit<OrganizationAuditEntryEntity, 'id' | 'seq'>;

/** The `organization_audit_entries` table: append-only. */
@Injectable()
export class OrganizationAuditRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): OrganizationAuditRepository {
    return new OrganizationAuditRepository(manager);
  }

  async insert(entry: NewOrganizationAuditEntry): Promise<void> {
    await this.manager.save(this.manager.create(OrganizationAuditEntryEntity, entry));
  }

  /** The organization's entries in the order they were written. */
  trailOf(organizationId: string): Promise<OrganizationAuditEntryEntity[]> {
    return this.manager
      .getRepository(OrganizationAuditEntryEntity)
      .createQueryBuilder('entry')
      .where('entry.organizationId = :organizationId', { organizationId })
      .orderBy('entry.seq', 'ASC')
      .getMany();
  }
}
