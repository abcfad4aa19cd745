import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Organization, OrganizationService } from '@chedun/identity';
import { FilmIp, FilmIpService } from '@chedun/ip';
import { LicenseService } from './license.service';
import { LicensingAuditService } from './licensing-audit.service';
import { loadFilmIp, LoaderContext, mapPage, loadOrganization } from './licensing-graphql.util';
import {
  IdWithReasonArgs,
  License,
  LicenseConnection,
  LicensingAuditEntry,
  MerchantLicensesArgs,
  StudioLicensesArgs,
} from './licensing.types';

@Resolver(() => License)
export class LicenseResolver {
  constructor(
    private readonly licenses: LicenseService,
    private readonly audit: LicensingAuditService,
    private readonly filmIps: FilmIpService,
    private readonly organizations: OrganizationService,
  ) {}

  @Mutation(() => License, { description: 'Studio staff only, with a reason. Its products leave the shop.' })
  async suspendLicense(@CurrentActor() actor: Actor, @Args() args: IdWithReasonArgs): Promise<License> {
    return License.from(await this.licenses.suspend(actor, args.id, args.reason));
  }

  @Mutation(() => License, { description: 'Studio staff only: a suspended license becomes ACTIVE again.' })
  async resumeLicense(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<License> {
    return License.from(await this.licenses.resume(actor, id));
  }

  @Mutation(() => License, { description: 'Studio staff only, with a reason. Final.' })
  async terminateLicense(@CurrentActor() actor: Actor, @Args() args: IdWithReasonArgs): Promise<License> {
    return License.from(await this.licenses.terminate(actor, args.id, args.reason));
  }

  @Query(() => License, { description: 'For the studio and the merchant of the license.' })
  async license(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<License> {
    return License.from(await this.licenses.findVisible(actor, id));
  }

  @Query(() => LicenseConnection, { description: 'Licenses a studio granted, for its staff; optionally one status.' })
  async studioLicenses(@CurrentActor() actor: Actor, @Args() args: StudioLicensesArgs): Promise<LicenseConnection> {
    return mapPage(await this.licenses.ofStudio(actor, args.studioId, args), License.from);
  }

  @Query(() => LicenseConnection, { description: 'Licenses a merchant holds, for its staff; optionally one status.' })
  async merchantLicenses(@CurrentActor() actor: Actor, @Args() args: MerchantLicensesArgs): Promise<LicenseConnection> {
    return mapPage(await this.licenses.ofMerchant(actor, args.merchantId, args), License.from);
  }

  @Query(() => [LicensingAuditEntry], {
    description: 'Who did what to an offer, application or license: its parties only.',
  })
  async licensingAuditTrail(
    @CurrentActor() actor: Actor,
    @Args('recordId', { type: () => ID }, ParseUUIDPipe) recordId: string,
  ): Promise<LicensingAuditEntry[]> {
    return (await this.audit.trailOf(actor, recordId)).map(LicensingAuditEntry.from);
  }

  @ResolveField(() => FilmIp)
  filmIp(@Parent() license: License, @Context() ctx: LoaderContext): Promise<FilmIp> {
    return loadFilmIp(ctx, this.filmIps, license.filmIpId);
  }

  @ResolveField(() => Organization, { description: 'The licensing studio, by name.' })
  studio(@Parent() license: License, @Context() ctx: LoaderContext): Promise<Organization> {
    return loadOrganization(ctx, this.organizations, license.studioId);
  }

  @ResolveField(() => Organization, { description: 'The merchant (applicant or licensee), by name.' })
  merchant(@Parent() license: License, @Context() ctx: LoaderContext): Promise<Organization> {
    return loadOrganization(ctx, this.organizations, license.merchantId);
  }
}
