import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OptionalActor, Organization, OrganizationService, Public } from '@chedun/identity';
import { FilmIp, FilmIpService } from '@chedun/ip';
import { LicenseOfferService } from './license-offer.service';
import { loadFilmIp, LoaderContext, loadOrganization, mapPage } from './licensing-graphql.util';
import {
  LicenseOffer,
  LicenseOfferConnection,
  LicenseOffersArgs,
  PublishLicenseOfferInput,
  StudioLicenseOffersArgs,
} from './licensing.types';

@Resolver(() => LicenseOffer)
export class LicenseOfferResolver {
  constructor(
    private readonly offers: LicenseOfferService,
    private readonly filmIps: FilmIpService,
    private readonly organizations: OrganizationService,
  ) {}

  @Mutation(() => LicenseOffer, {
    description: 'Staff of the IP’s studio only. Terms are validated; the offer is OPEN at once.',
  })
  async publishLicenseOffer(
    @CurrentActor() actor: Actor,
    @Args('input') input: PublishLicenseOfferInput,
  ): Promise<LicenseOffer> {
    const offer = await this.offers.publish(actor, input.filmIpId, {
      royaltyBps: input.royaltyBps,
      categories: input.categories,
      territory: input.territory,
      channels: input.channels ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      advance: input.advance?.toMoney() ?? null,
      minimumGuarantee: input.minimumGuarantee?.toMoney() ?? null,
    });
    return LicenseOffer.from(offer);
  }

  @Mutation(() => LicenseOffer, {
    description: 'Studio staff only. Pending applications are rejected; signed licenses stay.',
  })
  async closeLicenseOffer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
  ): Promise<LicenseOffer> {
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
  async studioLicenseOffers(
    @CurrentActor() actor: Actor,
    @Args() args: StudioLicenseOffersArgs,
  ): Promise<LicenseOfferConnection> {
    return mapPage(await this.offers.ofStudio(actor, args.studioId, args), LicenseOffer.from);
  }

  @ResolveField(() => FilmIp)
  filmIp(@Parent() offer: LicenseOffer, @Context() ctx: LoaderContext): Promise<FilmIp> {
    return loadFilmIp(ctx, this.filmIps, offer.filmIpId);
  }

  @ResolveField(() => Organization, { description: 'The studio that offers the license, by name.' })
  studio(@Parent() offer: LicenseOffer, @Context() ctx: LoaderContext): Promise<Organization> {
    return loadOrganization(ctx, this.organizations, offer.studioId);
  }
}
