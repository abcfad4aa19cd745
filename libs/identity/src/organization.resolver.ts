import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Actor } from './actor';
import { CurrentActor } from './auth.guard';
import { LinkTokenArgs } from './auth.resolver';
import { InvitationEntity } from './identity.entity';
import {
  CreateOrganizationInput,
  Invitation,
  InviteMemberInput,
  Member,
  Membership,
  Organization,
  OrganizationAuditEntry,
  PayoutAccount,
} from './identity.types';
import { InvitationService } from './invitation.service';
import { OrganizationAuditService } from './organization-audit.service';
import { OrganizationProfile, OrganizationService } from './organization.service';

export function toOrganization(org: OrganizationProfile): Organization {
  return { id: org.id, kind: org.kind, name: org.name, nameZh: org.nameZh };
}

function toInvitation(inv: InvitationEntity): Invitation {
  return { id: inv.id, email: inv.email, role: inv.role, acceptedAt: inv.acceptedAt, expiresAt: inv.expiresAt };
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly invitations: InvitationService,
    private readonly audit: OrganizationAuditService,
  ) {}

  @Mutation(() => Organization, { description: 'Creates a studio or merchant; the caller becomes its OWNER.' })
  async createOrganization(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<Organization> {
    return toOrganization(await this.organizations.create(actor, input));
  }

  @Mutation(() => Invitation, {
    description:
      'Owners with a verified address only. Emails a single-use, expiring link; nobody joins until its addressee accepts it.',
  })
  async inviteMember(@CurrentActor() actor: Actor, @Args('input') input: InviteMemberInput): Promise<Invitation> {
    return toInvitation(await this.invitations.invite(actor, input.organizationId, input.email, input.role));
  }

  @Mutation(() => Membership, {
    description: 'Accepts the invitation of an emailed link: signed in with the invited address, verified.',
  })
  async acceptInvitation(@CurrentActor() actor: Actor, @Args() args: LinkTokenArgs): Promise<Membership> {
    const { organization, role } = await this.invitations.accept(actor, args.token);
    return { organization: toOrganization(organization), role };
  }

  @Query(() => [OrganizationAuditEntry], {
    description: 'Owners (and the platform): payout-account changes, invitations, new members.',
  })
  async organizationAuditTrail(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<OrganizationAuditEntry[]> {
    const entries = await this.audit.trailOf(actor, organizationId);
    return entries.map((e) => ({
      id: e.id,
      actorUserId: e.actorUserId,
      action: e.action,
      details: JSON.stringify(e.details),
      at: e.at,
    }));
  }

  @Mutation(() => PayoutAccount, {
    description:
      'Owners with a verified address only; every owner is emailed and the audit trail records it. Sets (or clears, with null) the Stripe connected account (acct_...) that receives the organization\u2019s payouts.',
  })
  async setPayoutAccount(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
    @Args('payoutAccountId', { type: () => String, nullable: true }) payoutAccountId: string | null,
  ): Promise<PayoutAccount> {
    const org = await this.organizations.setPayoutAccount(actor, organizationId, payoutAccountId ?? null);
    return { organizationId: org.id, payoutAccountId: org.payoutAccountId };
  }

  @Query(() => PayoutAccount, { description: 'Members of the organization, or platform.' })
  async payoutAccount(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<PayoutAccount> {
    const org = await this.organizations.findVisible(actor, organizationId);
    return { organizationId: org.id, payoutAccountId: org.payoutAccountId };
  }

  @Query(() => Organization, { description: 'An organization the caller belongs to.' })
  async organization(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<Organization> {
    return toOrganization(await this.organizations.findVisible(actor, id));
  }

  @Query(() => [Member], { description: 'Members of an organization the caller belongs to.' })
  organizationMembers(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<Member[]> {
    return this.organizations.membersOf(actor, organizationId);
  }

  @Query(() => [Invitation], { description: 'Owners only: invitations neither accepted nor lapsed.' })
  async pendingInvitations(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<Invitation[]> {
    return (await this.invitations.pending(actor, organizationId)).map(toInvitation);
  }
}
