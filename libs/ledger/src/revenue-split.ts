import { bps, BPS_DENOMINATOR, DomainError, Money } from '@chedun/kernel';

/** Who earns what of one paid order line (DESIGN §2). The merchant's share absorbs the rounding. */
export interface LineSplit {
  readonly gross: Money;
  readonly royalty: Money;
  readonly fee: Money;
  readonly merchant: Money;
}

/** What one refund takes back from each share, by the cumulative method. */
export interface RefundReversal {
  readonly amount: Money;
  readonly royalty: Money;
  readonly fee: Money;
  readonly merchant: Money;
}

/** The side of an account a posting moves: positive debits, negative credits; an entry's postings sum to zero. */
export type SplitPostingPurpose =
  'PAYMENT_CLEARING' | 'STUDIO_ROYALTIES_PAYABLE' | 'PLATFORM_FEE_REVENUE' | 'MERCHANT_PAYABLE';

export interface SplitPosting {
  readonly purpose: SplitPostingPurpose;
  readonly amount: Money;
}

/**
 * R = floor(G × royalty_bps / 10 000), P = floor(G × platform_bps / 10 000), M = G − R − P.
 * A royalty and a fee that together exceed the line would leave the merchant owing on its own sale: refused.
 */
export function splitLine(gross: Money, royaltyBps: number, platformFeeBps: number): LineSplit {
  if (gross.isNegative())
    throw DomainError.badInput('A paid line cannot be negative', { grossMinor: gross.amountMinor });
  const royaltyRate = bps(royaltyBps);
  const feeRate = bps(platformFeeBps);
  if (royaltyRate + feeRate > BPS_DENOMINATOR) {
    throw DomainError.conflict('Royalty and platform fee together exceed the line', { royaltyBps, platformFeeBps });
  }
  const royalty = royaltyOf(gross, royaltyBps);
  const fee = gross.shareAt(feeRate);
  return { gross, royalty, fee, merchant: gross.minus(royalty).minus(fee) };
}

/**
 * R = floor(G × royalty_bps / 10 000): the one royalty rule, for a line sold here (`splitLine`) and for a line a
 * merchant reports from its own counter or another shop.
 */
export function royaltyOf(gross: Money, royaltyBps: number): Money {
  if (gross.isNegative()) throw DomainError.badInput('A sale cannot be negative', { grossMinor: gross.amountMinor });
  return gross.shareAt(bps(royaltyBps));
}

/** The side of each account an accepted sales report moves (see `reportedRoyaltyPostings`). */
export type ReportedRoyaltyPostingPurpose =
  'STUDIO_ROYALTIES_PAYABLE' | 'MERCHANT_PAYABLE' | 'MERCHANT_ROYALTIES_RECEIVABLE';

export interface ReportedRoyaltyPosting {
  readonly purpose: ReportedRoyaltyPostingPurpose;
  readonly amount: Money;
}

/**
 * An accepted sales report's entry: the studio is owed the royalty (credit its payable); the merchant pays it first
 * out of what the platform owes it (debit its payable, at most what that payable holds, `payableAvailable`), and
 * owes the rest, which is invoiced (debit its royalties receivable). No money moves through clearing: the goods
 * were paid for elsewhere.
 */
export function reportedRoyaltyPostings(royalty: Money, payableAvailable: Money): ReportedRoyaltyPosting[] {
  if (royalty.isNegative())
    throw DomainError.badInput('A royalty cannot be negative', { royaltyMinor: royalty.amountMinor });
  const available = Math.max(0, payableAvailable.amountMinor);
  const taken = Money.of(Math.min(royalty.amountMinor, available), royalty.currency);
  const invoiced = royalty.minus(taken);
  return [
    { purpose: 'STUDIO_ROYALTIES_PAYABLE' as const, amount: royalty.negate() },
    { purpose: 'MERCHANT_PAYABLE' as const, amount: taken },
    { purpose: 'MERCHANT_ROYALTIES_RECEIVABLE' as const, amount: invoiced },
  ].filter((p) => !p.amount.isZero());
}

