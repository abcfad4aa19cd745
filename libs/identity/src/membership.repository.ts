import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { MembershipEntity, MembershipRole } from './identity.entity';

export type NewMembership = Pick<MembershipEntity, 'organizationId' | 'userId' | 'role'>;

/** A member of an organization as its members see them. */
export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: MembershipRole;
}

/** The `memberships` table. */
@Injectable()
export class MembershipRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): MembershipRepository {
    return new MembershipRepository(manager);
  }

  async insert(membership: NewMembership): Promise<void> {
    await this.manager.insert(MembershipEntity, membership);
  }

  async isMember(organizationId: string, userId: string): Promise<boolean> {
    return (await this.manager.findOneBy(MembershipEntity, { organizationId, userId })) !== null;
  }

  ownersOf(organizationId: string): Promise<MembershipEntity[]> {
    return this.manager.find(MembershipEntity, {
      where: { organizationId, role: MembershipRole.OWNER },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
  }

  /** The organization's first owner (an organization always has one), or null if unknown. */
  async firstOwnerId(organizationId: string): Promise<string | null> {
    const owner = await this.manager.findOne(MembershipEntity, {
      select: { userId: true },
      where: { organizationId, role: MembershipRole.OWNER },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    return owner?.userId ?? null;
  }

  /** Oldest first. */
  ofUser(userId: string): Promise<MembershipEntity[]> {
    return this.manager.find(MembershipEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  /** Oldest membership first. */
  membersOf(organizationId: string): Promise<MemberRow[]> {
    return this.manager.query<MemberRow[]>(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", m.role
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 ORDER BY m.created_at`,
      [organizationId],
    );
  }
}
