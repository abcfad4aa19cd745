import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { AccountEmails } from './account-email.events';
import { Actor } from './actor';
import { normalizeEmail } from './auth.service';
import { InvitationEntity, MembershipRole, OrganizationEntity } from './identity.entity';
import { InvitationRepository } from './invitation.repository';
import { MembershipRepository } from './membership.repository';
import { OrganizationAuditService } from './organization-audit.service';
import { OrganizationRepository } from './organization.repository';
import { hashSecretToken, newSecretToken } from './secret-token';
import { UserRepository } from './user.repository';

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
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
  ) {}

  /** Sends a single-use, expiring link to the address; an earlier pending invitation of that address lapses. */
  async invite(
    actor: Actor,
    organizationId: string,
    emailInput: string,
    role: MembershipRole,
  ): Promise<InvitationEntity> {
    actor.assertOwnerOf(organizationId);
    actor.assertEmailVerified();
    const email = normalizeEmail(emailInput);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const invitations = this.invitations.forManager(manager);
      const org = await this.organizations.forManager(manager).getById(organizationId);
      const existing = await this.users.forManager(manager).findAnyByEmail(email);
      if (existing && (await this.memberships.forManager(manager).isMember(organizationId, existing.id))) {
        throw DomainError.conflict('This person is already a member', { field: 'email' });
      }
      await invitations.lapsePending(organizationId, email, now);
      const { token, hash } = newSecretToken();
      const expiresAt = new Date(now.getTime() + this.config.auth.invitationTtlDays * 86_400_000);
      const invitation = await invitations.insert({
        organizationId,
        email,
        role,
        invitedBy: actor.userId,
        tokenHash: hash,
        expiresAt,
        acceptedAt: null,
        acceptedBy: null,
      });
      await this.audit.record(manager, {
        organizationId,
        actorUserId: actor.userId,
        action: 'MEMBER_INVITED',
        details: { invitationId: invitation.id, email, role },
      });
      await this.emails.request(
        manager,
        { userId: existing?.id ?? null, email },
        {
          kind: 'INVITATION',
          token,
          expiresAt: expiresAt.toISOString(),
          organizationName: org.nameZh ? `${org.nameZh} ${org.name}` : org.name,
          role,
          invitedBy: actor.email,
        },
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
      const invitations = this.invitations.forManager(manager);
      const memberships = this.memberships.forManager(manager);
      const invitation = await invitations.lockByTokenHash(hashSecretToken(token));
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) {
        throw DomainError.badInput(
          'This invitation link is invalid, used or expired; ask the organization for a new one',
          { field: 'token' },
        );
      }
      if (invitation.email !== normalizeEmail(actor.email)) {
        throw DomainError.forbidden(
          'This invitation was sent to another email address: log in with that address to accept it',
        );
      }
      const organization = await this.organizations.forManager(manager).getById(invitation.organizationId);
      if (await memberships.isMember(invitation.organizationId, actor.userId)) {
        throw DomainError.conflict('You are already a member of this organization');
      }
      await memberships.insert({
        organizationId: invitation.organizationId,
        userId: actor.userId,
        role: invitation.role,
      });
      await invitations.markAccepted(invitation.id, now, actor.userId);
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
    return this.invitations.pendingOf(organizationId, this.clock.now());
  }
}
