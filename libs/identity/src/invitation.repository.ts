import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { InvitationEntity } from './identity.entity';

export type NewInvitation = Omit<InvitationEntity, 'id' | 'createdAt'>;

/** The `invitations` table: links stored as their token's hash. */
@Injectable()
export class InvitationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): InvitationRepository {
    return new InvitationRepository(manager);
  }

  insert(invitation: NewInvitation): Promise<InvitationEntity> {
    return this.manager.save(this.manager.create(InvitationEntity, invitation));
  }

  /** The address's pending invitations to the organization lapse at `now`. */
  async lapsePending(organizationId: string, email: string, now: Date): Promise<void> {
    await this.manager.update(
      InvitationEntity,
      { organizationId, email, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
      { expiresAt: now },
    );
  }

  /** Locked until the transaction ends: an invitation is accepted once. */
  lockByTokenHash(tokenHash: string): Promise<InvitationEntity | null> {
    return this.manager.findOne(InvitationEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markAccepted(id: string, at: Date, by: string): Promise<void> {
    await this.manager.update(InvitationEntity, id, { acceptedAt: at, acceptedBy: by });
  }

  /** Neither accepted nor lapsed at `now`, oldest first. */
  pendingOf(organizationId: string, now: Date): Promise<InvitationEntity[]> {
    return this.manager.find(InvitationEntity, {
      where: { organizationId, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { createdAt: 'ASC' },
    });
  }
}
