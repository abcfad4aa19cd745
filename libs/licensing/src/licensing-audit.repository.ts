import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { LicensingAuditEntryEntity } from './licensing.entity';

export type NewLicensingAuditEntry = Omit<LicensingAuditEntryEntity, 'id' | 'seq'>;

/** The `licensing_audit_entries` table: append-only. */
@Injectable()
export class LicensingAuditRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LicensingAuditRepository {
    return new LicensingAuditRepository(manager);
  }

  async insert(entry: NewLicensingAuditEntry): Promise<void> {
    await this.manager.save(this.manager.create(LicensingAuditEntryEntity, entry));
  }

  /** The entries of one record, in the order they were written. */
  trailOf(entityId: string): Promise<LicensingAuditEntryEntity[]> {
    return this.manager
      .getRepository(LicensingAuditEntryEntity)
      .createQueryBuilder('entry')
      .where('entry.entityId = :entityId', { entityId })
      .orderBy('entry.seq', 'ASC')
      .getMany();
  }
}
