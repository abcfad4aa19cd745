import { DomainError } from './domain-error';

/**
 * The ceilings every amount is checked against at the edge (DESIGN §2 Limits), configured in libs/config.
 *
 * Why no sum the ledger computes can leave the safe-integer range (2^53 − 1 ≈ 9.007e15 minor units):
 * - a unit price, an advance and a minimum guarantee are each at most `amountCeilingMinor`;
 * - an order's total is at most `orderTotalCeilingMinor` (checked at checkout), so every line's net, every share
 *   of it (royalty, fee, merchant: each ≤ the net) and every refund of it (≤ the net) is too;
 * - a journal entry, a statement line, a payout or a reconciliation total is a sum of such per-order amounts and of
 *   advances and guarantees, and Postgres adds them in bigint/numeric, which cannot overflow before 9.2e18.
 * So a sum read back into JavaScript reaches 2^53 only after ⌊(2^53 − 1) / orderTotalCeilingMinor⌋ paid orders of
 * the largest size into one account and currency: 9,007,199 orders of ¥10,000,000 at the defaults, ¥90 trillion of
 * real payments. Before these ceilings a single order of 2^53 − 1 fen broke every report for good.
 * If it ever happened anyway, `readMinorUnits` refuses the value (INTERNAL, logged) rather than round it.
 */
export interface AmountLimits {
  /** Unit prices (variants, ticket types), advances and minimum guarantees. */
  amountCeilingMinor: number;
  /** One order's total: the sum of unit price × quantity over its lines. */
  orderTotalCeilingMinor: number;
}

/** ¥1,000,000 per price, advance or guarantee; ¥10,000,000 per order. */
export const DEFAULT_AMOUNT_LIMITS: AmountLimits = {
  amountCeilingMinor: 100_000_000,
  orderTotalCeilingMinor: 1_000_000_000,
};

/**
 * How high configuration may set either ceiling (¥100,000,000): keeps the overflow point above 900,000 orders of
 * the largest size even when an operator raises the ceilings.
 */
export const MAX_CONFIGURABLE_CEILING_MINOR = 10_000_000_000;

/** BAD_USER_INPUT naming the field when `amountMinor` is above `ceilingMinor`. */
export function assertWithinCeiling(amountMinor: number, ceilingMinor: number, field: string): void {
  if (amountMinor > ceilingMinor) {
    throw DomainError.badInput(`${field} must be at most ${ceilingMinor} minor units`, { field, ceilingMinor });
  }
}

/** Paid orders of the largest size it takes for a running sum to leave the safe-integer range. */
export function ordersBeforeUnsafeSum(limits: AmountLimits): number {
  return Math.floor(Number.MAX_SAFE_INTEGER / limits.orderTotalCeilingMinor);
}
