import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { Money, MoneyType, parseId } from '@chedun/kernel';
import { AccountPurpose } from './ledger-account.entity';
import { LedgerAccountRepository } from './ledger-account.repository';
import { LedgerPolicy } from './ledger.policy';
import { MerchantSales, PlatformFeeRevenue } from './ledger.types';
import { MerchantFeeRateRepository } from './merchant-fee-rate.repository';
import { shanghaiRange } from './shanghai-period';
import { ShareActivityRepository } from './share-activity.repository';

export interface Period {
  from: string;
  to: string;
  currency: string;
}

/** Merchants' own sales per license and the platform's fee revenue. Payouts will draw on the same payable accounts. */
@Injectable()
export class LedgerViewsService {
  constructor(
    private readonly activity: ShareActivityRepository,
    private readonly accounts: LedgerAccountRepository,
    private readonly feeRates: MerchantFeeRateRepository,
  ) {}

  async merchantSales(actor: Actor, merchantId: string, period: Period): Promise<MerchantSales> {
    LedgerPolicy.readMerchantSales(actor, merchantId);
    const id = parseId(merchantId, 'merchantId');
    const { start, end } = shanghaiRange(period.from, period.to);
    const licenses = await this.activity.merchantByLicense(id, { currency: period.currency, start, end });
    const balance = await this.accounts.balanceOf({
      purpose: AccountPurpose.MERCHANT_PAYABLE,
      partyId: id,
      currency: period.currency,
    });
    const money = (v: number) => MoneyType.from(Money.of(v, period.currency));
    return {
      merchantId: id,
      licenses: licenses.map((l) => ({
        licenseId: l.licenseId,
        studioId: l.studioId,
        studioName: l.studioName,
        lineCount: l.lineCount,
        gross: money(l.grossMinor),
        refunded: money(l.refundedMinor),
        royalty: money(l.royaltyMinor),
        platformFee: money(l.feeMinor),
        merchantShare: money(l.merchantMinor),
      })),
      // Payables are credit balances; shown as the positive amount owed to the merchant.
      payableBalance: money(-balance),
    };
  }

  async platformFeeRevenue(actor: Actor, period: Period): Promise<PlatformFeeRevenue> {
    LedgerPolicy.platformOnly(actor);
    const { start, end } = shanghaiRange(period.from, period.to);
    const fees = await this.activity.feesByMerchant({ currency: period.currency, start, end });
    const balance = await this.accounts.balanceOf({
      purpose: AccountPurpose.PLATFORM_FEE_REVENUE,
      partyId: null,
      currency: period.currency,
    });
    const money = (v: number) => MoneyType.from(Money.of(v, period.currency));
    return {
      net: money(fees.reduce((acc, f) => acc + f.feeMinor, 0)),
      accountBalance: money(-balance),
      byMerchant: fees.map((f) => ({
        merchantId: f.merchantId,
        merchantName: f.merchantName,
        fees: money(f.feeMinor),
      })),
    };
  }

  async setMerchantFeeRate(actor: Actor, merchantId: string, feeBps: number): Promise<number> {
    LedgerPolicy.platformOnly(actor);
    await this.feeRates.set(parseId(merchantId, 'merchantId'), feeBps);
    return feeBps;
  }
}
