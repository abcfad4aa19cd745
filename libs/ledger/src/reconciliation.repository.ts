import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { AccountPurpose } from './ledger-account.entity';
import { PayoutStatus } from './payout.entity';

/** The period a reconciliation proves, in instants: [start, end) in one currency. */
export interface ReconciledPeriod {
  currency: string;
  start: Date;
  end: Date;
}

/** What the period's paid lines split into, and what its refunds took back. */
export interface PeriodTotals {
  grossMinor: number;
  royaltyMinor: number;
  feeMinor: number;
  merchantMinor: number;
  refundedMinor: number;
}

export interface LineSplitMismatch {
  orderLineId: string;
  grossMinor: number;
  royaltyMinor: number;
  feeMinor: number;
  merchantMinor: number;
}

export interface LinePostingMismatch {
  orderLineId: string;
  purpose: AccountPurpose;
  postedMinor: number;
  expectedMinor: number;
}

export interface ShippingFeePostingMismatch {
  orderId: string;
  merchantId: string;
  feeMinor: number;
  clearingMinor: number;
  payableMinor: number;
}

export interface RefundSplitMismatch {
  refundId: string;
  amountMinor: number;
  reversalsMinor: number;
}

export interface LineRefundTotalsMismatch {
  orderLineId: string;
  keptMinor: number;
  summedMinor: number;
}

export interface PayoutPostingsMismatch {
  payoutId: string;
  status: PayoutStatus;
  amountMinor: number;
  inTransitMinor: number;
  payableMinor: number;
  reversedMinor: number;
}

export interface UnbalancedEntry {
  entryId: string;
  currency: string;
  totalMinor: number;
}

export interface AccountBalanceMismatch {
  accountId: string;
  purpose: AccountPurpose;
  /** The party's id, or 'platform' for the platform's own accounts. */
  party: string;
  keptMinor: number;
  summedMinor: number;
}

/** As pg returns them: ids and bigints as text. */
interface PeriodTotalsRow {
  gross: string;
  royalty: string;
  fee: string;
  merchant: string;
  refunded: string;
}

interface LineSplitRow {
  orderLineId: string;
  gross: string;
  royalty: string;
  fee: string;
  merchant: string;
}

interface LinePostingRow {
  orderLineId: string;
  purpose: AccountPurpose;
  posted: string;
  expected: string;
}

interface ShippingFeePostingRow {
  orderId: string;
  merchantId: string;
  fee: string;
  clearing: string;
  payable: string;
}

interface RefundSplitRow {
  refundId: string;
  amount: string;
  reversals: string;
}

interface LineRefundTotalsRow {
  orderLineId: string;
  kept: string;
  summed: string;
}

interface PayoutPostingsRow {
  payoutId: string;
  status: PayoutStatus;
  amount: string;
  inTransit: string;
  payable: string;
  reversed: string;
}

interface UnbalancedEntryRow {
  entryId: string;
  currency: string;
  total: string;
}

interface AccountBalanceRow {
  accountId: string;
  purpose: AccountPurpose;
  party: string;
  kept: string;
  summed: string;
}

