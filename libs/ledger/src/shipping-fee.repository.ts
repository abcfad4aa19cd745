import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';

/** A merchant's shipping fee on one paid order, as posted. */
export interface SaleShippingFeeRow {
  orderId: string;
  merchantId: string;
  entryId: string;
  currency: string;
  feeMinor: number;
  paidAt: Date;
}

/** The `sale_shipping_fees` table: each paid shipping fee and the SALE entry that posted it. */
@Injectable()
export class ShippingFeeRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ShippingFeeRepository {
    return new ShippingFeeRepository(manager);
  }

  async insert(row: SaleShippingFeeRow): Promise<void> {
    await this.manager.query(
      `INSERT INTO sale_shipping_fees (order_id, merchant_id, entry_id, currency, fee_minor, paid_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.orderId, row.merchantId, row.entryId, row.currency, row.feeMinor, row.paidAt],
    );
  }

  async ofOrder(orderId: string): Promise<SaleShippingFeeRow[]> {
    const rows: (Omit<SaleShippingFeeRow, 'feeMinor'> & { feeMinor: string })[] = await this.manager.query(
      `SELECT order_id AS "orderId", merchant_id AS "merchantId", entry_id AS "entryId", currency, fee_minor AS "feeMinor", paid_at AS "paidAt"
         FROM sale_shipping_fees WHERE order_id = $1 ORDER BY merchant_id`,
      [orderId],
    );
    return rows.map((r) => ({ ...r, feeMinor: readMinorUnits(r.feeMinor) }));
  }
}
