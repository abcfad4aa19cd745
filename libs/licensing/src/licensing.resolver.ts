import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OptionalActor, Public } from '@chedun/identity';
import { FilmIp, FilmIpService, toFilmIp } from '@chedun/ip';
import { ConnectionShape, DomainError } from '@chedun/kernel';
import DataLoader from 'dataloader';
import { LicenseApplicationService } from './license-application.service';
import { LicenseOfferService } from './license-offer.service';
import { LicenseService } from './license.service';
import { LicensingAuditService } from './licensing-audit.service';
import {
  ApplyForLicenseInput,
  IdWithReasonArgs,
  License,
  LicenseApplication,
  LicenseApplicationConnection,
  LicenseConnection,
  LicenseOffer,
  LicenseOfferConnection,
  LicenseOffersArgs,
  LicensingAuditEntry,
  MerchantLicenseApplicationsArgs,
  MerchantLicensesArgs,
  PublishLicenseOfferInput,
  StudioLicenseApplicationsArgs,
  StudioLicenseOffersArgs,
  StudioLicensesArgs,
} from './licensing.types';

function mapPage<E, T>(page: ConnectionShape<E>, map: (e: E) => T): ConnectionShape<T> {
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

interface LoaderContext {
  licensingFilmIpLoader?: DataLoader<string, FilmIp>;
}

/** Film IP is public, so any licensing record may show its IP; one query per request batch. */
function loadFilmIp(ctx: LoaderContext, filmIps: FilmIpService, id: string): Promise<FilmIp> {
  const loader = (ctx.licensingFilmIpLoader ??= new DataLoader<string, FilmIp>(async (ids) => {
    const byId = new Map((await filmIps.findManyByIds(ids)).map((ip) => [ip.id, toFilmIp(ip)]));
    return ids.map((key) => byId.get(key) ?? DomainError.notFound('Film IP', key));
  }));
  return loader.load(id);
}

@Resolver(() => LicenseOffer)
export class LicenseOfferResolver {
  constructor(
    private readonly offers: LicenseOfferService,
    private readonly filmIps: FilmIpService,
  ) {}

  @Mutation(() => LicenseOffer, { description: 'Staff of the IP’s studio only. Terms are validated; the offer is OPEN at once.' })
  async publishLicenseOffer(@CurrentActor() actor: Actor, @Args('input') input: PublishLicenseOfferInput): Promise<LicenseOffer> {
    const offer = await this.offers.publish(actor, input.filmIpId, {
      royaltyBps: input.royaltyBps,
      categories: input.categories,
      territory: input.territory,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      advance: input.advance?.toMoney() ?? null,
      minimumGuarantee: input.minimumGuarantee?.toMoney() ?? null,
    });
    return LicenseOffer.from(offer);
  }

  @Mutation(() => LicenseOffer, { description: 'Studio staff only. Pending applications are rejected; signed licenses stay.' })
  async closeLicenseOffer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<LicenseOffer> {
    return LicenseOffer.from(await this.offers.close(actor, id));
  }

  @Public()
  @Query(() => LicenseOfferConnection, { description: 'Public: OPEN offers, newest first.' })
  async licenseOffers(@Args() args: LicenseOffersArgs): Promise<LicenseOfferConnection> {
    return mapPage(await this.offers.browse(args), LicenseOffer.from);
  }

  @Public()
  @Query(() => LicenseOffer, { description: 'An OPEN offer is public; a closed one only for its studio.' })
  async licenseOffer(
    @OptionalActor() actor: Actor | undefined,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseOffer> {
    return LicenseOffer.from(await this.offers.findVisible(actor, id));
  }

  @Query(() => LicenseOfferConnection, { description: 'Every offer of a studio, for its staff.' })
  async studioLicenseOffers(@CurrentActor() actor: Actor, @Args() args: StudioLicenseOffersArgs): Promise<LicenseOfferConnection> {
    return mapPage(await this.offers.ofStudio(actor, args.studioId, args), LicenseOffer.from);
  }

  @ResolveField(() => FilmIp)
  filmIp(@Parent() offer: LicenseOffer, @Context() ctx: LoaderContext): Promise<FilmIp> {
    return loadFilmIp(ctx, this.filmIps, offer.filmIpId);
  }
}

@Resolver(() => LicenseApplication)
export class LicenseApplicationResolver {
  constructor(
    private readonly applications: LicenseApplicationService,
    private readonly offers: LicenseOfferService,
  ) {}

  @Mutation(() => LicenseApplication, { description: 'Staff of the merchant only; one pending application per merchant and offer.' })
  async applyForLicense(@CurrentActor() actor: Actor, @Args('input') input: ApplyForLicenseInput): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.apply(actor, input));
  }

  @Mutation(() => LicenseApplication, { description: 'Staff of the offer’s studio only. The application is APPROVED and its license ACTIVE.' })
  async approveLicenseApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from((await this.applications.approve(actor, id)).application);
  }

  @Mutation(() => LicenseApplication, { description: 'Staff of the offer’s studio only, with a reason the merchant sees.' })
  async rejectLicenseApplication(@CurrentActor() actor: Actor, @Args() args: IdWithReasonArgs): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.reject(actor, args.id, args.reason));
  }

  @Mutation(() => LicenseApplication, { description: 'Staff of the applying merchant, while the application is pending.' })
  async withdrawLicenseApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.withdraw(actor, id));
  }

  @Query(() => LicenseApplication, { description: 'For the studio and the merchant of the application.' })
  async licenseApplication(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<LicenseApplication> {
    return LicenseApplication.from(await this.applications.findVisible(actor, id));
  }

  @Query(() => LicenseApplicationConnection, { description: 'Applications to a studio’s offers, for its staff; optionally one status.' })
  async incomingLicenseApplications(
    @CurrentActor() actor: Actor,
    @Args() args: StudioLicenseApplicationsArgs,
  ): Promise<LicenseApplicationConnection> {
    return mapPage(await this.applications.incoming(actor, args.studioId, args), LicenseApplication.from);
  }

  @Query(() => LicenseApplicationConnection, { description: 'A merchant’s applications, for its staff; optionally one status.' })
  async merchantLicenseApplications(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantLicenseApplicationsArgs,
  ): Promise<LicenseApplicationConnection> {
    return mapPage(await this.applications.ofMerchant(actor, args.merchantId, args), LicenseApplication.from);
  }

  @ResolveField(() => LicenseOffer, { description: 'The offer as it stands now; the license keeps the terms as agreed.' })
  async offer(@Parent() application: LicenseApplication): Promise<LicenseOffer> {
    const [offer] = await this.offers.findByIds([application.offerId]);
    if (!offer) throw DomainError.notFound('License offer', application.offerId);
    return LicenseOffer.from(offer);
  }

  @ResolveField(() => License, { nullable: true, description: 'The license granted on approval.' })
  async license(@Parent() application: LicenseApplication): Promise<License | null> {
    const license = await this.applications.licenseOf(application.id);
    return license ? License.from(license) : null;
  }
}

@Resolver(() => License)
export class LicenseResolver {
  constructor(
    private readonly licenses: LicenseService,
    private readonly audit: LicensingAuditService,
    private readonly filmIps: FilmIpService,
  ) {}

  @Mutation(() => License, { description: 'Studio staff only, with a reason. Its products leave the shop.' })
  async suspendLicense(@CurrentActor() actor: Actor, @Args() args: IdWithReasonArgs): Promise<License> {
    return License.from(await this.licenses.suspend(actor, args.id, args.reason));
  }

  @Mutation(() => License, { description: 'Studio staff only: a suspended license becomes ACTIVE again.' })
  async resumeLicense(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<License> {
    return License.from(await this.licenses.resume(actor, id));
  }

  @Mutation(() => License, { description: 'Studio staff only, with a reason. Final.' })
  async terminateLicense(@CurrentActor() actor: Actor, @Args() args: IdWithReasonArgs): Promise<License> {
    return License.from(await this.licenses.terminate(actor, args.id, args.reason));
  }

  @Query(() => License, { description: 'For the studio and the merchant of the license.' })
  async license(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<License> {
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

  @Query(() => [LicensingAuditEntry], { description: 'Who did what to an offer, application or license: its parties only.' })
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
}