/**
 * The ledger's invariants, each one query that returns the rows breaking it (at most `limit`): a broken ledger
 * should not become a huge response. `$1..$3` are the period's currency, start and end.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ReconciliationRepository {
    return new ReconciliationRepository(manager);
  }

  async periodTotals(period: ReconciledPeriod): Promise<PeriodTotals> {
    const rows: PeriodTotalsRow[] = await this.manager.query(
      `SELECT coalesce(sum(gross_minor), 0)::text AS gross, coalesce(sum(royalty_minor), 0)::text AS royalty,
              coalesce(sum(fee_minor), 0)::text AS fee, coalesce(sum(merchant_minor), 0)::text AS merchant,
              (SELECT coalesce(sum(amount_minor), 0) FROM sale_line_refunds
                WHERE currency = $1 AND refunded_at >= $2 AND refunded_at < $3)::text AS refunded
         FROM sale_line_splits WHERE currency = $1 AND paid_at >= $2 AND paid_at < $3`,
      params(period),
    );
    const row = rows[0];
    return {
      grossMinor: readMinorUnits(row?.gross ?? '0'),
      royaltyMinor: readMinorUnits(row?.royalty ?? '0'),
      feeMinor: readMinorUnits(row?.fee ?? '0'),
      merchantMinor: readMinorUnits(row?.merchant ?? '0'),
      refundedMinor: readMinorUnits(row?.refunded ?? '0'),
    };
  }

  /** Lines paid in the period whose gross is not royalty + fee + merchant share. */
  async linesWhoseSharesMissTheGross(period: ReconciledPeriod, limit: number): Promise<LineSplitMismatch[]> {
    const rows: LineSplitRow[] = await this.manager.query(
      `SELECT order_line_id::text AS "orderLineId", gross_minor::text AS gross, royalty_minor::text AS royalty, fee_minor::text AS fee,
              merchant_minor::text AS merchant
         FROM sale_line_splits WHERE currency = $1 AND paid_at >= $2 AND paid_at < $3
          AND gross_minor <> royalty_minor + fee_minor + merchant_minor LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      orderLineId: r.orderLineId,
      grossMinor: readMinorUnits(r.gross),
      royaltyMinor: readMinorUnits(r.royalty),
      feeMinor: readMinorUnits(r.fee),
      merchantMinor: readMinorUnits(r.merchant),
    }));
  }

  /** Lines paid in the period whose SALE entry did not post, per account purpose, what their split says. */
  async linesPostedOtherwiseThanSplit(period: ReconciledPeriod, limit: number): Promise<LinePostingMismatch[]> {
    const rows: LinePostingRow[] = await this.manager.query(
      `SELECT s.order_line_id::text AS "orderLineId", a.purpose, coalesce(sum(p.amount_minor), 0)::text AS posted,
              (CASE a.purpose WHEN 'PAYMENT_CLEARING' THEN s.gross_minor WHEN 'STUDIO_ROYALTIES_PAYABLE' THEN -s.royalty_minor
                 WHEN 'PLATFORM_FEE_REVENUE' THEN -s.fee_minor ELSE -s.merchant_minor END)::text AS expected
         FROM sale_line_splits s
         CROSS JOIN (VALUES ('PAYMENT_CLEARING'), ('STUDIO_ROYALTIES_PAYABLE'), ('PLATFORM_FEE_REVENUE'), ('MERCHANT_PAYABLE')) a(purpose)
         LEFT JOIN ledger_postings p ON p.entry_id = s.entry_id
               AND p.account_id IN (SELECT id FROM ledger_accounts la WHERE la.purpose = a.purpose)
        WHERE s.currency = $1 AND s.paid_at >= $2 AND s.paid_at < $3
        GROUP BY s.order_line_id, a.purpose
       HAVING coalesce(sum(p.amount_minor), 0) <> (CASE a.purpose WHEN 'PAYMENT_CLEARING' THEN s.gross_minor
                WHEN 'STUDIO_ROYALTIES_PAYABLE' THEN -s.royalty_minor WHEN 'PLATFORM_FEE_REVENUE' THEN -s.fee_minor
                ELSE -s.merchant_minor END)
        LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      orderLineId: r.orderLineId,
      purpose: r.purpose,
      postedMinor: readMinorUnits(r.posted),
      expectedMinor: readMinorUnits(r.expected),
    }));
  }

  /**
   * Shipping fees paid in the period whose SALE entry is not exactly two postings moving the fee whole from clearing
   * to its merchant's payable (no royalty, no platform fee).
   */
  async shippingFeesPostedOtherwise(period: ReconciledPeriod, limit: number): Promise<ShippingFeePostingMismatch[]> {
    const rows: ShippingFeePostingRow[] = await this.manager.query(
      `SELECT f.order_id::text AS "orderId", f.merchant_id::text AS "merchantId", f.fee_minor::text AS fee,
              coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING'), 0)::text AS clearing,
              coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'MERCHANT_PAYABLE' AND a.party_id = f.merchant_id), 0)::text AS payable
         FROM sale_shipping_fees f
         LEFT JOIN ledger_postings p ON p.entry_id = f.entry_id
         LEFT JOIN ledger_accounts a ON a.id = p.account_id
        WHERE f.currency = $1 AND f.paid_at >= $2 AND f.paid_at < $3
        GROUP BY f.order_id, f.merchant_id, f.fee_minor
       HAVING coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING'), 0) <> f.fee_minor
           OR coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'MERCHANT_PAYABLE' AND a.party_id = f.merchant_id), 0) <> -f.fee_minor
           OR count(p.id) <> 2
        LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      orderId: r.orderId,
      merchantId: r.merchantId,
      feeMinor: readMinorUnits(r.fee),
      clearingMinor: readMinorUnits(r.clearing),
      payableMinor: readMinorUnits(r.payable),
    }));
  }

  /**
   * Shipping fees given back in the period whose REFUND entry is not exactly two postings returning the whole fee
   * from its merchant's payable to clearing (the mirror of its SALE entry). Clearing and payable are given as the
   * fee would be posted by its sale, so a sound refund reads like its fee.
   */
  async shippingFeeRefundsPostedOtherwise(
    period: ReconciledPeriod,
    limit: number,
  ): Promise<ShippingFeePostingMismatch[]> {
    const rows: ShippingFeePostingRow[] = await this.manager.query(
      `SELECT r.order_id::text AS "orderId", r.merchant_id::text AS "merchantId", f.fee_minor::text AS fee,
              (-coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING'), 0))::text AS clearing,
              (-coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'MERCHANT_PAYABLE' AND a.party_id = r.merchant_id), 0))::text AS payable
         FROM sale_shipping_fee_refunds r
         JOIN sale_shipping_fees f ON f.order_id = r.order_id AND f.merchant_id = r.merchant_id
         LEFT JOIN ledger_postings p ON p.entry_id = r.entry_id
         LEFT JOIN ledger_accounts a ON a.id = p.account_id
        WHERE r.currency = $1 AND r.refunded_at >= $2 AND r.refunded_at < $3
        GROUP BY r.order_id, r.merchant_id, r.amount_minor, f.fee_minor
       HAVING r.amount_minor <> f.fee_minor
           OR coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING'), 0) <> -f.fee_minor
           OR coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'MERCHANT_PAYABLE' AND a.party_id = r.merchant_id), 0) <> f.fee_minor
           OR count(p.id) <> 2
        LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      orderId: r.orderId,
      merchantId: r.merchantId,
      feeMinor: readMinorUnits(r.fee),
      clearingMinor: readMinorUnits(r.clearing),
      payableMinor: readMinorUnits(r.payable),
    }));
  }

  /** Refunds dated in the period whose amount is not the sum of their three reversals. */
  async refundsWhoseReversalsMissTheAmount(period: ReconciledPeriod, limit: number): Promise<RefundSplitMismatch[]> {
    const rows: RefundSplitRow[] = await this.manager.query(
      `SELECT refund_id::text AS "refundId", amount_minor::text AS amount,
              (royalty_reversal_minor + fee_reversal_minor + merchant_reversal_minor)::text AS reversals
         FROM sale_line_refunds WHERE currency = $1 AND refunded_at >= $2 AND refunded_at < $3
          AND amount_minor <> royalty_reversal_minor + fee_reversal_minor + merchant_reversal_minor LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      refundId: r.refundId,
      amountMinor: readMinorUnits(r.amount),
      reversalsMinor: readMinorUnits(r.reversals),
    }));
  }

  /** Lines paid in the period whose running refund totals are not the sums of their refunds. */
  async linesWhoseRefundTotalsDrift(period: ReconciledPeriod, limit: number): Promise<LineRefundTotalsMismatch[]> {
    const rows: LineRefundTotalsRow[] = await this.manager.query(
      `SELECT s.order_line_id::text AS "orderLineId", s.refunded_minor::text AS kept, coalesce(sum(r.amount_minor), 0)::text AS summed
         FROM sale_line_splits s LEFT JOIN sale_line_refunds r ON r.order_line_id = s.order_line_id
        WHERE s.currency = $1 AND s.paid_at >= $2 AND s.paid_at < $3
        GROUP BY s.order_line_id HAVING s.refunded_minor <> coalesce(sum(r.amount_minor), 0)
           OR s.royalty_reversed_minor <> coalesce(sum(r.royalty_reversal_minor), 0)
        LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      orderLineId: r.orderLineId,
      keptMinor: readMinorUnits(r.kept),
      summedMinor: readMinorUnits(r.summed),
    }));
  }

  /**
   * Payouts created in the period whose PAYOUT entries do not match their status: in transit, the payable drawn
   * and in transit open; paid, in transit cleared (less what reversals returned); failed, all returned to payable.
   */
  async payoutsWhoseEntriesMissTheirStatus(period: ReconciledPeriod, limit: number): Promise<PayoutPostingsMismatch[]> {
    const rows: PayoutPostingsRow[] = await this.manager.query(
      `SELECT po.id::text AS "payoutId", po.status, po.amount_minor::text AS amount,
              coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYOUTS_IN_TRANSIT'), 0)::text AS "inTransit",
              coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose IN ('STUDIO_ROYALTIES_PAYABLE', 'MERCHANT_PAYABLE')), 0)::text AS payable,
              coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING' AND e.source_id LIKE '%:reversed:%'), 0)::text AS reversed
         FROM payouts po
         LEFT JOIN journal_entries e ON e.kind = 'PAYOUT' AND (e.source_id IN ('payout:' || po.id, 'payout:' || po.id || ':settled', 'payout:' || po.id || ':failed')
               OR e.source_id LIKE 'payout:' || po.id || ':reversed:%')
         LEFT JOIN ledger_postings p ON p.entry_id = e.id
         LEFT JOIN ledger_accounts a ON a.id = p.account_id AND (a.party_id = po.organization_id OR a.purpose = 'PAYMENT_CLEARING')
        WHERE po.currency = $1 AND po.created_at >= $2 AND po.created_at < $3
        GROUP BY po.id
       HAVING coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYOUTS_IN_TRANSIT'), 0)
                <> CASE po.status WHEN 'IN_TRANSIT' THEN -po.amount_minor ELSE 0 END
           OR coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose IN ('STUDIO_ROYALTIES_PAYABLE', 'MERCHANT_PAYABLE')), 0)
                <> CASE po.status WHEN 'FAILED' THEN 0 ELSE po.amount_minor END
                   - coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING' AND e.source_id LIKE '%:reversed:%'), 0)
           OR coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYMENT_CLEARING' AND e.source_id LIKE '%:reversed:%'), 0)
                NOT BETWEEN 0 AND CASE po.status WHEN 'PAID' THEN po.amount_minor ELSE 0 END
        LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({
      payoutId: r.payoutId,
      status: r.status,
      amountMinor: readMinorUnits(r.amount),
      inTransitMinor: readMinorUnits(r.inTransit),
      payableMinor: readMinorUnits(r.payable),
      reversedMinor: readMinorUnits(r.reversed),
    }));
  }

  /** Entries dated in the period whose postings in the currency do not sum to zero. */
  async unbalancedEntries(period: ReconciledPeriod, limit: number): Promise<UnbalancedEntry[]> {
    const rows: UnbalancedEntryRow[] = await this.manager.query(
      `SELECT e.id::text AS "entryId", p.currency, sum(p.amount_minor)::text AS total
         FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
        WHERE e.occurred_at >= $2 AND e.occurred_at < $3 AND p.currency = $1
        GROUP BY e.id, p.currency HAVING sum(p.amount_minor) <> 0 LIMIT ${limit}`,
      params(period),
    );
    return rows.map((r) => ({ entryId: r.entryId, currency: r.currency, totalMinor: readMinorUnits(r.total) }));
  }

  /** Accounts in the currency whose kept balance is not the sum of all their postings (a balance is cumulative). */
  async accountsWhoseBalanceDrifts(currency: string, limit: number): Promise<AccountBalanceMismatch[]> {
    const rows: AccountBalanceRow[] = await this.manager.query(
      `SELECT a.id::text AS "accountId", a.purpose, coalesce(a.party_id::text, 'platform') AS party, a.balance_minor::text AS kept,
              coalesce(sum(p.amount_minor), 0)::text AS summed
         FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
        WHERE a.currency = $1
        GROUP BY a.id HAVING a.balance_minor <> coalesce(sum(p.amount_minor), 0) LIMIT ${limit}`,
      [currency],
    );
    return rows.map((r) => ({
      accountId: r.accountId,
      purpose: r.purpose,
      party: r.party,
      keptMinor: readMinorUnits(r.kept),
      summedMinor: readMinorUnits(r.summed),
    }));
  }
}

function params(period: ReconciledPeriod): unknown[] {
  return [period.currency, period.start, period.end];
}
