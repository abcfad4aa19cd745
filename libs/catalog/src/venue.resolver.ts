import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { ConnectionShape } from '@chedun/kernel';
import { toVenue } from './catalog.mappers';
import { CreateVenueInput, MerchantVenuesArgs, UpdateVenueInput, Venue, VenueConnection } from './catalog.types';
import { VenueService } from './venue.service';

@Resolver(() => Venue)
export class VenueResolver {
  constructor(private readonly venues: VenueService) {}

  @Mutation(() => Venue, { description: "A place of the merchant's where experiences happen." })
  async createVenue(@CurrentActor() actor: Actor, @Args('input') input: CreateVenueInput): Promise<Venue> {
    return toVenue(await this.venues.create(actor, input));
  }

  @Mutation(() => Venue)
  async updateVenue(@CurrentActor() actor: Actor, @Args('input') input: UpdateVenueInput): Promise<Venue> {
    return toVenue(await this.venues.update(actor, input));
  }

  @Query(() => Venue, {
    description: "One of the caller's merchants' venues (the public sees venues through products).",
  })
  async venue(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<Venue> {
    return toVenue(await this.venues.findOwn(actor, id));
  }

  @Query(() => VenueConnection)
  async merchantVenues(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantVenuesArgs,
  ): Promise<ConnectionShape<Venue>> {
    const page = await this.venues.listForMerchant(actor, args.merchantId, args.first ?? 20, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toVenue(e.node) })) };
  }
}
