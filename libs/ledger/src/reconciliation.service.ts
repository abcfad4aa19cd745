import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { Money, readMinorUnits, MoneyType } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { LedgerPolicy } from './ledger.policy';
import { Reconciliation, ReconciliationDiscrepancy } from './ledger.types';
import { ProviderReconciliationService } from './provider-reconciliation.service';
import { shanghaiRange } from './shanghai-period';
import type { Period } from './ledger-views.service';

/** At most this many discrepancies of one check are listed; a broken ledger should not become a huge response. */
const MAX_PER_CHECK = 100;

/**
 * Proves the books for a period: each line's split adds up and was posted exactly as recorded, each shipping fee went
 * whole from clearing to its merchant's payable, each refund's
 * reversals add up to it and to the line's running totals, each entry balances, and every account's balance
 * equals the sum of its postings (over all time, since a balance is cumulative), and each payout's journal matches its
 * status (in transit: payable drawn, in transit open; paid: in transit cleared; failed: all returned to payable);
 * and that the payment provider's payments match the period's paid orders (`ProviderReconciliationService`).
 */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: ProviderReconciliationService,
  ) {}

  async reconcile(actor: Actor, period: Period): Promise<Reconciliation> {
    LedgerPolicy.platformOnly(actor);
    const { start, end } = shanghaiRange(period.from, period.to);
    const p = [period.currency, start, end];
    const q = async (sql: string, params: unknown[] = p) => (await this.dataSource.query(sql, params)) as Record<string, string>[];

    const [totals] = await q(
      `SELECT coalesce(sum(gross_minor), 0)::text AS gross, coalesce(sum(royalty_minor), 0)::text AS royalty,
              coalesce(sum(fee_minor), 0)::text AS fee, coalesce(sum(merchant_minor), 0)::text AS merchant,
              (SELECT coalesce(sum(amount_minor), 0) FROM sale_line_refunds
                WHERE currency = $1 AND refunded_at >= $2 AND refunded_at < $3)::text AS refunded
         FROM sale_line_splits WHERE currency = $1 AND paid_at >= $2 AND paid_at < $3`,
    );
    const discrepancies: ReconciliationDiscrepancy[] = [];
    const add = (check: string, rows: Record<string, string>[], detail: (r: Record<string, string>) => string) => {
      for (const r of rows) discrepancies.push({ check, reference: r['ref']!, detail: detail(r) });
    };

    add(
      'LINE_SPLIT',
      await q(
        `SELECT order_line_id::text AS ref, gross_minor::text g, royalty_minor::text r, fee_minor::text f, merchant_minor::text m
           FROM sale_line_splits WHERE currency = $1 AND paid_at >= $2 AND paid_at < $3
            AND gross_minor <> royalty_minor + fee_minor + merchant_minor LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `gross ${r['g']} ≠ royalty ${r['r']} + fee ${r['f']} + merchant ${r['m']}`,
    );
    add(
      'LINE_POSTINGS',
      await q(
        `SELECT s.order_line_id::text AS ref, a.purpose, coalesce(sum(p.amount_minor), 0)::text AS posted,
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
          LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `${r['purpose']} posted ${r['posted']}, split says ${r['expected']}`,
    );
    add(
      'SHIPPING_POSTINGS',
      await q(
        `SELECT f.order_id::text || ':' || f.merchant_id::text AS ref, f.fee_minor::text AS fee,
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
          LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `shipping fee ${r['fee']}: clearing ${r['clearing']}, merchant payable ${r['payable']} (the fee goes whole to the merchant)`,
    );
    add(
      'REFUND_SPLIT',
      await q(
        `SELECT refund_id::text AS ref, amount_minor::text a,
                (royalty_reversal_minor + fee_reversal_minor + merchant_reversal_minor)::text s
           FROM sale_line_refunds WHERE currency = $1 AND refunded_at >= $2 AND refunded_at < $3
            AND amount_minor <> royalty_reversal_minor + fee_reversal_minor + merchant_reversal_minor LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `refund ${r['a']} ≠ reversals ${r['s']}`,
    );
    add(
      'LINE_REFUND_TOTALS',
      await q(
        `SELECT s.order_line_id::text AS ref, s.refunded_minor::text AS kept, coalesce(sum(r.amount_minor), 0)::text AS summed
           FROM sale_line_splits s LEFT JOIN sale_line_refunds r ON r.order_line_id = s.order_line_id
          WHERE s.currency = $1 AND s.paid_at >= $2 AND s.paid_at < $3
          GROUP BY s.order_line_id HAVING s.refunded_minor <> coalesce(sum(r.amount_minor), 0)
             OR s.royalty_reversed_minor <> coalesce(sum(r.royalty_reversal_minor), 0)
          LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `line keeps refunded ${r['kept']}, its refunds sum to ${r['summed']}`,
    );
    add(
      'PAYOUT_POSTINGS',
      await q(
        `SELECT po.id::text AS ref, po.status, po.amount_minor::text AS amount,
                coalesce(sum(p.amount_minor) FILTER (WHERE a.purpose = 'PAYOUTS_IN_TRANSIT'), 0)::text AS in_transit,
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
          LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `${r['status']} payout of ${r['amount']}: in transit nets ${r['in_transit']}, payable drawn ${r['payable']}${r['reversed'] === '0' ? '' : `, reversed ${r['reversed']}`}`,
    );
    add(
      'ENTRY_BALANCE',
      await q(
        `SELECT e.id::text AS ref, p.currency, sum(p.amount_minor)::text AS total
           FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
          WHERE e.occurred_at >= $2 AND e.occurred_at < $3 AND p.currency = $1
          GROUP BY e.id, p.currency HAVING sum(p.amount_minor) <> 0 LIMIT ${MAX_PER_CHECK}`,
      ),
      (r) => `${r['currency']} postings sum to ${r['total']}`,
    );
    add(
      'ACCOUNT_BALANCE',
      await q(
        `SELECT a.id::text AS ref, a.purpose, coalesce(a.party_id::text, 'platform') AS party, a.balance_minor::text AS kept,
                coalesce(sum(p.amount_minor), 0)::text AS summed
           FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
          WHERE a.currency = $1
          GROUP BY a.id HAVING a.balance_minor <> coalesce(sum(p.amount_minor), 0) LIMIT ${MAX_PER_CHECK}`,
        [period.currency],
      ),
      (r) => `${r['purpose']} of ${r['party']}: balance ${r['kept']}, postings sum to ${r['summed']}`,
    );

    const provider = await this.provider.check(period.currency, start, end);
    discrepancies.push(...provider.discrepancies);

    const money = (v: string | undefined) => MoneyType.from(Money.of(readMinorUnits(v ?? '0'), period.currency));
    const gross = readMinorUnits(totals?.['gross'] ?? '0');
    const shares = readMinorUnits(totals?.['royalty'] ?? '0') + readMinorUnits(totals?.['fee'] ?? '0') + readMinorUnits(totals?.['merchant'] ?? '0');
    if (gross !== shares) {
      discrepancies.unshift({ check: 'PERIOD_TOTALS', reference: `${period.from}..${period.to}`, detail: `gross ${gross} ≠ shares ${shares}` });
    }
    return {
      from: period.from,
      to: period.to,
      currency: period.currency,
      grossPaid: money(totals?.['gross']),
      royalties: money(totals?.['royalty']),
      platformFees: money(totals?.['fee']),
      merchantShares: money(totals?.['merchant']),
      refunded: money(totals?.['refunded']),
      providerPayments: provider.providerPayments,
      discrepancies,
    };
  }
}
