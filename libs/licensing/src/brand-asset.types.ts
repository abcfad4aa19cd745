import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length } from 'class-validator';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class AddBrandAssetInput {
  @Field(() => ID)
  @IsUUID()
  filmIpId!: string;

  @Field(() => ID, { description: 'A private upload of the studio: POST /media?private=true (image or PDF).' })
  @IsUUID()
  mediaId!: string;

  @Field({ description: 'What the file is: "Key art", "Logo (colour)", "Style guide 2026" (1 to 200 characters).' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  title!: string;
}

@ObjectType('BrandAsset', { description: 'An official file of a film IP, for its studio and its ACTIVE licensees.' })
export class BrandAsset {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field()
  title!: string;

  @Field({ description: 'image/webp or application/pdf.' })
  contentType!: string;

  @Field({
    description: 'A signed download URL (path on this server) for the caller’s organization, working until expiresAt.',
  })
  url!: string;

  @Field(() => GraphQLISODateTime, { description: 'When url stops working: at most 15 minutes after it was issued.' })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
