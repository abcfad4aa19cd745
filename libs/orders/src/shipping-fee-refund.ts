/** A merchandise line of one merchant's part of an order, as a refund of one of them is recorded. */
export interface MerchantPartLine {
  id: string;
  netMinor: number;
  /** What is refunded of it, or being refunded (refunds still PENDING with the provider). */
  committedMinor: number;
  /** Shipped or picked up. */
  handedOver: boolean;
}

/** One merchant's part of an order: its shipping fee and its merchandise lines. */
export interface MerchantPart {
  feeMinor: number;
  /** A live refund (PENDING or SUCCEEDED) already carries the fee. */
  feeAlreadyRefunded: boolean;
  lines: readonly MerchantPartLine[];
}

/**
 * The shipping fee a line refund gives back with it, as a marketplace buyer expects (Taobao/Tmall practice): the whole
 * fee when this refund completes the merchant's part, every merchandise line of that merchant refunded in full (this
 * refund and those in flight counted), and nothing of it was shipped or handed over; else 0. Once any line travelled
 * the fee is kept: the parcel went out. The fee goes back once, with the refund that completes the part, so the buyer
 * sees one refund for the last goods and the fee together.
 */
export function shippingFeeToRefund(part: MerchantPart, refund: { orderLineId: string; amountMinor: number }): number {
  if (part.feeMinor <= 0 || part.feeAlreadyRefunded) return 0;
  if (!part.lines.some((l) => l.id === refund.orderLineId)) return 0;
  if (part.lines.some((l) => l.handedOver)) return 0;
  const complete = part.lines.every(
    (l) => l.committedMinor + (l.id === refund.orderLineId ? refund.amountMinor : 0) >= l.netMinor,
  );
  return complete ? part.feeMinor : 0;
}
