import { Field, ID, InputType, Int, ObjectType, ArgsType, Float } from '@nestjs/graphql';
import { Connection, IsPublicHttpsUrl, PageArgs } from '@chedun/kernel';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsArray,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Names are stored trimmed, so their length is checked trimmed: blank text is refused here, not by the database. */
const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

@ObjectType('FilmCharacter')
export class FilmCharacter {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;
}

@ObjectType('FilmingLocation', { description: 'A real place where film IP was shot.' })
export class FilmingLocation {
  @Field(() => ID)
  id!: string;

  @Field()
  nameEn!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field({ description: 'A map of the place, to open in a new tab.' })
  mapUrl!: string;
}

@ObjectType('FilmIp', { description: 'A film (or series) whose characters, titles and artwork a studio licenses.' })
export class FilmIp {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  studioId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  titleZh!: string | null;

  @Field(() => String, { nullable: true })
  synopsis!: string | null;

  @Field(() => String, { nullable: true })
  synopsisZh!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => [FilmCharacter])
  characters!: FilmCharacter[];

  @Field(() => [String], { description: 'URLs of artwork the studio hosts.' })
  artworkUrls!: string[];

  /** Resolved by `keyArt`; not a field of its own. */
  keyArtMediaId!: string | null;
}

@ObjectType('FilmIpConnection')
export class FilmIpConnection extends Connection(FilmIp) {}

@InputType()
export class FilmCharacterInput {
  @Field()
  @IsString()
  @Transform(trimmed)
  @Length(1, 120, { message: 'character name must be 1 to 120 characters long' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'character nameZh must be 1 to 120 characters long' })
  nameZh?: string | null;
}

@InputType()
export class FilmIpDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 4000, { message: 'synopsis must be 1 to 4000 characters long' })
  synopsis?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 4000, { message: 'synopsisZh must be 1 to 4000 characters long' })
  synopsisZh?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1888, { message: 'year must be 1888 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number | null;

  @Field(() => [FilmCharacterInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FilmCharacterInput)
  characters?: FilmCharacterInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Public https URLs (at most 500 characters each), at most 20; never fetched by the server.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsPublicHttpsUrl({ each: true })
  artworkUrls?: string[] | null;
}

@InputType()
export class CreateFilmIpInput extends FilmIpDetailsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId!: string;

  @Field()
  @IsString()
  @Transform(trimmed)
  @Length(1, 200, { message: 'title must be 1 to 200 characters long' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'titleZh must be 1 to 200 characters long' })
  titleZh?: string | null;
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateFilmIpInput extends FilmIpDetailsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Transform(trimmed)
  @Length(1, 200, { message: 'title must be 1 to 200 characters long' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'titleZh must be 1 to 200 characters long' })
  titleZh?: string | null;
}

@InputType()
export class RecordFilmingLocationInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'filmIpId must be an id' })
  filmIpId!: string;

  @Field()
  @IsString()
  @Transform(trimmed)
  @Length(1, 200, { message: 'nameEn must be 1 to 200 characters long' })
  nameEn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'nameZh must be 1 to 200 characters long' })
  nameZh?: string | null;

  @Field(() => Float)
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude!: number;

  @Field(() => Float)
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude!: number;
}

@ArgsType()
export class FilmIpsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'studioId must be an id' })
  studioId?: string | null;
}

@ArgsType()
export class SetFilmIpKeyArtArgs {
  @Field(() => ID)
  @IsUUID()
  filmIpId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "A public upload of the IP's studio (POST /media); null clears the key art.",
  })
  @IsOptional()
  @IsUUID()
  mediaId?: string | null;
}
