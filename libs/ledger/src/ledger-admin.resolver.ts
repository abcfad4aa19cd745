import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { DomainError } from '@chedun/kernel';
import { LedgerViewsService } from './ledger-views.service';
import { MerchantSales, MerchantSalesArgs, PeriodArgs, PlatformFeeRevenue, Reconciliation } from './ledger.types';
import { ReconciliationService } from './reconciliation.service';

@Resolver()
export class LedgerAdminResolver {
  constructor(
    private readonly views: LedgerViewsService,
    private readonly reconciler: ReconciliationService,
  ) {}

  @Query(() => MerchantSales, { description: 'A merchant\u2019s sales per license in [from, to] and what it is owed. Its staff or platform.' })
  merchantSales(@CurrentActor() actor: Actor, @Args() args: MerchantSalesArgs): Promise<MerchantSales> {
    return this.views.merchantSales(actor, args.merchantId, args);
  }

  @Query(() => PlatformFeeRevenue, { description: 'Platform only.' })
  platformFeeRevenue(@CurrentActor() actor: Actor, @Args() args: PeriodArgs): Promise<PlatformFeeRevenue> {
    return this.views.platformFeeRevenue(actor, args);
  }

  @Query(() => Reconciliation, { description: 'Platform only. Proves the books for [from, to]; lists every discrepancy.' })
  reconciliation(@CurrentActor() actor: Actor, @Args() args: PeriodArgs): Promise<Reconciliation> {
    return this.reconciler.reconcile(actor, args);
  }

  @Mutation(() => Int, { description: 'Platform only. The merchant\u2019s platform fee in bps for lines paid from now on.' })
  setMerchantPlatformFee(
    @CurrentActor() actor: Actor,
    @Args('merchantId', { type: () => ID }) merchantId: string,
    @Args('feeBps', { type: () => Int }) feeBps: number,
  ): Promise<number> {
    if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000) throw DomainError.badInput('feeBps must be 0 to 10000', { feeBps });
    return this.views.setMerchantFeeRate(actor, merchantId, feeBps);
  }
}
