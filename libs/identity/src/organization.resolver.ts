import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Actor } from './actor';
import { CurrentActor } from './auth.guard';
import { CreateOrganizationInput, Invitation, InviteMemberInput, Member, Organization, PayoutAccount } from './identity.types';
import { OrganizationProfile, OrganizationService } from './organization.service';

export function toOrganization(org: OrganizationProfile): Organization {
  return { id: org.id, kind: org.kind, name: org.name, nameZh: org.nameZh };
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Mutation(() => Organization, { description: 'Creates a studio or merchant; the caller becomes its OWNER.' })
  async createOrganization(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return toOrganization(await this.organizations.create(actor, input));
  }

  @Mutation(() => Invitation, { description: 'Owners only. An existing account joins at once; a new one on sign-up.' })
  async inviteMember(@CurrentActor() actor: Actor, @Args('input') input: InviteMemberInput): Promise<Invitation> {
    const inv = await this.organizations.invite(actor, input.organizationId, input.email, input.role);
    return { id: inv.id, email: inv.email, role: inv.role, acceptedAt: inv.acceptedAt };
  }

  @Mutation(() => PayoutAccount, {
    description: 'Owners only. Sets (or clears, with null) the Stripe connected account (acct_...) that receives the organization\u2019s payouts.',
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
  async organization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<Organization> {
    return toOrganization(await this.organizations.findVisible(actor, id));
  }

  @Query(() => [Member], { description: 'Members of an organization the caller belongs to.' })
  organizationMembers(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<Member[]> {
    return this.organizations.membersOf(actor, organizationId);
  }

  @Query(() => [Invitation], { description: 'Owners only: invitations not yet accepted.' })
  async pendingInvitations(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, ParseUUIDPipe) organizationId: string,
  ): Promise<Invitation[]> {
    const rows = await this.organizations.pendingInvitations(actor, organizationId);
    return rows.map((inv) => ({ id: inv.id, email: inv.email, role: inv.role, acceptedAt: inv.acceptedAt }));
  }
}
