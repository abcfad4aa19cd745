import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProductFilmIp, ProductKind } from '@chedun/catalog';
import { Organization } from '@chedun/identity';
import { CalendarDateScalar, Connection, MoneyType, PageArgs, ProductCategory, SafeInt } from '@chedun/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SearchSort } from './search-index.port';

registerEnumType(SearchSort, { name: 'ProductSearchSort' });

@InputType()
export class ProductFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  filmIpId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  studioId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => [ProductCategory], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(ProductCategory, { each: true })
  categories?: ProductCategory[];

  @Field(() => ProductKind, { nullable: true })
  @IsOptional()
  @IsEnum(ProductKind)
  kind?: ProductKind;

  @Field(() => SafeInt, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPriceMinor?: number;

  @Field(() => SafeInt, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPriceMinor?: number;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Experiences with seats on this day (Asia/Shanghai).',
  })
  @IsOptional()
  @IsString()
  availableOn?: string;
}

@ArgsType()
export class SearchProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string | null;

  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilter)
  filter?: ProductFilter | null;

  @Field(() => SearchSort, {
    nullable: true,
    defaultValue: SearchSort.RELEVANCE,
    description: 'RELEVANCE falls back to NEWEST without text.',
  })
  @IsOptional()
  @IsEnum(SearchSort)
  sort?: SearchSort;
}

@ObjectType('ProductSearchHit', { description: 'A published product as search finds it.' })
export class ProductSearchHit {
  @Field(() => ID)
  id!: string;

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh!: string | null;

  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Field(() => ProductFilmIp)
  filmIp!: ProductFilmIp;

  @Field(() => ID)
  studioId!: string;

  @Field(() => Organization)
  merchant!: Organization;

  @Field(() => ID, { nullable: true })
  venueId!: string | null;

  @Field(() => MoneyType, { nullable: true })
  priceFrom!: MoneyType | null;

  @Field()
  inStock!: boolean;

  @Field(() => [CalendarDateScalar], { description: 'Days with open seats (experiences).' })
  availableDates!: string[];

  @Field(() => GraphQLISODateTime)
  publishedAt!: Date;
}

@ObjectType('CategoryFacet')
export class CategoryFacet {
  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FilmIpFacet')
export class FilmIpFacet {
  @Field(() => ProductFilmIp)
  filmIp!: ProductFilmIp;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProductSearchFacets', {
  description: 'Counts over every match of the text and filters (not just this page).',
})
export class ProductSearchFacets {
  @Field(() => [CategoryFacet])
  categories!: CategoryFacet[];

  @Field(() => [FilmIpFacet])
  filmIps!: FilmIpFacet[];
}

@ObjectType('ProductSearchConnection')
export class ProductSearchConnection extends Connection(ProductSearchHit, 'ProductSearch') {
  @Field(() => ProductSearchFacets)
  facets!: ProductSearchFacets;
}
