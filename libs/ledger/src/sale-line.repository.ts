import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { SaleLineRefundEntity } from './sale-line-refund.entity';
import { SaleLineSplitEntity } from './sale-line-split.entity';

export type NewSaleLineSplit = Omit<SaleLineSplitEntity, 'statementId'>;
export type NewSaleLineRefund = Omit<SaleLineRefundEntity, 'statementId'>;

/** What one refund took back from each share of its line, added to the line's running totals. */
export interface LineReversal {
  amountMinor: number;
  royaltyMinor: number;
  feeMinor: number;
  merchantMinor: number;
}

/**
 * In a query grouping sale_line_splits s by merchant and order in currency $1: that merchant's shipping fee on it, less
 * the fee given back if it was.
 */
const SHIPPING_FEE_OF_GROUP = `coalesce((SELECT sum(f.fee_minor - coalesce(r.amount_minor, 0)) FROM sale_shipping_fees f
                                          LEFT JOIN sale_shipping_fee_refunds r ON r.order_id = f.order_id AND r.merchant_id = f.merchant_id
                                          WHERE f.order_id = s.order_id AND f.merchant_id = s.merchant_id AND f.currency = $1), 0)`;

/** A merchant's order that is owed a payout: its share net of refunds is positive and no live payout pays it. */
export interface UnpaidMerchantOrder {
  merchantId: string;
  orderId: string;
}

interface CurrencyRow {
  currency: string | null;
}

interface DueRow {
  due: string;
}

interface OrderRefundedRow {
  orderId: string;
  refunded: string;
}

/**
 * The `sale_line_splits` and `sale_line_refunds` tables: how each paid line was split, and what each refund of it
 * took back. Both are written only through their entities; a line's running refund totals move in one UPDATE.
 */
