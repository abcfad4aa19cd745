import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CalendarDateScalar,
  Connection,
  IsPublicHttpsUrl,
  LicenseStatus,
  MoneyInput,
  MoneyType,
  PageArgs,
  ProductCategory,
} from '@chedun/kernel';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType } from '@nestjs/graphql';
import { StockMovementReason, TimeSlotStatus } from './product.entity';
import { ProductKind, ProductStatus } from './product-status';

registerEnumType(StockMovementReason, { name: 'StockMovementReason' });
registerEnumType(TimeSlotStatus, { name: 'TimeSlotStatus' });

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const MAX_NAME = 120;
const MAX_DESCRIPTION = 4000;

// ---- output -----------------------------------------------------------------

@ObjectType('ProductFilmIp', { description: 'The film IP a product is licensed from.' })
export class ProductFilmIp {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  titleZh!: string | null;
}

@ObjectType('VariantOption', {
  description: 'One option a variant is a choice of, e.g. name 尺码 / Size with value M, in English and Chinese.',
})
export class VariantOption {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  valueZh!: string | null;
}

@ObjectType('ProductVariant')
export class ProductVariant {
  @Field(() => ID)
  id!: string;

  @Field()
  sku!: string;

  @Field(() => MoneyType)
  price!: MoneyType;

  @Field(() => Int, { description: 'Units on hand, including those reserved or sold but not yet shipped.' })
  stock!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  sold!: number;

  @Field(() => Int, { description: 'stock − sold − reserved: what can still be bought.' })
  available!: number;

  @Field(() => [VariantOption], {
    description: "What choice this variant is, in the product's option order; [] when the product has no options.",
  })
  options!: VariantOption[];
}

@ObjectType('StockMovement')
export class StockMovement {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  delta!: number;

  @Field(() => StockMovementReason)
  reason!: StockMovementReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Int)
  stockAfter!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('StockAdjustment')
export class StockAdjustment {
  @Field(() => ProductVariant)
  variant!: ProductVariant;

  @Field(() => StockMovement)
  movement!: StockMovement;
}

@ObjectType('TicketType')
export class TicketType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => MoneyType)
  price!: MoneyType;
}

@ObjectType('TimeSlot')
export class TimeSlot {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  experienceId!: string;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field(() => Int)
  capacity!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => Int)
  sold!: number;

  @Field(() => Int, { description: 'capacity − sold − reserved.' })
  remaining!: number;

  @Field(() => TimeSlotStatus)
  status!: TimeSlotStatus;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when cancelled; ticket holders are to be told.',
  })
  cancelledAt!: Date | null;
}

@ObjectType('Venue')
export class Venue {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  addressZh!: string | null;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => String, { nullable: true })
  openingNotes!: string | null;

  @Field(() => [ID], { description: 'Filming locations of the IP context that were filmed here.' })
  filmingLocationIds!: string[];
}

@ObjectType('Product')
export class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Studio comments when REJECTED; the license change when SUSPENDED.',
  })
  statusReason!: string | null;

  @Field(() => ProductCategory)
  category!: ProductCategory;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh!: string | null;

  @Field(() => [String])
  images!: string[];

  @Field(() => Int, { nullable: true, description: 'Most units one account may buy; none when unlimited.' })
  purchaseLimit!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Experiences: full refund until this many hours before the start (a buyer's request is approved at once); none when every request goes to the merchant.",
  })
  freeCancellationHours!: number | null;

  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  filmIpId!: string;

  @Field(() => ID)
  merchantId!: string;

  @Field(() => ID)
  studioId!: string;

  @Field(() => ID, { nullable: true })
  venueId!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Proof of license: an unguessable code, set once the product is first published; the QR on its page and tags opens /verify/{code}.',
  })
  verificationCode!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType('ProductAuditEntry', { description: 'One step of a product through design approval and the shop.' })
export class ProductAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The past-tense event, e.g. ProductApproved, ProductSuspended.' })
  event!: string;

  @Field(() => ProductStatus)
  from!: ProductStatus;

  @Field(() => ProductStatus)
  to!: ProductStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who did it; none when a license change did.' })
  actorUserId!: string | null;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

export const ProductConnection = Connection(Product);
export const VenueConnection = Connection(Venue);

// ---- input ------------------------------------------------------------------

/** Most options a product varies by (e.g. size, colour, material): more is a catalog, not a choice. */
export const MAX_VARIANT_OPTIONS = 3;
const MAX_OPTION_TEXT = 40;

