import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { DomainError, Money } from '@chedun/kernel';
import { LicenseTermsService, toLicenseTerms } from './license-terms.service';
import { LedgerViewsService } from './ledger-views.service';
import {
  LicenseTerms,
  MerchantSales,
  MerchantSalesArgs,
  PeriodArgs,
  PlatformFeeRevenue,
  Reconciliation,
  RecordLicenseTermsInput,
} from './ledger.types';
import { ReconciliationService } from './reconciliation.service';

@Resolver()
export class LedgerAdminResolver {
  constructor(
    private readonly views: LedgerViewsService,
    private readonly reconciler: ReconciliationService,
  ) {}

  @Query(() => MerchantSales, {
    description: 'A merchant\u2019s sales per license in [from, to] and what it is owed. Its staff or platform.',
  })
  merchantSales(@CurrentActor() actor: Actor, @Args() args: MerchantSalesArgs): Promise<MerchantSales> {
    return this.views.merchantSales(actor, args.merchantId, args);
  }

  @Query(() => PlatformFeeRevenue, { description: 'Platform only.' })
  platformFeeRevenue(@CurrentActor() actor: Actor, @Args() args: PeriodArgs): Promise<PlatformFeeRevenue> {
    return this.views.platformFeeRevenue(actor, args);
  }

  @Query(() => Reconciliation, {
    description: 'Platform only. Proves the books for [from, to]; lists every discrepancy.',
  })
  reconciliation(@CurrentActor() actor: Actor, @Args() args: PeriodArgs): Promise<Reconciliation> {
    return this.reconciler.reconcile(actor, args);
  }

  @Mutation(() => Int, {
    description: 'Platform only. The merchant\u2019s platform fee in bps for lines paid from now on.',
  })
  setMerchantPlatformFee(
    @CurrentActor() actor: Actor,
    @Args('merchantId', { type: () => ID }) merchantId: string,
    @Args('feeBps', { type: () => Int }) feeBps: number,
  ): Promise<number> {
    if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000)
      throw DomainError.badInput('feeBps must be 0 to 10000', { feeBps });
    return this.views.setMerchantFeeRate(actor, merchantId, feeBps);
  }
}

@Resolver(() => LicenseTerms)
export class LicenseTermsResolver {
  constructor(private readonly terms: LicenseTermsService) {}

  @Mutation(() => LicenseTerms, {
    description:
      'Platform only, until licensing records terms itself: a license\u2019s advance, minimum guarantee and term as signed. CONFLICT if already recorded.',
  })
  async recordLicenseTerms(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordLicenseTermsInput,
  ): Promise<LicenseTerms> {
    const currency = input.advance?.currency ?? input.minimumGuarantee?.currency ?? 'CNY';
    const entity = await this.terms.recordAsOperator(actor, {
      licenseId: input.licenseId,
      studioId: input.studioId,
      merchantId: input.merchantId,
      advance: input.advance ? input.advance.toMoney() : Money.zero(currency),
      minimumGuarantee: input.minimumGuarantee ? input.minimumGuarantee.toMoney() : Money.zero(currency),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    return toLicenseTerms(entity);
  }

  @Query(() => LicenseTerms, { description: 'The licensed studio, the licensee merchant, or platform.' })
  async licenseTerms(
    @CurrentActor() actor: Actor,
    @Args('licenseId', { type: () => ID }) licenseId: string,
  ): Promise<LicenseTerms> {
    return toLicenseTerms(await this.terms.find(actor, licenseId));
  }
}
