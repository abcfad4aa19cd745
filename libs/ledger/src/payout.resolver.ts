import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Actor, CurrentActor } from '@chedun/identity';
import { Money, MoneyType } from '@chedun/kernel';
import { PayoutEntity } from './payout.entity';
import { PayoutService } from './payout.service';
import { PayMerchantOrderArgs, Payout, PayoutRun, PayoutsArgs, RunPayoutsArgs } from './payout.types';

export function toPayout(e: PayoutEntity): Payout {
  return {
    id: e.id,
    organizationId: e.organizationId,
    payeeKind: e.payeeKind,
    statementId: e.statementId,
    orderId: e.orderId,
    amount: MoneyType.from(Money.of(e.amountMinor, e.currency)),
    destinationAccountId: e.destinationAccountId,
    transferGroup: e.transferGroup,
    status: e.status,
    provider: e.provider,
    providerTransferId: e.providerTransferId,
    failureCode: e.failureCode,
    failureMessage: e.failureMessage,
    createdAt: e.createdAt,
    settledAt: e.settledAt,
    failedAt: e.failedAt,
  };
}

@Resolver(() => Payout)
export class PayoutResolver {
  constructor(private readonly service: PayoutService) {}

  @Mutation(() => Payout, {
    description:
      'Studio staff or platform. Transfers an issued statement\u2019s amount due to the studio\u2019s payout account. Asking again returns the same payout (retrying it if still in transit); after a FAILED one it makes a new one. CONFLICT when nothing is due or no payout account is set.',
  })
  async payRoyaltyStatement(
    @CurrentActor() actor: Actor,
    @Args('statementId', { type: () => ID }, ParseUUIDPipe) statementId: string,
  ): Promise<Payout> {
    return toPayout(await this.service.payStatement(actor, statementId));
  }

  @Mutation(() => Payout, {
    description:
      'Merchant staff or platform. Transfers the merchant\u2019s share of one paid order (net of refunds), in the order\u2019s transfer group. Idempotent like payRoyaltyStatement.',
  })
  async payMerchantOrder(@CurrentActor() actor: Actor, @Args() args: PayMerchantOrderArgs): Promise<Payout> {
    return toPayout(await this.service.payMerchantOrder(actor, args.merchantId, args.orderId));
  }

  @Mutation(() => PayoutRun, {
    description:
      'Platform only; an operator\u2019s run. Retries payouts in transit, then pays every amount due to payees with a payout account, however small (the scheduled run waits for PAYOUT_MINIMUM_MINOR).',
  })
  async runDuePayouts(@CurrentActor() actor: Actor, @Args() args: RunPayoutsArgs): Promise<PayoutRun> {
    const run = await this.service.runDue(actor, args.currency);
    return { payouts: run.payouts.map(toPayout), errors: run.errors };
  }

  @Query(() => [Payout], {
    description: 'A studio\u2019s or merchant\u2019s payouts, newest first. Its staff or platform.',
  })
  async payouts(@CurrentActor() actor: Actor, @Args() args: PayoutsArgs): Promise<Payout[]> {
    return (await this.service.list(actor, args.organizationId, args.first ?? 50)).map(toPayout);
  }
}
