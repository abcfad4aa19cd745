import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { Money, readMinorUnits, MoneyType, parseId } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { AccountPurpose } from './ledger-account.entity';
import { LedgerPolicy } from './ledger.policy';
import { MerchantSales, PlatformFeeRevenue } from './ledger.types';
import { shanghaiRange } from './shanghai-period';

export interface Period {
  from: string;
  to: string;
  currency: string;
}

/**
 * Lines paid in the period with their full split, and refunds dated in the period taking back their reversals:
 * the same activity rule as the royalty report, for every share. `$1..$3` are currency, start, end.
 */
const SHARE_ACTIVITY = `
  SELECT s.order_line_id, s.merchant_id, s.merchant_name, s.studio_id, s.studio_name, s.license_id,
         s.gross_minor AS gross, 0::bigint AS refunded, s.royalty_minor AS royalty, s.fee_minor AS fee, s.merchant_minor AS merchant
    FROM sale_line_splits s WHERE s.currency = $1 AND s.paid_at >= $2 AND s.paid_at < $3 __S__
  UNION ALL
  SELECT s.order_line_id, s.merchant_id, s.merchant_name, s.studio_id, s.studio_name, s.license_id,
         0::bigint, r.amount_minor, -r.royalty_reversal_minor, -r.fee_reversal_minor, -r.merchant_reversal_minor
    FROM sale_line_refunds r JOIN sale_line_splits s ON s.order_line_id = r.order_line_id
   WHERE r.currency = $1 AND r.refunded_at >= $2 AND r.refunded_at < $3 __R__`;

/** Merchants' own sales per license and the platform's fee revenue. Payouts will draw on the same payable accounts. */
@Injectable()
export class LedgerViewsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async merchantSales(actor: Actor, merchantId: string, period: Period): Promise<MerchantSales> {
    LedgerPolicy.readMerchantSales(actor, merchantId);
    const id = parseId(merchantId, 'merchantId');
    const { start, end } = shanghaiRange(period.from, period.to);
    const activity = SHARE_ACTIVITY.replace('__S__', 'AND s.merchant_id = $4').replace('__R__', 'AND r.merchant_id = $4');
    const rows = (await this.dataSource.query(
      `SELECT license_id, studio_id, min(studio_name) AS studio_name, count(DISTINCT order_line_id)::int AS line_count,
              sum(gross)::text AS gross, sum(refunded)::text AS refunded, sum(royalty)::text AS royalty,
              sum(fee)::text AS fee, sum(merchant)::text AS merchant
         FROM (${activity}) a GROUP BY license_id, studio_id ORDER BY min(studio_name), license_id`,
      [period.currency, start, end, id],
    )) as Record<string, string>[];
    const money = (v: string | number | undefined) => MoneyType.from(Money.of(readMinorUnits(v ?? 0), period.currency));
    const [account] = (await this.dataSource.query(
      `SELECT balance_minor::text AS balance FROM ledger_accounts WHERE purpose = $1 AND party_id = $2 AND currency = $3`,
      [AccountPurpose.MERCHANT_PAYABLE, id, period.currency],
    )) as { balance: string }[];
    return {
      merchantId: id,
      licenses: rows.map((r) => ({
        licenseId: r['license_id']!,
        studioId: r['studio_id']!,
        studioName: r['studio_name']!,
        lineCount: Number(r['line_count']),
        gross: money(r['gross']),
        refunded: money(r['refunded']),
        royalty: money(r['royalty']),
        platformFee: money(r['fee']),
        merchantShare: money(r['merchant']),
      })),
      // Payables are credit balances; shown as the positive amount owed to the merchant.
      payableBalance: money(-readMinorUnits(account?.balance ?? '0')),
    };
  }

  async platformFeeRevenue(actor: Actor, period: Period): Promise<PlatformFeeRevenue> {
    LedgerPolicy.platformOnly(actor);
    const { start, end } = shanghaiRange(period.from, period.to);
    const activity = SHARE_ACTIVITY.replace('__S__', '').replace('__R__', '');
    const rows = (await this.dataSource.query(
      `SELECT merchant_id, min(merchant_name) AS merchant_name, sum(fee)::text AS fee
         FROM (${activity}) a GROUP BY merchant_id ORDER BY sum(fee) DESC, merchant_id`,
      [period.currency, start, end],
    )) as { merchant_id: string; merchant_name: string; fee: string }[];
    const [account] = (await this.dataSource.query(
      `SELECT balance_minor::text AS balance FROM ledger_accounts WHERE purpose = $1 AND party_id IS NULL AND currency = $2`,
      [AccountPurpose.PLATFORM_FEE_REVENUE, period.currency],
    )) as { balance: string }[];
    const money = (v: number) => MoneyType.from(Money.of(v, period.currency));
    return {
      net: money(rows.reduce((acc, r) => acc + readMinorUnits(r.fee), 0)),
      accountBalance: money(-readMinorUnits(account?.balance ?? '0')),
      byMerchant: rows.map((r) => ({ merchantId: r.merchant_id, merchantName: r.merchant_name, fees: money(readMinorUnits(r.fee)) })),
    };
  }

  async setMerchantFeeRate(actor: Actor, merchantId: string, feeBps: number): Promise<number> {
    LedgerPolicy.platformOnly(actor);
    await this.dataSource.query(
      `INSERT INTO merchant_fee_rates (merchant_id, fee_bps, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (merchant_id) DO UPDATE SET fee_bps = EXCLUDED.fee_bps, updated_at = now()`,
      [parseId(merchantId, 'merchantId'), feeBps],
    );
    return feeBps;
  }
}
