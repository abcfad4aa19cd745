import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';

/** A period in instants: [start, end). */
export interface ActivityRange {
  currency: string;
  start: Date;
  end: Date;
}

/** One license's activity for its merchant in a period: every share, net of refunds dated in it. */
export interface MerchantLicenseActivity {
  licenseId: string;
  studioId: string;
  studioName: string;
  lineCount: number;
  grossMinor: number;
  refundedMinor: number;
  royaltyMinor: number;
  feeMinor: number;
  merchantMinor: number;
}

/** The platform's fees from one merchant in a period, net of refunds dated in it. */
export interface MerchantFeeActivity {
  merchantId: string;
  merchantName: string;
  feeMinor: number;
}

/** As pg returns sums: text. */
interface MerchantLicenseActivityRow {
  licenseId: string;
  studioId: string;
  studioName: string;
  lineCount: number;
  gross: string;
  refunded: string;
  royalty: string;
  fee: string;
  merchant: string;
}

interface MerchantFeeActivityRow {
  merchantId: string;
  merchantName: string;
  fee: string;
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

/** Every share's activity in a period, read from the split and refund rows: the merchant's and the platform's views. */
@Injectable()
export class ShareActivityRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ShareActivityRepository {
    return new ShareActivityRepository(manager);
  }

  /** The merchant's activity per license, by studio name then license. */
  async merchantByLicense(merchantId: string, range: ActivityRange): Promise<MerchantLicenseActivity[]> {
    const activity = SHARE_ACTIVITY.replace('__S__', 'AND s.merchant_id = $4').replace(
      '__R__',
      'AND r.merchant_id = $4',
    );
    const rows: MerchantLicenseActivityRow[] = await this.manager.query(
      `SELECT license_id AS "licenseId", studio_id AS "studioId", min(studio_name) AS "studioName",
              count(DISTINCT order_line_id)::int AS "lineCount",
              sum(gross)::text AS gross, sum(refunded)::text AS refunded, sum(royalty)::text AS royalty,
              sum(fee)::text AS fee, sum(merchant)::text AS merchant
         FROM (${activity}) a GROUP BY license_id, studio_id ORDER BY min(studio_name), license_id`,
      [range.currency, range.start, range.end, merchantId],
    );
    return rows.map((r) => ({
      licenseId: r.licenseId,
      studioId: r.studioId,
      studioName: r.studioName,
      lineCount: Number(r.lineCount),
      grossMinor: readMinorUnits(r.gross),
      refundedMinor: readMinorUnits(r.refunded),
      royaltyMinor: readMinorUnits(r.royalty),
      feeMinor: readMinorUnits(r.fee),
      merchantMinor: readMinorUnits(r.merchant),
    }));
  }

  /** The platform's fees per merchant, largest first. */
  async feesByMerchant(range: ActivityRange): Promise<MerchantFeeActivity[]> {
    const activity = SHARE_ACTIVITY.replace('__S__', '').replace('__R__', '');
    const rows: MerchantFeeActivityRow[] = await this.manager.query(
      `SELECT merchant_id AS "merchantId", min(merchant_name) AS "merchantName", sum(fee)::text AS fee
         FROM (${activity}) a GROUP BY merchant_id ORDER BY sum(fee) DESC, merchant_id`,
      [range.currency, range.start, range.end],
    );
    return rows.map((r) => ({
      merchantId: r.merchantId,
      merchantName: r.merchantName,
      feeMinor: readMinorUnits(r.fee),
    }));
  }
}