@InputType()
export class VariantOptionInput {
  @Field({ description: 'The option, e.g. Size (1-40 characters).' })
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_OPTION_TEXT)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The option in Chinese, e.g. 尺码.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_OPTION_TEXT)
  nameZh?: string | null;

  @Field({ description: "This variant's value, e.g. Black (1-40 characters)." })
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_OPTION_TEXT)
  value!: string;

  @Field(() => String, { nullable: true, description: 'The value in Chinese, e.g. 黑.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_OPTION_TEXT)
  valueZh?: string | null;
}

@InputType()
export class VariantInput {
  @Field()
  @Transform(trimmed)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'sku must be 1-64 letters, digits or . _ - /' })
  sku!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  stock!: number;

  @Field(() => [VariantOptionInput], {
    nullable: true,
    description: `What choice this variant is, at most ${MAX_VARIANT_OPTIONS} options; every variant of a product names the same options in the same order, each combination once.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VARIANT_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => VariantOptionInput)
  options?: VariantOptionInput[] | null;
}

@InputType()
export class TicketTypeInput {
  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 60)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 60)
  nameZh?: string | null;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  price!: MoneyInput;
}

@InputType({ isAbstract: true })
class ProductContentInput {
  @Field(() => ID)
  @IsUUID()
  licenseId!: string;

  @Field(() => ProductCategory)
  @IsEnum(ProductCategory)
  category!: ProductCategory;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  descriptionZh?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Public https image URLs (at most 500 characters each), at most 12; never fetched by the server.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsPublicHttpsUrl({ each: true })
  images?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  purchaseLimit?: number | null;
}

@InputType()
export class CreateMerchandiseInput extends ProductContentInput {
  @Field(() => [VariantInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VariantInput)
  variants!: VariantInput[];
}

@InputType()
export class CreateExperienceInput extends ProductContentInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => [TicketTypeInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TicketTypeInput)
  ticketTypes!: TicketTypeInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Full refund until this many hours before the start (at most a year); null: every request goes to the merchant.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8760)
  freeCancellationHours?: number | null;
}

@InputType({
  description: 'Changing name, description or images of an approved or published product sends it back for approval.',
})
export class UpdateProductInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  nameZh?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  descriptionZh?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Public https image URLs (at most 500 characters each), at most 12; never fetched by the server.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsPublicHttpsUrl({ each: true })
  images?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  purchaseLimit?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Experiences: full refund until this many hours before the start (at most a year); null: every request goes to the merchant.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(8760)
  freeCancellationHours?: number | null;
}

@InputType()
export class AdjustStockInput {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => StockMovementReason, {
    description: 'RESTOCK adds, DAMAGE removes, COUNT sets what was counted on hand.',
  })
  @IsIn([StockMovementReason.RESTOCK, StockMovementReason.DAMAGE, StockMovementReason.COUNT])
  reason!: StockMovementReason;

  @Field(() => Int, { description: 'Units added (RESTOCK), removed (DAMAGE) or counted on hand (COUNT).' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  quantity!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@InputType()
export class SetVariantPriceInput {
  @Field(() => ID)
  @IsUUID()
  variantId!: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  price!: MoneyInput;
}

@InputType()
export class CreateVenueInput {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  nameZh?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressZh?: string | null;

  @Field(() => Float)
  @IsLatitude()
  latitude!: number;

  @Field(() => Float)
  @IsLongitude()
  longitude!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  openingNotes?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  filmingLocationIds?: string[] | null;
}

@InputType()
export class AddTimeSlotInput {
  @Field(() => ID)
  @IsUUID()
  experienceId!: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  endsAt!: Date;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity!: number;
}

@InputType({ description: 'A weekly pattern over a date range, in Asia/Shanghai time.' })
export class AddWeeklyTimeSlotsInput {
  @Field(() => ID)
  @IsUUID()
  experienceId!: string;

  @Field(() => CalendarDateScalar)
  @IsString()
  fromDate!: string;

  @Field(() => CalendarDateScalar)
  @IsString()
  toDate!: string;

  @Field(() => [Int], { description: 'ISO weekdays: 1 = Monday ... 7 = Sunday.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @Field({ description: 'Local start time HH:MM (Asia/Shanghai).' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM' })
  startTime!: string;

  @Field(() => Int)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  durationMinutes!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity!: number;
}

@InputType()
export class ChangeTimeSlotCapacityInput {
  @Field(() => ID)
  @IsUUID()
  timeSlotId!: string;

  @Field(() => Int, { description: 'Seats added (positive) or removed (negative); never below sold + reserved.' })
  @IsInt()
  @Min(-100_000)
  @Max(100_000)
  delta!: number;
}

@InputType()
export class MerchantProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words in the name (Chinese or English) or a SKU of one of its variants; case does not matter.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ProductStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProductStatus)
  status?: ProductStatus;

  @Field(() => ProductKind, { nullable: true })
  @IsOptional()
  @IsEnum(ProductKind)
  kind?: ProductKind;

  @Field(() => ProductCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ProductCategory)
  category?: ProductCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  licenseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

@ArgsType()
export class MerchantProductsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field(() => MerchantProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MerchantProductFilter)
  filter?: MerchantProductFilter;
}

@ArgsType()
export class StudioProductsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  studioId!: string;

  @Field(() => ProductStatus, { nullable: true, defaultValue: ProductStatus.PENDING_APPROVAL })
  @IsOptional()
  @IsEnum(ProductStatus)
  status?: ProductStatus;
}

@ArgsType()
export class MerchantVenuesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;
}

@InputType()
export class UpdateVenueInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_NAME)
  nameZh?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  openingNotes?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  filmingLocationIds?: string[];
}

// ---- proof of license --------------------------------------------------------

@ObjectType('VerifiedProduct', { description: 'The product a verification code names; nothing else about it.' })
export class VerifiedProduct {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;
}

@ObjectType('VerifiedFilmIp')
export class VerifiedFilmIp {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  titleZh!: string | null;
}

@ObjectType('VerifiedOrganization')
export class VerifiedOrganization {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;
}

@ObjectType('ProductVerification', {
  description: 'Proof of license: which studio licensed which merchant for which film IP, until when.',
})
export class ProductVerification {
  @Field(() => VerifiedProduct)
  product!: VerifiedProduct;

  @Field(() => VerifiedFilmIp)
  filmIp!: VerifiedFilmIp;

  @Field(() => VerifiedOrganization, { description: 'The licensor.' })
  studio!: VerifiedOrganization;

  @Field(() => VerifiedOrganization, { description: 'The licensee that made the product.' })
  merchant!: VerifiedOrganization;

  @Field(() => LicenseStatus, {
    description: 'ACTIVE: genuine and licensed today; SUSPENDED, EXPIRED or TERMINATED: the license no longer holds.',
  })
  licenseStatus!: LicenseStatus;

  @Field(() => CalendarDateScalar, { description: 'The license’s last day (Asia/Shanghai).' })
  validUntil!: string;
}
