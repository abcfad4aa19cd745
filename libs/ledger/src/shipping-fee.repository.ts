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

/** A shipping fee given back, as posted: the order refund that carried it and the REFUND entry that reversed it. */
export interface SaleShippingFeeRefundRow {
  orderId: string;
  merchantId: string;
  refundId: string;
  entryId: string;
  currency: string;
  amountMinor: number;
  refundedAt: Date;
}

/**
 * The `sale_shipping_fees` table (each paid shipping fee and the SALE entry that posted it) and
 * `sale_shipping_fee_refunds` (append-only: at most one per fee, the REFUND entry that gave it back whole).
 */
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

  /** The fee's row, locked until the transaction ends: a fee's refunds take turns. Null when none was posted. */
  async lockFee(orderId: string, merchantId: string): Promise<SaleShippingFeeRow | null> {
    const rows: (Omit<SaleShippingFeeRow, 'feeMinor'> & { feeMinor: string })[] = await this.manager.query(
      `SELECT order_id AS "orderId", merchant_id AS "merchantId", entry_id AS "entryId", currency, fee_minor AS "feeMinor", paid_at AS "paidAt"
         FROM sale_shipping_fees WHERE order_id = $1 AND merchant_id = $2 FOR UPDATE`,
      [orderId, merchantId],
    );
    const [row] = rows;
    return row ? { ...row, feeMinor: readMinorUnits(row.feeMinor) } : null;
  }

  /** The refund that gave the fee back, if one did. */
  async refundOf(orderId: string, merchantId: string): Promise<SaleShippingFeeRefundRow | null> {
    const rows: (Omit<SaleShippingFeeRefundRow, 'amountMinor'> & { amountMinor: string })[] = await this.manager.query(
      `SELECT order_id AS "orderId", merchant_id AS "merchantId", refund_id AS "refundId", entry_id AS "entryId", currency,
              amount_minor AS "amountMinor", refunded_at AS "refundedAt"
         FROM sale_shipping_fee_refunds WHERE order_id = $1 AND merchant_id = $2`,
      [orderId, merchantId],
    );
    const [row] = rows;
    return row ? { ...row, amountMinor: readMinorUnits(row.amountMinor) } : null;
  }

  async insertRefund(row: SaleShippingFeeRefundRow): Promise<void> {
    await this.manager.query(
      `INSERT INTO sale_shipping_fee_refunds (order_id, merchant_id, refund_id, entry_id, currency, amount_minor, refunded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.orderId, row.merchantId, row.refundId, row.entryId, row.currency, row.amountMinor, row.refundedAt],
    );
  }
}
