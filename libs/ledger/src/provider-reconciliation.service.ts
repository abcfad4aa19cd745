import { Injectable } from '@nestjs/common';
import { isId, Money } from '@chedun/kernel';
import { OrderQueryService, PAID_OR_REFUNDED } from '@chedun/orders';
import { PaymentGateway, PaymentService, ProviderPaymentRecord } from '@chedun/payments';
import { ReconciliationDiscrepancy } from './ledger.types';
import { SaleLineRepository } from './sale-line.repository';

/** A checkout's payment is created before the order is paid, at most a reservation's lifetime (≤ 24 h) earlier. */
const PAYMENT_LOOKBACK_MS = 24 * 3600 * 1000;
const MAX_PER_KIND = 100;

export const ProviderCheck = {
  /**
   * The provider took the money, but the order is not paid (a lost webhook, or a payment after cancellation not yet
   * refunded in full; one refunded in full is settled).
   */
  PROVIDER_PAID_ORDER_NOT_PAID: 'PROVIDER_PAID_ORDER_NOT_PAID',
  /** The order is paid, but the provider has no succeeded payment for it. */
  ORDER_PAID_WITHOUT_PROVIDER_PAYMENT: 'ORDER_PAID_WITHOUT_PROVIDER_PAYMENT',
  /** The provider took a different amount or currency than the order's total. */
  PROVIDER_AMOUNT_MISMATCH: 'PROVIDER_AMOUNT_MISMATCH',
  /** The provider refunded a different total than the ledger reversed for the order. */
  PROVIDER_REFUND_MISMATCH: 'PROVIDER_REFUND_MISMATCH',
} as const;

/**
 * Proves the provider's payments match the orders: every order paid in the period has succeeded provider payments
 * summing to its total, in its currency, whose refunded total is what the ledger reversed for it; and every payment
 * the provider took in the period belongs to a paid order, or went back in full to the buyer of an order not paid
 * (a late payment refunded). Orders and payments are read through their contexts'
 * services; the refunds reversed are the ledger's own rows.
 */
@Injectable()
export class ProviderReconciliationService {
  constructor(
    private readonly saleLines: SaleLineRepository,
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentService,
    private readonly orders: OrderQueryService,
  ) {}

  async check(
    currency: string,
    start: Date,
    end: Date,
  ): Promise<{ providerPayments: number; discrepancies: ReconciliationDiscrepancy[] }> {
    const listed = await this.gateway.listSucceededPayments({
      from: new Date(start.getTime() - PAYMENT_LOOKBACK_MS),
      to: end,
    });
    const byId = new Map(listed.map((p) => [p.providerPaymentId, p]));
    const paid = await this.orders.paidBetween(currency, start, end);
    const orderIds = paid.map((o) => o.orderId);
    const paymentIds = await this.payments.capturedPaymentIdsByOrder(orderIds);
    const reversed = await this.saleLines.refundedByOrder(orderIds);

    const found: Record<keyof typeof ProviderCheck, ReconciliationDiscrepancy[]> = {
      PROVIDER_PAID_ORDER_NOT_PAID: [],
      ORDER_PAID_WITHOUT_PROVIDER_PAYMENT: [],
      PROVIDER_AMOUNT_MISMATCH: [],
      PROVIDER_REFUND_MISMATCH: [],
    };
    const add = (check: keyof typeof ProviderCheck, reference: string, detail: string) => {
      if (found[check].length < MAX_PER_KIND) found[check].push({ check, reference, detail });
    };

    const matched = new Set<string>();
    let providerPayments = 0;
    for (const order of paid) {
      const payments = (paymentIds.get(order.orderId) ?? [])
        .map((id) => byId.get(id))
        .filter((p): p is ProviderPaymentRecord => p !== undefined);
      for (const p of payments) matched.add(p.providerPaymentId);
      providerPayments += payments.length;
      if (payments.length === 0) {
        add(
          'ORDER_PAID_WITHOUT_PROVIDER_PAYMENT',
          order.orderId,
          `order paid ${order.totalMinor} ${currency}; the provider has no succeeded payment for it`,
        );
        continue;
      }
      const total = Money.of(order.totalMinor, currency);
      const currencies = new Set<string>(payments.map((p) => p.amount.currency));
      if (currencies.size !== 1 || !currencies.has(currency)) {
        add(
          'PROVIDER_AMOUNT_MISMATCH',
          order.orderId,
          `order in ${currency}; provider took ${payments.map((p) => `${p.amount.amountMinor} ${p.amount.currency}`).join(' + ')}`,
        );
        continue;
      }
      const taken = payments.reduce((sum, p) => sum.plus(p.amount), Money.zero(total.currency));
      if (!taken.equals(total)) {
        add(
          'PROVIDER_AMOUNT_MISMATCH',
          order.orderId,
          `order total ${total.amountMinor}, provider took ${taken.amountMinor} (${payments.map((p) => p.providerPaymentId).join(', ')})`,
        );
      }
      const refunded = payments.reduce((sum, p) => sum.plus(p.refunded), Money.zero(total.currency));
      const ledgerReversed = reversed.get(order.orderId) ?? 0;
      if (refunded.amountMinor !== ledgerReversed) {
        add(
          'PROVIDER_REFUND_MISMATCH',
          order.orderId,
          `provider refunded ${refunded.amountMinor}, ledger reversed ${ledgerReversed}`,
        );
      }
    }

    const unmatched = listed.filter(
      (p) =>
        !matched.has(p.providerPaymentId) &&
        p.createdAt >= start &&
        p.createdAt < end &&
        p.amount.currency === currency,
    );
    if (unmatched.length > 0) {
      const orderOfPayment = await this.payments.orderIdsOfPayments(unmatched.map((p) => p.providerPaymentId));
      // A payment we never recorded may still name its order in the provider's metadata.
      const orderIdOf = (p: ProviderPaymentRecord) =>
        orderOfPayment.get(p.providerPaymentId) ?? (p.orderId && isId(p.orderId) ? p.orderId : null);
      const statuses = await this.orders.statusesOf(unmatched.map(orderIdOf).filter((id): id is string => id !== null));
      for (const p of unmatched) {
        const orderId = orderIdOf(p);
        const status = orderId ? statuses.get(orderId) : undefined;
        // Paid in another period: that period's reconciliation matches it.
        if (status && PAID_OR_REFUNDED.includes(status)) continue;
        // A payment that came after its order was cancelled and went back to the buyer in full: nothing is owed.
        if (status && p.refunded.currency === p.amount.currency && p.refunded.amountMinor >= p.amount.amountMinor)
          continue;
        add(
          'PROVIDER_PAID_ORDER_NOT_PAID',
          p.providerPaymentId,
          orderId && status
            ? `provider took ${p.amount.amountMinor} ${p.amount.currency}; order ${orderId} is ${status}`
            : `provider took ${p.amount.amountMinor} ${p.amount.currency} for no known order`,
        );
      }
    }
    return { providerPayments, discrepancies: Object.values(found).flat() };
  }
}
