import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** An uploaded image as clients use it: its renditions' URLs, which serve the re-encoded WebP to anyone. */
@ObjectType({ description: 'An uploaded image, re-encoded as WebP renditions.' })
export class MediaImage {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The full rendition (at most 2048 px on its longer side).' })
  url!: string;

  @Field({ description: 'At most 640 px on its longer side: product cards and lists.' })
  cardUrl!: string;

  @Field({ description: 'A 240 × 240 px square crop.' })
  thumbnailUrl!: string;

  @Field(() => Int, { description: 'Width of the upright original, in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'Height of the upright original, in pixels.' })
  height!: number;
}
