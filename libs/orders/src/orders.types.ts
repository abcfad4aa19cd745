import {
  ArgsType,
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { CalendarDateScalar, Connection, MoneyType, PageArgs } from '@chedun/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeliveryInput } from './delivery.types';
import { OrderStatus } from './order-status';

registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum OrderLineKind {
  MERCHANDISE = 'MERCHANDISE',
  EXPERIENCE = 'EXPERIENCE',
}
registerEnumType(OrderLineKind, { name: 'OrderLineKind' });

export enum MerchandiseFulfilment {
  SHIPPED = 'SHIPPED',
  PICKED_UP = 'PICKED_UP',
}
registerEnumType(MerchandiseFulfilment, { name: 'MerchandiseFulfilment' });

export const MAX_LINE_QUANTITY = 20;
export const MAX_CHECKOUT_LINES = 20;

@InputType({ description: 'Merchandise: variantId. Experience: timeSlotId + ticketTypeId.' })
export class CheckoutLineInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  variantId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  timeSlotId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ticketTypeId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

@InputType()
export class CheckoutInput {
  @Field({ description: 'The same key from the same user returns the same order (kept at least 24 h).' })
  @IsString()
  @Length(1, 255)
  idempotencyKey!: string;

  @Field(() => [CheckoutLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHECKOUT_LINES)
  @ValidateNested({ each: true })
  @Type(() => CheckoutLineInput)
  lines!: CheckoutLineInput[];

  @Field(() => DeliveryInput, {
    nullable: true,
    description: 'How the order’s merchandise is handed over; omitted = PICKUP. Experiences need none.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryInput)
  delivery?: DeliveryInput | null;
}

@ObjectType({ description: 'Where a ticket admits: the venue as its holder needs it.' })
export class TicketVenue {
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

  @Field({ description: 'A map of the place.' })
  mapUrl!: string;
}

@ObjectType()
export class Ticket {
  @Field()
  code!: string;

  /** The venue's id, for its resolver; the schema shows the venue itself. */
  venueId!: string;

  @Field({ description: 'What the QR code shows: the code signed by the marketplace.' })
  qrPayload!: string;

  @Field(() => ID)
  orderLineId!: string;

  @Field(() => ID)
  timeSlotId!: string;

  @Field({ description: 'The experience the ticket admits to, named as when it was bought (English).' })
  productName!: string;

  @Field(() => String, { nullable: true, description: 'Its Chinese name when it was bought; null when it had none.' })
  productNameZh!: string | null;

  @Field({ description: 'Adult, child, ...: the ticket type bought (English).' })
  ticketTypeName!: string;

  @Field(() => String, { nullable: true, description: 'The ticket type\u2019s Chinese name when it was bought.' })
  ticketTypeNameZh!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When its time slot starts.' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'When its time slot ends: the ticket admits until then, from a configured time before the start.',
  })
  endsAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  redeemedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when the seat was refunded or its time slot cancelled: the ticket no longer admits.',
  })
  voidedAt!: Date | null;
}

@ObjectType()
export class OrderLine {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderLineKind)
  kind!: OrderLineKind;

  @Field(() => ID)
  productId!: string;

  @Field({ description: 'The product\u2019s (English) name at purchase, kept on the line.' })
  productName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The product\u2019s Chinese name at purchase; null when it had none. Chinese interfaces show it.',
  })
  productNameZh!: string | null;

  @Field(() => String, { nullable: true, description: 'An experience line\u2019s ticket type (English) at purchase.' })
  ticketTypeName!: string | null;

  @Field(() => String, { nullable: true, description: 'The ticket type\u2019s Chinese name at purchase.' })
  ticketTypeNameZh!: string | null;

  @Field(() => ID)
  merchantId!: string;

  @Field(() => ID, { nullable: true })
  variantId!: string | null;

  @Field(() => ID, { nullable: true })
  timeSlotId!: string | null;

  @Field(() => ID, { nullable: true })
  ticketTypeId!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  slotStartsAt!: Date | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => MoneyType)
  unitPrice!: MoneyType;

  @Field(() => MoneyType, { description: 'Net amount: unit price × quantity.' })
  total!: MoneyType;

  @Field(() => MoneyType)
  refunded!: MoneyType;

  @Field(() => GraphQLISODateTime, { nullable: true })
  fulfilledAt!: Date | null;

  @Field(() => String, { nullable: true })
  fulfilment!: string | null;
}

@ObjectType()
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatus, {
    description:
      "To merchant staff (merchantOrders, and the merchant's own changes) of an order shared with other merchants: the status of their own lines.",
  })
  status!: OrderStatus;

  @Field(() => MoneyType, { description: 'The order total; to merchant staff, the subtotal of their own lines.' })
  total!: MoneyType;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When an unpaid order releases its reservation.' })
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  paidAt!: Date | null;

  @Field({
    description: 'A payment arrived after the reservation lapsed and the goods were gone: the buyer is owed a refund.',
  })
  refundDue!: boolean;

  @Field(() => [OrderLine], { description: 'To merchant staff, their own lines only.' })
  lines!: OrderLine[];

  @Field(() => [Ticket], { description: 'To merchant staff, the tickets of their own lines only.' })
  tickets!: Ticket[];
}

@ObjectType()
export class OrderConnection extends Connection(Order) {}

@ObjectType('CheckoutPayment')
export class CheckoutPayment {
  @Field()
  provider!: string;

  @Field({ description: 'Handed to the payment provider’s client SDK to complete the payment.' })
  clientSecret!: string;
}

@ObjectType()
export class CheckoutPayload {
  @Field(() => Order)
  order!: Order;

  @Field(() => CheckoutPayment)
  payment!: CheckoutPayment;
}

@ArgsType()
export class MerchantOrdersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field(() => OrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  productId?: string | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Orders placed on or after this day (Asia/Shanghai).',
  })
  @IsOptional()
  from?: string | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Orders placed on or before this day (Asia/Shanghai).',
  })
  @IsOptional()
  to?: string | null;
}

@ObjectType()
export class ExpectedGuest {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  orderLineId!: string;

  @Field()
  productName!: string;

  @Field(() => ID)
  timeSlotId!: string;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field()
  ticketTypeName!: string;

  @Field(() => Int)
  seats!: number;

  @Field(() => Int)
  redeemed!: number;
}

@ObjectType()
export class OrderNotification {
  @Field(() => ID)
  id!: string;

  @Field()
  kind!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null for account emails (verification, invitation, payout account).',
  })
  orderId!: string | null;

  @Field({ description: 'The message as JSON, as an email sender would receive it.' })
  payload!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the email sender accepted it; null while queued.',
  })
  sentAt!: Date | null;
}

@ObjectType()
export class CartLine {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  variantId!: string | null;

  @Field(() => ID, { nullable: true })
  timeSlotId!: string | null;

  @Field(() => ID, { nullable: true })
  ticketTypeId!: string | null;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType()
export class Cart {
  @Field(() => [CartLine])
  lines!: CartLine[];
}
