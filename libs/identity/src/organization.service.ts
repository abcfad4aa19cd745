import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@chedun/kernel';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Actor } from './actor';
import {
  InvitationEntity,
  MembershipEntity,
  MembershipRole,
  OrganizationEntity,
  OrganizationKind,
  UserEntity,
} from './identity.entity';
import { normalizeEmail } from './auth.service';

/** Stripe connected account ids: `acct_` and 16 (up to 64) letters and digits. */
export const PAYOUT_ACCOUNT_ID = /^acct_[A-Za-z0-9]{8,64}$/;

/** What anyone may know of an organization, and what never changes after it is created. */
export type OrganizationProfile = Pick<OrganizationEntity, 'id' | 'kind' | 'name' | 'nameZh'>;

@Injectable()
export class OrganizationService {
  private readonly profileCache = new Map<string, OrganizationProfile>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller becomes OWNER. The PLATFORM organization exists once and is never created through the API. */
  async create(actor: Actor, input: { kind: OrganizationKind; name: string; nameZh?: string | null }): Promise<OrganizationEntity> {
    if (input.kind === OrganizationKind.PLATFORM) {
      throw DomainError.badInput('Only studios and merchants can be created', { field: 'kind' });
    }
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.save(
        manager.create(OrganizationEntity, { kind: input.kind, name: input.name.trim(), nameZh: input.nameZh?.trim() || null }),
      );
      await manager.insert(MembershipEntity, { organizationId: org.id, userId: actor.userId, role: MembershipRole.OWNER });
      return org;
    });
  }

  /** The one PLATFORM organization, created on first start (seed or operator), never through the API. */
  async ensurePlatform(ownerUserId: string, name: string, nameZh: string): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(OrganizationEntity, { kind: OrganizationKind.PLATFORM });
      if (existing) return existing;
      const org = await manager.save(manager.create(OrganizationEntity, { kind: OrganizationKind.PLATFORM, name, nameZh }));
      await manager.insert(MembershipEntity, { organizationId: org.id, userId: ownerUserId, role: MembershipRole.OWNER });
      return org;
    });
  }

  /**
   * An owner invites someone by email. An existing account joins at once; otherwise the invitation waits
   * and is accepted when that email signs up.
   */
  async invite(actor: Actor, organizationId: string, emailInput: string, role: MembershipRole): Promise<InvitationEntity> {
    actor.assertOwnerOf(organizationId);
    const email = normalizeEmail(emailInput);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(UserEntity, { email });
      const invitation = await manager.save(
        manager.create(InvitationEntity, {
          organizationId,
          email,
          role,
          invitedBy: actor.userId,
          acceptedAt: existing ? new Date() : null,
        }),
      );
      if (existing) {
        const member = await manager.findOneBy(MembershipEntity, { organizationId, userId: existing.id });
        if (member) throw DomainError.conflict('This person is already a member', { field: 'email' });
        await manager.insert(MembershipEntity, { organizationId, userId: existing.id, role });
      }
      return invitation;
    });
  }

  /**
   * An owner sets (or clears, with null) the Stripe Connect account that receives the organization's payouts.
   * Only studios and merchants are paid out.
   */
  async setPayoutAccount(actor: Actor, organizationId: string, payoutAccountId: string | null): Promise<OrganizationEntity> {
    actor.assertOwnerOf(organizationId);
    if (payoutAccountId !== null && !PAYOUT_ACCOUNT_ID.test(payoutAccountId)) {
      throw DomainError.badInput('payoutAccountId must be a Stripe connected account id (acct_ followed by letters and digits)', {
        field: 'payoutAccountId',
      });
    }
    const repo = this.dataSource.getRepository(OrganizationEntity);
    const org = await repo.findOneBy({ id: organizationId });
    if (!org) throw DomainError.notFound('Organization', organizationId);
    if (org.kind === OrganizationKind.PLATFORM) throw DomainError.badInput('The platform is not paid out', { field: 'organizationId' });
    await repo.update({ id: organizationId }, { payoutAccountId });
    return { ...org, payoutAccountId };
  }

  async findVisible(actor: Actor, id: string): Promise<OrganizationEntity> {
    const org = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
    if (!org) throw DomainError.notFound('Organization', id);
    if (!actor.isMemberOf(id) && !actor.isPlatform) throw DomainError.notFound('Organization', id);
    return org;
  }

  /**
   * Public profile: any organization's id, kind and names are public (they appear on products and offers).
   * Pass the caller's transaction manager when calling from inside one, so the lookup needs no second connection.
   */
  findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Public profiles (id, kind, names), kept in memory once read: they are fixed when the organization is created and
   * no operation changes them, so a copy never goes stale in any process. Every product page and every sale needs
   * its merchant's and studio's names; after the first, they cost no query. If organizations ever become renamable,
   * this cache must be dropped or invalidated with them. Unknown ids are absent from the answer.
   */
  async profiles(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<OrganizationProfile[]> {
    const missing = [...new Set(ids.filter((id) => !this.profileCache.has(id)))];
    for (const org of await this.findByIds(missing, manager)) {
      this.profileCache.set(org.id, { id: org.id, kind: org.kind, name: org.name, nameZh: org.nameZh });
    }
    return ids.map((id) => this.profileCache.get(id)).filter((p): p is OrganizationProfile => p !== undefined);
  }

  /** The organizations a user belongs to and the role in each, oldest membership first. */
  async membershipsOf(userId: string): Promise<{ organization: OrganizationProfile; role: MembershipRole }[]> {
    const rows = await this.dataSource.getRepository(MembershipEntity).find({ where: { userId }, order: { createdAt: 'ASC' } });
    const byId = new Map((await this.profiles(rows.map((m) => m.organizationId))).map((o) => [o.id, o]));
    return rows.flatMap((m) => {
      const organization = byId.get(m.organizationId);
      return organization ? [{ organization, role: m.role }] : [];
    });
  }

  membersOf(actor: Actor, organizationId: string): Promise<{ userId: string; email: string; displayName: string; role: MembershipRole }[]> {
    actor.assertMemberOf(organizationId);
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", m.role
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 ORDER BY m.created_at`,
      [organizationId],
    );
  }

  pendingInvitations(actor: Actor, organizationId: string): Promise<InvitationEntity[]> {
    actor.assertOwnerOf(organizationId);
    return this.dataSource.getRepository(InvitationEntity).find({
      where: { organizationId, acceptedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }
}
