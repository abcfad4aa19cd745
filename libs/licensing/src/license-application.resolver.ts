import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Organization, OrganizationService } from '@chedun/identity';
import { DomainError } from '@chedun/kernel';
import { LicenseApplicationService } from './license-application.service';
import { LicenseOfferService } from './license-offer.service';
import { batchLoad, LoaderContext, mapPage, loadOrganization } from './licensing-graphql.util';
import {
  MerchantOfferStanding,
  ApplyForLicenseInput,
  IdWithReasonArgs,
  License,
  LicenseApplication,
  LicenseApplicationConnection,
  LicenseOffer,
  MerchantLicenseApplicationsArgs,
  StudioLicenseApplicationsArgs,
} from './licensing.types';

@Resolver(() => LicenseApplication)
export class LicenseApplicationResolver {
  constructor(
    private readonly applications: LicenseApplicationService,
    private readonly offers: LicenseOfferService,
    private readonly organizations: OrganizationService,
  ) {}

  @Mutation(() => LicenseApplication, {
    description: 'Staff of the merchant only; one pending application per merchant and offer.',
  })
  async applyForLicense(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyForLicenseInput,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.apply(actor, input));
  }

  @Mutation(() => LicenseApplication, {
    description: 'Staff of the offer’s studio only. The application is APPROVED and its license ACTIVE.',
  })
  async approveLicenseApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from((await this.applications.approve(actor, id)).application);
  }

  @Mutation(() => LicenseApplication, {
    description: 'Staff of the offer’s studio only, with a reason the merchant sees.',
  })
  async rejectLicenseApplication(
    @CurrentActor() actor: Actor,
    @Args() args: IdWithReasonArgs,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.reject(actor, args.id, args.reason));
  }

  @Mutation(() => LicenseApplication, {
    description: 'Staff of the applying merchant, while the application is pending.',
  })
  async withdrawLicenseApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.withdraw(actor, id));
  }

  @Query(() => LicenseApplication, { description: 'For the studio and the merchant of the application.' })
  async licenseApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.findVisible(actor, id));
  }

  @Query(() => LicenseApplicationConnection, {
    description: 'Applications to a studio’s offers, for its staff; optionally one status.',
  })
  async incomingLicenseApplications(
    @CurrentActor() actor: Actor,
    @Args() args: StudioLicenseApplicationsArgs,
  ): Promise<LicenseApplicationConnection> {
    return mapPage(await this.applications.incoming(actor, args.studioId, args), LicenseApplication.from);
  }

  @Query(() => LicenseApplicationConnection, {
    description: 'A merchant’s applications, for its staff; optionally one status.',
  })
  async merchantLicenseApplications(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantLicenseApplicationsArgs,
  ): Promise<LicenseApplicationConnection> {
    return mapPage(await this.applications.ofMerchant(actor, args.merchantId, args), LicenseApplication.from);
  }

  @Query(() => [MerchantOfferStanding], {
    description:
      'For the merchant\u2019s staff: the offers it has a pending application for (APPLIED) or holds an ACTIVE or SUSPENDED license on (HELD); applying again to those is CONFLICT.',
  })
  merchantOfferStandings(
    @CurrentActor() actor: Actor,
    @Args('merchantId', { type: () => ID }, ParseUUIDPipe) merchantId: string,
  ): Promise<MerchantOfferStanding[]> {
    return this.applications.standings(actor, merchantId);
  }

  @ResolveField(() => LicenseOffer, {
    description: 'The offer as it stands now; the license keeps the terms as agreed.',
  })
  offer(@Parent() application: LicenseApplication, @Context() ctx: LoaderContext): Promise<LicenseOffer> {
    return batchLoad(
      ctx,
      'applicationOffer',
      application.offerId,
      async (ids) => new Map((await this.offers.findByIds(ids)).map((o) => [o.id, LicenseOffer.from(o)])),
      (missing) => DomainError.notFound('License offer', missing),
    );
  }

  @ResolveField(() => License, { nullable: true, description: 'The license granted on approval.' })
  license(@Parent() application: LicenseApplication, @Context() ctx: LoaderContext): Promise<License | null> {
    return batchLoad<License | null>(
      ctx,
      'applicationLicense',
      application.id,
      async (ids) => new Map((await this.applications.licensesOf(ids)).map((l) => [l.applicationId, License.from(l)])),
      () => null,
    );
  }

  @ResolveField(() => Organization, { description: 'The licensing studio, by name.' })
  studio(@Parent() application: LicenseApplication, @Context() ctx: LoaderContext): Promise<Organization> {
    return loadOrganization(ctx, this.organizations, application.studioId);
  }

  @ResolveField(() => Organization, { description: 'The merchant (applicant or licensee), by name.' })
  merchant(@Parent() application: LicenseApplication, @Context() ctx: LoaderContext): Promise<Organization> {
    return loadOrganization(ctx, this.organizations, application.merchantId);
  }
}
