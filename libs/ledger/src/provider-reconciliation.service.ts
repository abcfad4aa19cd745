import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isId, Money } from '@chedun/kernel';
import { PaymentGateway, ProviderPaymentRecord } from '@chedun/payments';
import { DataSource } from 'typeorm';
import { ReconciliationDiscrepancy } from './ledger.types';
import { minor } from './royalty-report.service';

/** A checkout's payment is created before the order is paid, at most a reservation's lifetime (≤ 24 h) earlier. */
const PAYMENT_LOOKBACK_MS = 24 * 3600 * 1000;
const MAX_PER_KIND = 100;
/** Order statuses in which the order has been paid (and maybe refunded since). */
const PAID_STATUSES = ['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED'];

export const ProviderCheck = {
  /** The provider took the money, but the order is not paid (a lost webhook, or a payment after cancellation). */
  PROVIDER_PAID_ORDER_NOT_PAID: 'PROVIDER_PAID_ORDER_NOT_PAID',
  /** The order is paid, but the provider has no succeeded payment for it. */
  ORDER_PAID_WITHOUT_PROVIDER_PAYMENT: 'ORDER_PAID_WITHOUT_PROVIDER_PAYMENT',
  /** The provider took a different amount or currency than the order's total. */
  PROVIDER_AMOUNT_MISMATCH: 'PROVIDER_AMOUNT_MISMATCH',
  /** The provider refunded a different total than the ledger reversed for the order. */
  PROVIDER_REFUND_MISMATCH: 'PROVIDER_REFUND_MISMATCH',
} as const;

interface PaidOrderRow {
  order_id: string;
  total: string;
  currency: string;
  payment_ids: string[] | null;
  refunded: string;
}

/**
 * Proves the provider's payments match the orders: every order paid in the period has succeeded provider payments
 * summing to its total, in its currency, whose refunded total is what the ledger reversed for it; and every payment
 * the provider took in the period belongs to a paid order.
 */
@Injectable()
export class ProviderReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: PaymentGateway,
  ) {}

  async check(currency: string, start: Date, end: Date): Promise<{ providerPayments: number; discrepancies: ReconciliationDiscrepancy[] }> {
    const listed = await this.gateway.listSucceededPayments({ from: new Date(start.getTime() - PAYMENT_LOOKBACK_MS), to: end });
    const byId = new Map(listed.map((p) => [p.providerPaymentId, p]));
    const orders = (await this.dataSource.query(
      `SELECT o.id::text AS order_id, o.total_minor::text AS total, o.currency,
              (SELECT array_agg(p.provider_payment_id ORDER BY p.created_at) FROM payments p
                WHERE p.order_id = o.id AND p.provider = $4 AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')) AS payment_ids,
              (SELECT coalesce(sum(r.amount_minor), 0) FROM sale_line_refunds r
                 JOIN sale_line_splits s ON s.order_line_id = r.order_line_id WHERE s.order_id = o.id)::text AS refunded
         FROM orders o
        WHERE o.currency = $1 AND o.paid_at >= $2 AND o.paid_at < $3 AND o.status = ANY($5)
        ORDER BY o.paid_at, o.id`,
      [currency, start, end, this.gateway.provider, PAID_STATUSES],
    )) as PaidOrderRow[];

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
    for (const order of orders) {
      const payments = (order.payment_ids ?? []).map((id) => byId.get(id)).filter((p): p is ProviderPaymentRecord => p !== undefined);
      for (const p of payments) matched.add(p.providerPaymentId);
      providerPayments += payments.length;
      if (payments.length === 0) {
        add('ORDER_PAID_WITHOUT_PROVIDER_PAYMENT', order.order_id, `order paid ${order.total} ${order.currency}; the provider has no succeeded payment for it`);
        continue;
      }
      const total = Money.of(minor(order.total), order.currency);
      const currencies = new Set<string>(payments.map((p) => p.amount.currency));
      if (currencies.size !== 1 || !currencies.has(order.currency)) {
        add('PROVIDER_AMOUNT_MISMATCH', order.order_id, `order in ${order.currency}; provider took ${payments.map((p) => `${p.amount.amountMinor} ${p.amount.currency}`).join(' + ')}`);
        continue;
      }
      const taken = payments.reduce((sum, p) => sum.plus(p.amount), Money.zero(total.currency));
      if (!taken.equals(total)) {
        add('PROVIDER_AMOUNT_MISMATCH', order.order_id, `order total ${total.amountMinor}, provider took ${taken.amountMinor} (${payments.map((p) => p.providerPaymentId).join(', ')})`);
      }
      const refunded = payments.reduce((sum, p) => sum.plus(p.refunded), Money.zero(total.currency));
      if (refunded.amountMinor !== minor(order.refunded)) {
        add('PROVIDER_REFUND_MISMATCH', order.order_id, `provider refunded ${refunded.amountMinor}, ledger reversed ${order.refunded}`);
      }
    }

    const unmatched = listed.filter((p) => !matched.has(p.providerPaymentId) && p.createdAt >= start && p.createdAt < end && p.amount.currency === currency);
    if (unmatched.length > 0) {
      const known = (await this.dataSource.query(
        `SELECT u.provider_payment_id, o.id::text AS order_id, o.status
           FROM unnest($1::text[], $2::uuid[]) AS u(provider_payment_id, metadata_order_id)
           LEFT JOIN payments p ON p.provider_payment_id = u.provider_payment_id
           LEFT JOIN orders o ON o.id = coalesce(p.order_id, u.metadata_order_id)`,
        [unmatched.map((p) => p.providerPaymentId), unmatched.map((p) => (p.orderId && isId(p.orderId) ? p.orderId : null))],
      )) as { provider_payment_id: string; order_id: string | null; status: string | null }[];
      const orderOf = new Map(known.map((k) => [k.provider_payment_id, k]));
      for (const p of unmatched) {
        const o = orderOf.get(p.providerPaymentId);
        // Paid in another period: that period's reconciliation matches it.
        if (o?.status && PAID_STATUSES.includes(o.status)) continue;
        add(
          'PROVIDER_PAID_ORDER_NOT_PAID',
          p.providerPaymentId,
          o?.order_id ? `provider took ${p.amount.amountMinor} ${p.amount.currency}; order ${o.order_id} is ${o.status}` : `provider took ${p.amount.amountMinor} ${p.amount.currency} for no known order`,
        );
      }
    }
    return { providerPayments, discrepancies: Object.values(found).flat() };
  }
}
