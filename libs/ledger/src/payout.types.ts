import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MoneyType } from '@chedun/kernel';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PayeeKind, PayoutStatus } from './payout.entity';

registerEnumType(PayeeKind, { name: 'PayeeKind' });
registerEnumType(PayoutStatus, {
  name: 'PayoutStatus',
  description:
    'IN_TRANSIT: payable drawn down, transfer not confirmed yet. PAID: the transfer exists. FAILED: refused; the amount is back in payable.',
});

@ObjectType({ description: 'One transfer to a studio\u2019s or merchant\u2019s connected account.' })
export class Payout {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => PayeeKind)
  payeeKind!: PayeeKind;

  @Field(() => ID, { nullable: true, description: 'The royalty statement paid (studio payouts).' })
  statementId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The order whose merchant share is paid (merchant payouts).' })
  orderId!: string | null;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field({ description: 'The connected account (acct_...) the transfer went to.' })
  destinationAccountId!: string;

  @Field({
    description:
      '`order_<orderId>` for a merchant\u2019s order share; `statement_<statementId>` for a studio\u2019s statement.',
  })
  transferGroup!: string;

  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Field(() => String, { nullable: true, description: 'stripe or development.' })
  provider!: string | null;

  @Field(() => String, { nullable: true })
  providerTransferId!: string | null;

  @Field(() => String, { nullable: true })
  failureCode!: string | null;

  @Field(() => String, { nullable: true })
  failureMessage!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  settledAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  failedAt!: Date | null;
}

@ObjectType()
export class PayoutRunError {
  @Field()
  subject!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'What one payout run paid, and what it could not.' })
export class PayoutRun {
  @Field(() => [Payout])
  payouts!: Payout[];

  @Field(() => [PayoutRunError])
  errors!: PayoutRunError[];
}

@ArgsType()
export class PayMerchantOrderArgs {
  @Field(() => ID)
  @IsUUID()
  merchantId!: string;

  @Field(() => ID)
  @IsUUID()
  orderId!: string;
}

@ArgsType()
export class PayoutsArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Newest first, 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
}

@ArgsType()
export class RunPayoutsArgs {
  @Field({ defaultValue: 'CNY' })
  @IsIn(['CNY', 'USD', 'EUR', 'HKD'])
  currency: string = 'CNY';
}
