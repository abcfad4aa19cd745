import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { SafeInt } from './scalars';
import { Money, SUPPORTED_CURRENCIES } from '../money';

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

@InputType()
export class MoneyInput {
  @Field(() => SafeInt)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @Field({ defaultValue: 'CNY' })
  @IsIn(SUPPORTED_CURRENCIES)
  currency: string = 'CNY';

  toMoney(): Money {
    return Money.of(this.amountMinor, this.currency);
  }
}
