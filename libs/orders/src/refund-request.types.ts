import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyType } from '@chedun/kernel';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { RefundRequestStatus } from './refund-request-status';
import { MAX_LINE_QUANTITY } from './orders.types';

registerEnumType(RefundRequestStatus, { name: 'RefundRequestStatus' });

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Reasons are read by a person on the other side; a page of text is plenty. */
export const MAX_REFUND_REASON = 1000;

@ObjectType({ description: "A buyer's request to refund an order line, or some of its units." })
export class RefundRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  orderLineId!: string;

  @Field({ description: 'The product as named on the line when it was bought.' })
  productName!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => MoneyType, {
    description: 'What the refund gives back: the units asked for, at most what is left of the line.',
  })
  amount!: MoneyType;

  @Field({ description: "The buyer's reason." })
  reason!: string;

  @Field(() => RefundRequestStatus)
  status!: RefundRequestStatus;

  @Field({ description: "Approved at once under the experience's cancellation policy, not by the merchant." })
  automatic!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The merchant's reason: required to refuse, which the buyer reads.",
  })
  decisionReason!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;
}

@InputType()
export class RequestRefundInput {
  @Field(() => ID)
  @IsUUID()
  orderLineId!: string;

  @Field(() => Int, { nullable: true, description: 'Units to refund; omitted = what is left of the line.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity?: number | null;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_REFUND_REASON)
  reason!: string;
}

@InputType()
export class DecideRefundRequestInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'true refunds through the payment provider and the ledger; false refuses.' })
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Required to refuse: the buyer reads it.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, MAX_REFUND_REASON)
  reason?: string | null;
}

@ArgsType()
export class MerchantRefundRequestsArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field(() => RefundRequestStatus, { nullable: true, description: 'Omitted = the open queue: REQUESTED.' })
  @IsOptional()
  @IsEnum(RefundRequestStatus)
  status?: RefundRequestStatus | null;

  @Field(() => Int, { nullable: true, description: 'At most 100; oldest first.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;
}
