/**
 * Published language between orders (publisher) and ledger (subscriber). Orders publishes these through the
 * DomainEventBus inside the transaction that makes the change, so no paid line or refund can miss its postings.
 * Amounts are integer minor units in `currency`.
 */
export interface PaidOrderLine {
  readonly orderLineId: string;
  readonly productId: string;
  readonly productName: string;
  /** The product's Chinese name as bought; absent or null when it had none. */
  readonly productNameZh?: string | null;
  readonly merchantId: string;
  readonly studioId: string;
  readonly licenseId: string;
  readonly filmIpId: string;
  /** Net amount G of the line (unit price × quantity, after any discount). */
  readonly netMinor: number;
  /** The license's royalty rate as signed, not today's offer. */
  readonly royaltyBps: number;
}

/** One merchant's shipping fee on a paid order: its revenue alone, with no royalty and no platform fee. */
export interface PaidShippingFee {
  readonly merchantId: string;
  readonly feeMinor: number;
}

export interface OrderPaid {
  readonly type: 'OrderPaid';
  readonly orderId: string;
  readonly buyerUserId: string;
  readonly currency: string;
  readonly paidAt: Date;
  readonly lines: readonly PaidOrderLine[];
  /** Absent or empty when nothing was shipped for a fee; the order's total is its lines plus these. */
  readonly shippingFees?: readonly PaidShippingFee[];
}

/** An unpaid order was cancelled and its reservations went back to stock; reason EXPIRED when its reservation lapsed. */
export interface OrderCancelled {
  readonly type: 'OrderCancelled';
  readonly orderId: string;
  readonly reason: string;
  readonly cancelledAt: Date;
}

export interface OrderLineRefunded {
  readonly type: 'OrderLineRefunded';
  readonly orderId: string;
  readonly orderLineId: string;
  readonly refundId: string;
  readonly currency: string;
  /** Amount refunded by this refund. */
  readonly amountMinor: number;
  /** Cumulative refunded amount of the line before and after this refund (DESIGN §2 cumulative method). */
  readonly refundedBeforeMinor: number;
  readonly refundedAfterMinor: number;
  readonly refundedAt: Date;
  /**
   * The line's merchant's shipping fee, whole, given back with this refund: it completed that merchant's part of the
   * order (every merchandise line refunded in full) before anything of it was shipped or handed over. Absent otherwise.
   */
  readonly shippingFee?: PaidShippingFee;
}
