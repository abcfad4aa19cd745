import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainError } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEmails } from './account-email.events';
import { Actor } from './actor';
import { MembershipRole, OrganizationEntity, OrganizationKind } from './identity.entity';
import { MemberRow, MembershipRepository } from './membership.repository';
import { OrganizationAuditService } from './organization-audit.service';
import { OrganizationRepository } from './organization.repository';
import { UserRepository } from './user.repository';

/** Stripe connected account ids: `acct_` and 16 (up to 64) letters and digits. */
export const PAYOUT_ACCOUNT_ID = /^acct_[A-Za-z0-9]{8,64}$/;

/** What anyone may know of an organization, and what never changes after it is created. */
export type OrganizationProfile = Pick<OrganizationEntity, 'id' | 'kind' | 'name' | 'nameZh'>;

@Injectable()
export class OrganizationService {
  private readonly profileCache = new Map<string, OrganizationProfile>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: OrganizationAuditService,
    private readonly emails: AccountEmails,
    private readonly clock: Clock,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
  ) {}

  /** The caller becomes OWNER. The PLATFORM organization exists once and is never created through the API. */
  async create(
    actor: Actor,
    input: { kind: OrganizationKind; name: string; nameZh?: string | null },
  ): Promise<OrganizationEntity> {
    actor.assertEmailVerified();
    if (input.kind === OrganizationKind.PLATFORM) {
      throw DomainError.badInput('Only studios and merchants can be created', { field: 'kind' });
    }
    return this.dataSource.transaction(async (manager) => {
      const org = await this.organizations
        .forManager(manager)
        .insert({ kind: input.kind, name: input.name.trim(), nameZh: input.nameZh?.trim() || null });
      await this.memberships
        .forManager(manager)
        .insert({ organizationId: org.id, userId: actor.userId, role: MembershipRole.OWNER });
      return org;
    });
  }

  /** The one PLATFORM organization, created on first start (seed or operator), never through the API. */
  async ensurePlatform(ownerUserId: string, name: string, nameZh: string): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organizations = this.organizations.forManager(manager);
      const existing = await organizations.findPlatform();
      if (existing) return existing;
      const org = await organizations.insert({ kind: OrganizationKind.PLATFORM, name, nameZh });
      await this.memberships
        .forManager(manager)
        .insert({ organizationId: org.id, userId: ownerUserId, role: MembershipRole.OWNER });
      return org;
    });
  }

  /**
   * An owner sets (or clears, with null) the Stripe Connect account that receives the organization's payouts.
   * Only studios and merchants are paid out.
   */
  async setPayoutAccount(
    actor: Actor,
    organizationId: string,
    payoutAccountId: string | null,
  ): Promise<OrganizationEntity> {
    actor.assertOwnerOf(organizationId);
    actor.assertEmailVerified();
    if (payoutAccountId !== null && !PAYOUT_ACCOUNT_ID.test(payoutAccountId)) {
      throw DomainError.badInput(
        'payoutAccountId must be a Stripe connected account id (acct_ followed by letters and digits)',
        {
          field: 'payoutAccountId',
        },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const organizations = this.organizations.forManager(manager);
      const org = await organizations.lockById(organizationId);
      if (!org) throw DomainError.notFound('Organization', organizationId);
      if (org.kind === OrganizationKind.PLATFORM)
        throw DomainError.badInput('The platform is not paid out', { field: 'organizationId' });
      const previous = org.payoutAccountId;
      if (previous === payoutAccountId) return org;
      await organizations.setPayoutAccount(organizationId, payoutAccountId);
      const at = this.clock.now();
      await this.audit.record(manager, {
        organizationId,
        actorUserId: actor.userId,
        action: 'PAYOUT_ACCOUNT_CHANGED',
        details: { previous, next: payoutAccountId },
      });
      // Every owner hears of it, so an owner's hijacked session cannot quietly redirect the money.
      const owners = await this.memberships.forManager(manager).ownersOf(organizationId);
      const users = await this.users.forManager(manager).findByIds(owners.map((o) => o.userId));
      for (const owner of users) {
        await this.emails.request(
          manager,
          { userId: owner.id, email: owner.email },
          {
            kind: 'PAYOUT_ACCOUNT_CHANGED',
            organizationName: org.nameZh ? `${org.nameZh} ${org.name}` : org.name,
            previous,
            next: payoutAccountId,
            changedBy: actor.email,
            at: at.toISOString(),
          },
        );
      }
      return { ...org, payoutAccountId };
    });
  }

  async findVisible(actor: Actor, id: string): Promise<OrganizationEntity> {
    const org = await this.organizations.findById(id);
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
    return this.organizations.forManager(manager).findByIds(ids);
  }

  /**
   * Public profiles (id, kind, names), kept in memory once read: they are fixed when the organization is created and
   * no operation changes them, so a copy never goes stale in any process. Every product page and every sale needs
   * its merchant's and studio's names; after the first, they cost no query. If organizations ever become renamable,
   * this cache must be dropped or invalidated with them. Unknown ids are absent from the answer.
   */
  async profiles(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationProfile[]> {
    const missing = [...new Set(ids.filter((id) => !this.profileCache.has(id)))];
    for (const org of await this.findByIds(missing, manager)) {
      this.profileCache.set(org.id, { id: org.id, kind: org.kind, name: org.name, nameZh: org.nameZh });
    }
    return ids.map((id) => this.profileCache.get(id)).filter((p): p is OrganizationProfile => p !== undefined);
  }

  /** The organizations a user belongs to and the role in each, oldest membership first. */
  async membershipsOf(userId: string): Promise<{ organization: OrganizationProfile; role: MembershipRole }[]> {
    const rows = await this.memberships.ofUser(userId);
    const byId = new Map((await this.profiles(rows.map((m) => m.organizationId))).map((o) => [o.id, o]));
    return rows.flatMap((m) => {
      const organization = byId.get(m.organizationId);
      return organization ? [{ organization, role: m.role }] : [];
    });
  }

  membersOf(actor: Actor, organizationId: string): Promise<MemberRow[]> {
    actor.assertMemberOf(organizationId);
    return this.memberships.membersOf(organizationId);
  }
}
