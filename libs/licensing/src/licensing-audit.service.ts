import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { Clock, DomainError } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicensingAuditEntryEntity, LicensingEntityType } from './licensing.entity';
import { LicensingAuditRepository } from './licensing-audit.repository';
import { LicensingPolicy } from './licensing.policy';

export interface AuditFact {
  /** Null when the system acted (automatic expiry). */
  actorUserId: string | null;
  action: string;
  entityType: LicensingEntityType;
  entityId: string;
  studioId: string;
  merchantId?: string | null;
  details?: Record<string, unknown>;
}

/** The audit trail of offers, applications and licenses: written in the transaction that made the change. */
@Injectable()
export class LicensingAuditService {
  constructor(
    private readonly entries: LicensingAuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, fact: AuditFact): Promise<void> {
    await this.entries.forManager(manager).insert({
      actorUserId: fact.actorUserId,
      action: fact.action,
      entityType: fact.entityType,
      entityId: fact.entityId,
      studioId: fact.studioId,
      merchantId: fact.merchantId ?? null,
      details: fact.details ?? {},
      at: this.clock.now(),
    });
  }

  /** The trail of one record, oldest first, for the parties to it (and the platform); NOT_FOUND for anyone else. */
  async trailOf(actor: Actor, entityId: string): Promise<LicensingAuditEntryEntity[]> {
    const entries = await this.entries.trailOf(entityId);
    const first = entries[0];
    if (!first) throw DomainError.notFound('Licensing record', entityId);
    LicensingPolicy.assertCanRead(
      actor,
      { id: entityId, studioId: first.studioId, merchantId: first.merchantId },
      'Licensing record',
    );
    return entries;
  }
}
