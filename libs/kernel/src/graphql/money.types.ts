import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { SafeInt } from './scalars';
import { Money, SUPPORTED_CURRENCIES } from '../money';
import { MAX_CONFIGURABLE_CEILING_MINOR } from '../amount-limits';

@ObjectType('Money', { description: 'An exact amount: integer minor units (fen for CNY) and an ISO 4217 currency.' })
export class MoneyType {
  @Field(() => SafeInt)
  amountMinor!: number;

  @Field()
  currency!: string;

  static from(money: Money): MoneyType {
    return Object.assign(new MoneyType(), { amountMinor: money.amountMinor, currency: money.currency });
  }
}

/**
 * Every money input of the schema. Bounded here by the highest ceiling configuration allows; the validation pipe
 * holds each one to the configured `AmountLimits.amountCeilingMinor`, and the domain checks again.
 */
@InputType()
export class MoneyInput {
  @Field(() => SafeInt)
  @IsInt()
  @Min(0)
  @Max(MAX_CONFIGURABLE_CEILING_MINOR)
  amountMinor!: number;

  @Field({ defaultValue: 'CNY' })
  @IsIn(SUPPORTED_CURRENCIES)
  currency: string = 'CNY';

  toMoney(): Money {
    return Money.of(this.amountMinor, this.currency);
  }
}
