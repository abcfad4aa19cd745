import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

interface FeeRateRow {
  merchantId: string;
  feeBps: number;
}

/** The `merchant_fee_rates` table: a merchant's own platform fee, where it differs from the configured one. */
@Injectable()
export class MerchantFeeRateRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): MerchantFeeRateRepository {
    return new MerchantFeeRateRepository(manager);
  }

  /** The rates of those merchants that have one. */
  async ratesOf(merchantIds: readonly string[]): Promise<Map<string, number>> {
    const rows: FeeRateRow[] = await this.manager.query(
      `SELECT merchant_id AS "merchantId", fee_bps AS "feeBps" FROM merchant_fee_rates WHERE merchant_id = ANY($1::uuid[])`,
      [merchantIds],
    );
    return new Map(rows.map((r) => [r.merchantId, r.feeBps]));
  }

  async set(merchantId: string, feeBps: number): Promise<void> {
    await this.manager.query(
      `INSERT INTO merchant_fee_rates (merchant_id, fee_bps, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (merchant_id) DO UPDATE SET fee_bps = EXCLUDED.fee_bps, updated_at = now()`,
      [merchantId, feeBps],
    );
  }
}
