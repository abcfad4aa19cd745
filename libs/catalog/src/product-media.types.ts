import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MediaImage } from '@chedun/media';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Most images one product shows; a gallery, not an archive. */
export const MAX_GALLERY = 12;
const MAX_ALT = 300;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ObjectType({
  description: "An image of a product's gallery: the upload's renditions plus what it shows, in both languages.",
})
export class ProductMedia extends MediaImage {
  @Field(() => String, { nullable: true, description: 'What the image shows, for screen readers (English).' })
  alt!: string | null;

  @Field(() => String, { nullable: true, description: 'What the image shows, for screen readers (Chinese).' })
  altZh!: string | null;
}

@InputType()
export class ProductMediaAltInput {
  @Field(() => ID)
  @IsUUID()
  mediaId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(MAX_ALT)
  alt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(MAX_ALT)
  altZh?: string | null;
}

@ArgsType()
export class SetProductMediaArgs {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => [ID], {
    description: `Media ids from POST /media by the product's merchant, in gallery order (at most ${MAX_GALLERY}); [] empties it.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_GALLERY)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mediaIds!: string[];

  @Field(() => [ProductMediaAltInput], {
    nullable: true,
    description: 'Alt text per image, by media id; images without an entry have none.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GALLERY)
  @ValidateNested({ each: true })
  @Type(() => ProductMediaAltInput)
  alt?: ProductMediaAltInput[] | null;
}
