import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { Money, MoneyType } from '@chedun/kernel';
import { LedgerPolicy } from './ledger.policy';
import { Reconciliation, ReconciliationDiscrepancy } from './ledger.types';
import { ProviderReconciliationService } from './provider-reconciliation.service';
import { ReconciledPeriod, ReconciliationRepository } from './reconciliation.repository';
import { shanghaiRange } from './shanghai-period';
import type { Period } from './ledger-views.service';

/** At most this many discrepancies of one check are listed; a broken ledger should not become a huge response. */
const MAX_PER_CHECK = 100;

/** One invariant of the books: its name (the discrepancy's `check`) and how to find what breaks it. */
interface LedgerCheck {
  check: string;
  find: (
    books: ReconciliationRepository,
    period: ReconciledPeriod,
  ) => Promise<Omit<ReconciliationDiscrepancy, 'check'>[]>;
}

/** The journal's own invariants, in the order their discrepancies are listed. */
const LEDGER_CHECKS: readonly LedgerCheck[] = [
  {
    // Each line's split adds up.
    check: 'LINE_SPLIT',
    find: async (books, period) =>
      (await books.linesWhoseSharesMissTheGross(period, MAX_PER_CHECK)).map((l) => ({
        reference: l.orderLineId,
        detail: `gross ${l.grossMinor} ≠ royalty ${l.royaltyMinor} + fee ${l.feeMinor} + merchant ${l.merchantMinor}`,
      })),
  },
  {
    // Each line was posted exactly as its split records.
    check: 'LINE_POSTINGS',
    find: async (books, period) =>
      (await books.linesPostedOtherwiseThanSplit(period, MAX_PER_CHECK)).map((l) => ({
        reference: l.orderLineId,
        detail: `${l.purpose} posted ${l.postedMinor}, split says ${l.expectedMinor}`,
      })),
  },
  {
    // Each shipping fee went whole from clearing to its merchant's payable: no royalty, no platform fee.
    check: 'SHIPPING_POSTINGS',
    find: async (books, period) =>
      (await books.shippingFeesPostedOtherwise(period, MAX_PER_CHECK)).map((f) => ({
        reference: `${f.orderId}:${f.merchantId}`,
        detail: `shipping fee ${f.feeMinor}: clearing ${f.clearingMinor}, merchant payable ${f.payableMinor} (the fee goes whole to the merchant)`,
      })),
  },
  {
    // Each shipping fee given back came whole out of its merchant's payable, once.
    check: 'SHIPPING_POSTINGS',
    find: async (books, period) =>
      (await books.shippingFeeRefundsPostedOtherwise(period, MAX_PER_CHECK)).map((f) => ({
        reference: `${f.orderId}:${f.merchantId}:refund`,
        detail: `shipping fee ${f.feeMinor} refunded: clearing ${f.clearingMinor}, merchant payable ${f.payableMinor} (the fee comes back whole)`,
      })),
  },
  {
    // Each refund's reversals add up to it.
    check: 'REFUND_SPLIT',
    find: async (books, period) =>
      (await books.refundsWhoseReversalsMissTheAmount(period, MAX_PER_CHECK)).map((r) => ({
        reference: r.refundId,
        detail: `refund ${r.amountMinor} ≠ reversals ${r.reversalsMinor}`,
      })),
  },
  {
    // Each line's running refund totals are its refunds'.
    check: 'LINE_REFUND_TOTALS',
    find: async (books, period) =>
      (await books.linesWhoseRefundTotalsDrift(period, MAX_PER_CHECK)).map((l) => ({
        reference: l.orderLineId,
        detail: `line keeps refunded ${l.keptMinor}, its refunds sum to ${l.summedMinor}`,
      })),
  },
  {
    // Each payout's journal matches its status.
    check: 'PAYOUT_POSTINGS',
    find: async (books, period) =>
      (await books.payoutsWhoseEntriesMissTheirStatus(period, MAX_PER_CHECK)).map((p) => ({
        reference: p.payoutId,
        detail:
          `${p.status} payout of ${p.amountMinor}: in transit nets ${p.inTransitMinor}, payable drawn ${p.payableMinor}` +
          (p.reversedMinor === 0 ? '' : `, reversed ${p.reversedMinor}`),
      })),
  },
  {
    // Each entry balances.
    check: 'ENTRY_BALANCE',
    find: async (books, period) =>
      (await books.unbalancedEntries(period, MAX_PER_CHECK)).map((e) => ({
        reference: e.entryId,
        detail: `${e.currency} postings sum to ${e.totalMinor}`,
      })),
  },
  {
    // Each account's balance is the sum of its postings, over all time: a balance is cumulative.
    check: 'ACCOUNT_BALANCE',
    find: async (books, period) =>
      (await books.accountsWhoseBalanceDrifts(period.currency, MAX_PER_CHECK)).map((a) => ({
        reference: a.accountId,
        detail: `${a.purpose} of ${a.party}: balance ${a.keptMinor}, postings sum to ${a.summedMinor}`,
      })),
  },
];

/**
 * Proves the books for a period: the journal's invariants (`LEDGER_CHECKS`), the period's totals, and that the
 * payment provider's payments match the period's paid orders (`ProviderReconciliationService`).
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly books: ReconciliationRepository,
    private readonly provider: ProviderReconciliationService,
  ) {}

  async reconcile(actor: Actor, period: Period): Promise<Reconciliation> {
    LedgerPolicy.platformOnly(actor);
    const { start, end } = shanghaiRange(period.from, period.to);
    const range: ReconciledPeriod = { currency: period.currency, start, end };

    const totals = await this.books.periodTotals(range);
    const discrepancies: ReconciliationDiscrepancy[] = [];
    for (const { check, find } of LEDGER_CHECKS) {
      for (const found of await find(this.books, range)) discrepancies.push({ check, ...found });
    }
    const provider = await this.provider.check(period.currency, start, end);
    discrepancies.push(...provider.discrepancies);

    const shares = totals.royaltyMinor + totals.feeMinor + totals.merchantMinor;
    if (totals.grossMinor !== shares) {
      discrepancies.unshift({
        check: 'PERIOD_TOTALS',
        reference: `${period.from}..${period.to}`,
        detail: `gross ${totals.grossMinor} ≠ shares ${shares}`,
      });
    }
    const money = (v: number) => MoneyType.from(Money.of(v, period.currency));
    return {
      from: period.from,
      to: period.to,
      currency: period.currency,
      grossPaid: money(totals.grossMinor),
      royalties: money(totals.royaltyMinor),
      platformFees: money(totals.feeMinor),
      merchantShares: money(totals.merchantMinor),
      refunded: money(totals.refundedMinor),
      providerPayments: provider.providerPayments,
      discrepancies,
    };
  }
}