@Injectable()
export class SaleLineRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): SaleLineRepository {
    return new SaleLineRepository(manager);
  }

  /** Which of these lines already have their split. */
  /** Plain SQL: on every sale's path, where TypeORM's insert builder cost more CPU than the statement. */
  /** Locked until the transaction ends: refunds of one line take turns, each seeing the others' totals and ids. */
  lockSplit(orderLineId: string): Promise<SaleLineSplitEntity | null> {
    return this.manager.findOne(SaleLineSplitEntity, { where: { orderLineId }, lock: { mode: 'pessimistic_write' } });
  }

  async hasRefund(refundId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM sale_line_refunds WHERE refund_id = $1`, [
      refundId,
    ]);
    return rows.length > 0;
  }

  async insertRefund(refund: NewSaleLineRefund): Promise<void> {
    await this.manager.insert(SaleLineRefundEntity, refund);
  }

  async addReversal(orderLineId: string, reversal: LineReversal): Promise<void> {
    await this.manager.query(
      `UPDATE sale_line_splits SET refunded_minor = refunded_minor + $2, royalty_reversed_minor = royalty_reversed_minor + $3,
         fee_reversed_minor = fee_reversed_minor + $4, merchant_reversed_minor = merchant_reversed_minor + $5
       WHERE order_line_id = $1`,
      [orderLineId, reversal.amountMinor, reversal.royaltyMinor, reversal.feeMinor, reversal.merchantMinor],
    );
  }

  /** The currency of the merchant's lines of the order; null when the merchant has no paid line in it. */
  async currencyOfMerchantOrder(orderId: string, merchantId: string): Promise<string | null> {
    const rows: CurrencyRow[] = await this.manager.query(
      `SELECT min(currency) AS currency FROM sale_line_splits WHERE order_id = $1 AND merchant_id = $2`,
      [orderId, merchantId],
    );
    return rows[0]?.currency ?? null;
  }

  /**
   * What the order owes the merchant: its share of the order's lines, net of what refunds took back, plus its
   * shipping fee, which is the merchant's alone (no royalty, no platform fee) and paid out with the order's goods,
   * unless it was given back with the refund that completed the merchant's unshipped part.
   */
  async merchantShareOfOrder(orderId: string, merchantId: string, currency: string): Promise<number> {
    const rows: DueRow[] = await this.manager.query(
      `SELECT (coalesce((SELECT sum(merchant_minor - merchant_reversed_minor) FROM sale_line_splits
                          WHERE order_id = $1 AND merchant_id = $2 AND currency = $3), 0)
               + coalesce((SELECT sum(f.fee_minor - coalesce(r.amount_minor, 0)) FROM sale_shipping_fees f
                            LEFT JOIN sale_shipping_fee_refunds r ON r.order_id = f.order_id AND r.merchant_id = f.merchant_id
                           WHERE f.order_id = $1 AND f.merchant_id = $2 AND f.currency = $3), 0))::text AS due`,
      [orderId, merchantId, currency],
    );
    return readMinorUnits(rows[0]?.due ?? '0');
  }

  /**
   * Merchants' orders owed a payout (line shares net of refunds, plus shipping fees), of payees owed at least
   * `minimumMinor` in all, oldest sale first: at most `limit`, the next run takes the rest.
   */
  unpaidMerchantOrders(
    currency: string,
    minimumMinor: number,
    merchantIds: readonly string[],
    limit: number,
  ): Promise<UnpaidMerchantOrder[]> {
    return this.manager.query(
      `SELECT merchant_id AS "merchantId", order_id AS "orderId" FROM (
         SELECT s.merchant_id, s.order_id, min(s.paid_at) AS paid_at,
                sum(sum(s.merchant_minor - s.merchant_reversed_minor) + ${SHIPPING_FEE_OF_GROUP}) OVER (PARTITION BY s.merchant_id) AS payee_due
           FROM sale_line_splits s
          WHERE s.currency = $1 AND s.merchant_id = ANY($3::uuid[])
            AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.organization_id = s.merchant_id AND p.order_id = s.order_id AND p.status <> 'FAILED')
          GROUP BY s.merchant_id, s.order_id
         HAVING sum(s.merchant_minor - s.merchant_reversed_minor) + ${SHIPPING_FEE_OF_GROUP} > 0) due
        WHERE payee_due >= $2
        ORDER BY paid_at, order_id LIMIT ${limit}`,
      [currency, minimumMinor, merchantIds],
    );
  }

  /** Per order, the total its refunds took back, shipping fees given back included (orders without are absent). */
  async refundedByOrder(orderIds: readonly string[]): Promise<Map<string, number>> {
    const rows: OrderRefundedRow[] = await this.manager.query(
      `SELECT x.order_id::text AS "orderId", sum(x.amount_minor)::text AS refunded FROM (
         SELECT s.order_id, r.amount_minor
           FROM sale_line_refunds r JOIN sale_line_splits s ON s.order_line_id = r.order_line_id
          WHERE s.order_id = ANY($1::uuid[])
         UNION ALL
         SELECT order_id, amount_minor FROM sale_shipping_fee_refunds WHERE order_id = ANY($1::uuid[])) x
        GROUP BY x.order_id`,
      [orderIds],
    );
    return new Map(rows.map((r) => [r.orderId, readMinorUnits(r.refunded)]));
  }
}

/**
 * The INSERT of a sale line's split, its parameters appended to `values`, its entry's id read from `entryCte` (a CTE
 * of the same statement with an `id` column): the SALE entry, its postings and its split are one statement, and a
 * replay that finds its entry (the CTE is then empty) writes no split.
 */
export function insertSplitSql(split: Omit<NewSaleLineSplit, 'entryId'>, values: unknown[], entryCte: string): string {
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const row = [
    param(split.orderLineId),
    param(split.orderId),
    `${entryCte}.id`,
    param(split.studioId),
    param(split.studioName),
    param(split.merchantId),
    param(split.merchantName),
    param(split.licenseId),
    param(split.filmIpId),
    param(split.productId),
    param(split.productName),
    param(split.productNameZh),
    param(split.currency),
    param(split.grossMinor),
    param(split.royaltyBps),
    param(split.feeBps),
    param(split.royaltyMinor),
    param(split.feeMinor),
    param(split.merchantMinor),
    param(split.refundedMinor),
    param(split.royaltyReversedMinor),
    param(split.feeReversedMinor),
    param(split.merchantReversedMinor),
    param(split.paidAt),
  ].join(', ');
  const insert = `INSERT INTO sale_line_splits (order_line_id, order_id, entry_id, studio_id, studio_name, merchant_id, merchant_name, license_id,
                                     film_ip_id, product_id, product_name, product_name_zh, currency, gross_minor, royalty_bps, fee_bps,
                                     royalty_minor, fee_minor, merchant_minor, refunded_minor, royalty_reversed_minor, fee_reversed_minor,
                                     merchant_reversed_minor, paid_at)`;
  return `${insert} SELECT ${row} FROM ${entryCte}`;
}
