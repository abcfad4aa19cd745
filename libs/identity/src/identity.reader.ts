import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { MembershipEntity, MembershipRole, OrganizationEntity, OrganizationKind, UserEntity } from './identity.entity';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each known user's email and display name, by user id; unknown ids are absent. */
  async recipients(userIds: readonly string[]): Promise<Map<string, Recipient>> {
    if (userIds.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).find({
      select: { id: true, email: true, displayName: true },
      where: { id: In([...new Set(userIds)]) },
    });
    return new Map(users.map((u) => [u.id, { email: u.email, displayName: u.displayName }]));
  }

  /** Who answers for an organization by email: its first owner (an organization always has one), or null if unknown. */
  async firstOwnerId(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const owner = await manager.getRepository(MembershipEntity).findOne({
      select: { userId: true },
      where: { organizationId, role: MembershipRole.OWNER },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    return owner?.userId ?? null;
  }

  /** The organizations of this kind that an owner has given a payout account: the only ones a payout run can pay. */
  async payableOrganizationIds(kind: OrganizationKind): Promise<string[]> {
    const orgs = await this.dataSource.getRepository(OrganizationEntity).find({
      select: { id: true },
      where: { kind, payoutAccountId: Not(IsNull()) },
    });
    return orgs.map((o) => o.id);
  }
}
