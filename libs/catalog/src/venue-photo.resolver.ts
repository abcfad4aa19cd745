import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { MediaImage } from '@chedun/media';
import DataLoader from 'dataloader';
import { toVenue } from './catalog.mappers';
import { Venue } from './catalog.types';
import { SetVenuePhotosArgs } from './venue-photo.types';
import { VenuePhotoService } from './venue-photo.service';

/** Venue photos: public wherever the venue is (an experience's page), changed by the venue's merchant. */
@Resolver(() => Venue)
export class VenuePhotoResolver {
  /** One batch per request object, dropped with the request, like the product galleries' loader. */
  private readonly perRequest = new WeakMap<object, DataLoader<string, MediaImage[]>>();

  constructor(private readonly venuePhotos: VenuePhotoService) {}

  @Mutation(() => Venue, {
    description:
      "Owner or staff of the venue's merchant: replaces the venue's photos, in order, with the merchant's own public uploads (POST /media).",
  })
  async setVenuePhotos(@CurrentActor() actor: Actor, @Args() args: SetVenuePhotosArgs): Promise<Venue> {
    return toVenue(await this.venuePhotos.setPhotos(actor, args.venueId, args.mediaIds));
  }

  @ResolveField(() => [MediaImage], { description: 'Photos of the place, in order.' })
  photos(@Parent() venue: Venue, @Context('req') req: object): Promise<MediaImage[]> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader((ids) => this.venuePhotos.photosOf(ids));
      this.perRequest.set(req, loader);
    }
    return loader.load(venue.id);
  }
}
