import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AccountEmails } from './account-email.events';
import { Actor } from './actor';
import { normalizeEmail } from './auth.service';
import { InvitationEntity, MembershipEntity, MembershipRole, OrganizationEntity, UserEntity } from './identity.entity';
import { OrganizationAuditService } from './organization-audit.service';
import { hashSecretToken, newSecretToken } from './secret-token';

/**
 * Invitations: an owner invites an address; only a link sent to that address, followed by a signed-in account with
 * that same verified address, makes anyone a member. Nobody joins merely by having (or registering) the address.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: AccountEmails,
    private readonly audit: OrganizationAuditService,
    private readonly clock: Clock,
  ) {}

  /** Sends a single-use, expiring link to the address; an earlier pending invitation of that address lapses. */
  async invite(actor: Actor, organizationId: string, emailInput: string, role: MembershipRole): Promise<InvitationEntity> {
    actor.assertOwnerOf(organizationId);
    actor.assertEmailVerified();
    const email = normalizeEmail(emailInput);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
      const existing = await manager.findOneBy(UserEntity, { email });
      if (existing && (await manager.findOneBy(MembershipEntity, { organizationId, userId: existing.id }))) {
        throw DomainError.conflict('This person is already a member', { field: 'email' });
      }
      await manager.update(InvitationEntity, { organizationId, email, acceptedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
      const { token, hash } = newSecretToken();
      const expiresAt = new Date(now.getTime() + this.config.auth.invitationTtlDays * 86_400_000);
      const invitation = await manager.save(
        manager.create(InvitationEntity, { organizationId, email, role, invitedBy: actor.userId, tokenHash: hash, expiresAt, acceptedAt: null, acceptedBy: null }),
      );
      await this.audit.record(manager, { organizationId, actorUserId: actor.userId, action: 'MEMBER_INVITED', details: { invitationId: invitation.id, email, role } });
      await this.emails.request(
        manager,
        { userId: existing?.id ?? null, email },
        { kind: 'INVITATION', token, expiresAt: expiresAt.toISOString(), organizationName: org.nameZh ? `${org.nameZh} ${org.name}` : org.name, role, invitedBy: actor.email },
      );
      return invitation;
    });
  }

  /**
   * Follows an invitation link. The caller must be signed in with the invited address, verified: the link alone
   * (forwarded, leaked) makes nobody a member, and neither does the address alone. Unknown, used and lapsed links
   * are one answer.
   */
  async accept(actor: Actor, token: string): Promise<{ organization: OrganizationEntity; role: MembershipRole }> {
    actor.assertEmailVerified();
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(InvitationEntity, { where: { tokenHash: hashSecretToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) {
        throw DomainError.badInput('This invitation link is invalid, used or expired; ask the organization for a new one', { field: 'token' });
      }
      if (invitation.email !== normalizeEmail(actor.email)) {
        throw DomainError.forbidden('This invitation was sent to another email address: log in with that address to accept it');
      }
      const organization = await manager.findOneByOrFail(OrganizationEntity, { id: invitation.organizationId });
      if (await manager.findOneBy(MembershipEntity, { organizationId: invitation.organizationId, userId: actor.userId })) {
        throw DomainError.conflict('You are already a member of this organization');
      }
      await manager.insert(MembershipEntity, { organizationId: invitation.organizationId, userId: actor.userId, role: invitation.role });
      await manager.update(InvitationEntity, invitation.id, { acceptedAt: now, acceptedBy: actor.userId });
      await this.audit.record(manager, {
        organizationId: invitation.organizationId,
        actorUserId: actor.userId,
        action: 'INVITATION_ACCEPTED',
        details: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
      });
      return { organization, role: invitation.role };
    });
  }

  pending(actor: Actor, organizationId: string): Promise<InvitationEntity[]> {
    actor.assertOwnerOf(organizationId);
    return this.dataSource.getRepository(InvitationEntity).find({
      where: { organizationId, acceptedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'ASC' },
    });
  }
}
