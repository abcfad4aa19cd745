import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganizationKind } from './identity.entity';
import { MembershipRepository } from './membership.repository';
import { OrganizationRepository } from './organization.repository';
import { UserRepository } from './user.repository';

/** Where to write to a user. */
export interface Recipient {
  email: string;
  displayName: string;
}

/**
 * What other contexts may read of users and organizations beyond the actor and public profiles (`ActorLoader`,
 * `OrganizationService.profiles`): they ask here instead of joining identity's tables.
 */
@Injectable()
export class IdentityReader {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** Each known user's email and display name, by user id; unknown ids are absent. */
  async recipients(userIds: readonly string[]): Promise<Map<string, Recipient>> {
    if (userIds.length === 0) return new Map();
    const users = await this.users.contactsOf(userIds);
    return new Map(users.map((u) => [u.id, { email: u.email, displayName: u.displayName }]));
  }

  /**
   * Who answers for an organization by email: its first owner (an organization always has one), or null if unknown.
   * `manager`: read inside the caller's transaction.
   */
  firstOwnerId(organizationId: string, manager?: EntityManager): Promise<string | null> {
    return (manager ? this.memberships.forManager(manager) : this.memberships).firstOwnerId(organizationId);
  }

  /** Every owner of an organization, oldest membership first: for what all who answer for it must hear. */
  async ownerIds(organizationId: string, manager?: EntityManager): Promise<string[]> {
    const owners = await (manager ? this.memberships.forManager(manager) : this.memberships).ownersOf(organizationId);
    return owners.map((o) => o.userId);
  }

  /** The organizations of this kind that an owner has given a payout account: the only ones a payout run can pay. */
  payableOrganizationIds(kind: OrganizationKind): Promise<string[]> {
    return this.organizations.idsWithPayoutAccount(kind);
  }
}
