import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** Most photos a venue shows: enough to know the place, few enough to load on a phone. */
export const MAX_VENUE_PHOTOS = 6;

@ArgsType()
export class SetVenuePhotosArgs {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => [ID], {
    description: `Public uploads (POST /media) of the venue's merchant, in order (at most ${MAX_VENUE_PHOTOS}); [] removes them.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_VENUE_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mediaIds!: string[];
}