/**
 * The shares of a line already taken back once `refunded` of its gross has been refunded: floor(S × x / G) for the
 * royalty and the fee, the rest of `refunded` for the merchant, mirroring how M takes the rest of G. At x = G every
 * share is reversed exactly.
 */
export function cumulativeReversal(split: LineSplit, refundedMinor: number): RefundReversal {
  const g = split.gross.amountMinor;
  if (!Number.isSafeInteger(refundedMinor) || refundedMinor < 0 || refundedMinor > g) {
    throw DomainError.badInput('A line cannot be refunded beyond its amount', { refundedMinor, grossMinor: g });
  }
  const amount = Money.of(refundedMinor, split.gross.currency);
  if (g === 0) return { amount, royalty: amount, fee: amount, merchant: amount };
  const royalty = split.royalty.scaledFloor(refundedMinor, g);
  const fee = split.fee.scaledFloor(refundedMinor, g);
  return { amount, royalty, fee, merchant: amount.minus(royalty).minus(fee) };
}

/** reversal = share(refunded_after) − share(refunded_before), for each share. */
export function refundReversal(
  split: LineSplit,
  refundedBeforeMinor: number,
  refundedAfterMinor: number,
): RefundReversal {
  if (refundedAfterMinor <= refundedBeforeMinor) {
    throw DomainError.badInput('A refund must take back a positive amount', {
      refundedBeforeMinor,
      refundedAfterMinor,
    });
  }
  const before = cumulativeReversal(split, refundedBeforeMinor);
  const after = cumulativeReversal(split, refundedAfterMinor);
  return {
    amount: after.amount.minus(before.amount),
    royalty: after.royalty.minus(before.royalty),
    fee: after.fee.minus(before.fee),
    merchant: after.merchant.minus(before.merchant),
  };
}

/** The sale's journal entry: the money arrives in clearing and is owed onward to the studio, platform and merchant. */
export function salePostings(split: LineSplit): SplitPosting[] {
  return nonZero([
    { purpose: 'PAYMENT_CLEARING', amount: split.gross },
    { purpose: 'STUDIO_ROYALTIES_PAYABLE', amount: split.royalty.negate() },
    { purpose: 'PLATFORM_FEE_REVENUE', amount: split.fee.negate() },
    { purpose: 'MERCHANT_PAYABLE', amount: split.merchant.negate() },
  ]);
}

/** A refund's journal entry: the exact mirror of the part of the sale it takes back. */
export function refundPostings(reversal: RefundReversal): SplitPosting[] {
  return nonZero([
    { purpose: 'PAYMENT_CLEARING', amount: reversal.amount.negate() },
    { purpose: 'STUDIO_ROYALTIES_PAYABLE', amount: reversal.royalty },
    { purpose: 'PLATFORM_FEE_REVENUE', amount: reversal.fee },
    { purpose: 'MERCHANT_PAYABLE', amount: reversal.merchant },
  ]);
}

function nonZero(postings: SplitPosting[]): SplitPosting[] {
  return postings.filter((p) => !p.amount.isZero());
}

/**
 * A merchant's shipping fee on a paid order: all of it is the merchant's revenue. No royalty (the studio licensed
 * the goods, not the parcel) and no platform fee (it applies to goods only), so clearing is owed onward whole.
 */
export function shippingFeePostings(fee: Money): SplitPosting[] {
  if (fee.isNegative()) throw DomainError.badInput('A shipping fee cannot be negative', { feeMinor: fee.amountMinor });
  return nonZero([
    { purpose: 'PAYMENT_CLEARING', amount: fee },
    { purpose: 'MERCHANT_PAYABLE', amount: fee.negate() },
  ]);
}

/**
 * A merchant's shipping fee given back to the buyer (its part of the order refunded in full before anything shipped):
 * the exact mirror of the fee's sale entry, the whole fee from the merchant's payable back out of clearing.
 */
export function shippingFeeRefundPostings(fee: Money): SplitPosting[] {
  return shippingFeePostings(fee).map((p) => ({ purpose: p.purpose, amount: p.amount.negate() }));
}
