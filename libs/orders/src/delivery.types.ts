import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyInput, MoneyType } from '@chedun/kernel';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export enum DeliveryMethod {
  PICKUP = 'PICKUP',
  SHIP = 'SHIP',
}
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  description: 'PICKUP at the merchant (the default), or SHIP to an address.',
});

/** Mainland mobile numbers (11 digits from 13x to 19x), with or without +86; spaces and hyphens are ignored. */
export const CHINA_MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const phoneDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '') : value;

@InputType({ description: 'A mainland-China address: every part but the postal code is required.' })
export class AddressInput {
  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 50, { message: 'recipient is required (at most 50 characters)' })
  recipient!: string;

  @Field({ description: 'A mainland mobile number, e.g. 13800138000 or +86 138 0013 8000.' })
  @Transform(phoneDigits)
  @IsString()
  @Matches(CHINA_MOBILE, { message: 'phone must be a mainland mobile number (11 digits starting 13-19)' })
  phone!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 30, { message: 'province is required (at most 30 characters)' })
  province!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 30, { message: 'city is required (at most 30 characters)' })
  city!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 30, { message: 'district is required (at most 30 characters)' })
  district!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, 120, { message: 'street is required (at most 120 characters)' })
  street!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(/^(\d{6})?$/, { message: 'postalCode must be 6 digits' })
  postalCode?: string | null;
}

@InputType()
export class DeliveryInput {
  @Field(() => DeliveryMethod)
  @IsEnum(DeliveryMethod)
  method!: DeliveryMethod;

  @Field(() => AddressInput, { nullable: true, description: 'Required for SHIP; saved to the buyer’s address book.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;
}

@InputType()
export class SetDeliveryOptionsInput {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field({ description: 'Pickup at the merchant’s own address.' })
  @IsBoolean()
  pickup!: boolean;

  @Field()
  @IsBoolean()
  ship!: boolean;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Per order (per merchant of a shared order); required with ship, 0 for free.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  shippingFee?: MoneyInput | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Shipping is free when the merchant’s goods in the order come to at least this.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  freeShippingFrom?: MoneyInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where buyers pick up, shown on their orders; omitted keeps the one set before.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200, { message: 'pickupAddress must be 1-200 characters' })
  pickupAddress?: string | null;
}

@InputType()
export class ShipOrderLinesInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  lineIds!: string[];

  @Field({ description: 'The carrier’s name, e.g. 顺丰速运 or SF Express.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 50, { message: 'carrier is required (at most 50 characters)' })
  carrier!: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'trackingNumber must be 4-40 letters, digits or hyphens' })
  trackingNumber!: string;
}

@ObjectType()
export class DeliveryOptions {
  @Field(() => ID)
  merchantId!: string;

  @Field()
  pickup!: boolean;

  @Field()
  ship!: boolean;

  @Field(() => MoneyType, { nullable: true })
  shippingFee!: MoneyType | null;

  @Field(() => MoneyType, { nullable: true })
  freeShippingFrom!: MoneyType | null;

  @Field(() => String, { nullable: true, description: 'Where buyers pick up.' })
  pickupAddress!: string | null;
}

@ObjectType()
export class DeliveryAddress {
  @Field(() => ID, {
    nullable: true,
    description: 'The address book entry (myAddresses); null on an order, which keeps a copy.',
  })
  id!: string | null;

  @Field()
  recipient!: string;

  @Field()
  phone!: string;

  @Field()
  province!: string;

  @Field()
  city!: string;

  @Field()
  district!: string;

  @Field()
  street!: string;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;
}

@ObjectType({ description: 'One merchant’s part of an order’s delivery.' })
export class MerchantDelivery {
  @Field(() => ID)
  merchantId!: string;

  @Field()
  merchantName!: string;

  @Field(() => MoneyType)
  fee!: MoneyType;

  @Field(() => MoneyType, {
    description:
      'Of the fee, what was refunded: all of it once every merchandise line of this merchant was refunded in full before any was shipped or handed over (with the refund that completed it); otherwise nothing, and once any of its goods shipped the fee is kept.',
  })
  feeRefunded!: MoneyType;

  @Field(() => String, {
    nullable: true,
    description: 'PICKUP, to the buyer of a paid order only: shown at the merchant to collect the goods.',
  })
  pickupCode!: string | null;

  @Field(() => String, { nullable: true, description: 'PICKUP: where, as the merchant gives it now.' })
  pickupAddress!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  handedOverAt!: Date | null;
}

@ObjectType()
export class OrderDelivery {
  @Field(() => DeliveryMethod)
  method!: DeliveryMethod;

  @Field(() => DeliveryAddress, { nullable: true, description: 'SHIP only; to the buyer and the order’s merchants.' })
  address!: DeliveryAddress | null;

  @Field(() => MoneyType, { description: 'The shipping fees; to merchant staff, their own.' })
  fee!: MoneyType;

  @Field(() => MoneyType, { description: 'Of `fee`, what refunds gave back (see MerchantDelivery.feeRefunded).' })
  feeRefunded!: MoneyType;

  @Field(() => [MerchantDelivery], { description: 'To merchant staff, their own part only.' })
  merchants!: MerchantDelivery[];
}

@ObjectType()
export class Shipment {
  @Field()
  carrier!: string;

  @Field()
  trackingNumber!: string;

  @Field(() => GraphQLISODateTime)
  shippedAt!: Date;
}
