import { DomainError } from '@chedun/kernel';
import { MembershipRole, OrganizationKind } from './identity.entity';

export interface ActorMembership {
  organizationId: string;
  kind: OrganizationKind;
  role: MembershipRole;
}

/**
 * Who is calling, with the organizations they act for. Loaded fresh on every request, so a removed
 * membership stops working at once rather than when a token expires.
 */
export class Actor {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly memberships: readonly ActorMembership[],
    /** Whether the actor proved they own `email`; actions that grant or move power over an organization need it. */
    readonly emailVerified = false,
  ) {}

  get isPlatform(): boolean {
    return this.memberships.some((m) => m.kind === OrganizationKind.PLATFORM);
  }

  membershipIn(organizationId: string): ActorMembership | undefined {
    return this.memberships.find((m) => m.organizationId === organizationId);
  }

  isMemberOf(organizationId: string, kind?: OrganizationKind): boolean {
    const m = this.membershipIn(organizationId);
    return m !== undefined && (kind === undefined || m.kind === kind);
  }

  organizationIds(kind: OrganizationKind): string[] {
    return this.memberships.filter((m) => m.kind === kind).map((m) => m.organizationId);
  }

  /** FORBIDDEN unless the actor is staff or owner of that organization (of that kind, when given). */
  assertMemberOf(organizationId: string, kind?: OrganizationKind): ActorMembership {
    const m = this.membershipIn(organizationId);
    if (!m || (kind !== undefined && m.kind !== kind)) {
      throw DomainError.forbidden(`You do not act for this ${kind ? kind.toLowerCase() : 'organization'}`);
    }
    return m;
  }

  /** FORBIDDEN until the actor followed the verification link sent to their address. */
  assertEmailVerified(): void {
    if (!this.emailVerified)
      throw DomainError.forbidden('Verify your email address first: follow the link we sent to it');
  }

  assertOwnerOf(organizationId: string): void {
    const m = this.assertMemberOf(organizationId);
    if (m.role !== MembershipRole.OWNER) throw DomainError.forbidden('Only an owner of the organization may do this');
  }
}
