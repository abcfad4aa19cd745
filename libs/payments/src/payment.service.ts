import { Injectable } from '@nestjs/common';
import { Money, readMinorUnits } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { CreatePaymentInput, PaymentGateway, PaymentProvider, RefundInput, RefundStatus } from './payment-gateway';
import { PaymentEntity, RefundEntity } from './payment.entity';
import { recordPaymentIfAbsent } from './payment-records';
import { CAPTURED_STATUSES, isCaptured, PaymentStatus } from './payment-status';
import { PaymentsException } from './payments.exception';

export interface PaymentView {
  id: string;
  orderId: string;
  provider: PaymentProvider;
  providerPaymentId: string;
  amount: Money;
  refunded: Money;
  status: PaymentStatus;
}

export interface OpenedPayment extends PaymentView {
  clientSecret: string;
}

export interface RefundView {
  id: string;
  paymentId: string;
  providerRefundId: string;
  amount: Money;
  status: RefundStatus;
}

/**
 * The payments context's use cases for other contexts: open a payment for an order, refund part or all of it,
 * read an order's payments. Confirmation is not here: it arrives as a provider event and is published as
 * PaymentSucceeded / PaymentFailed / RefundSucceeded on the DomainEventBus.
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly dataSource: DataSource,
  ) {}

  /** Calls the provider first (no transaction is held open across the network), then records the payment. */
  async createPayment(input: CreatePaymentInput): Promise<OpenedPayment> {
    if (input.amount.isZero() || input.amount.isNegative()) throw PaymentsException.badInput('A payment must be for a positive amount');
    const created = await this.gateway.createPayment(input);
    const id = await recordPaymentIfAbsent(this.dataSource.manager, { ...input, provider: created.provider, providerPaymentId: created.providerPaymentId });
    // Recorded just now: it is what was asked for, awaiting payment. Otherwise read what the first recorder wrote.
    const payment: PaymentView = id
      ? { id, orderId: input.orderId, provider: created.provider, providerPaymentId: created.providerPaymentId, amount: input.amount, refunded: Money.zero(input.amount.currency), status: PaymentStatus.REQUIRES_PAYMENT }
      : toView(await this.dataSource.getRepository(PaymentEntity).findOneByOrFail({ providerPaymentId: created.providerPaymentId }));
    return { ...payment, clientSecret: created.clientSecret };
  }

  /**
   * Asks the provider to refund; the payment's refunded total and status change when the provider reports the refund
   * (RefundSucceeded), never here, so a retried call or a refund made at the provider cannot count twice.
   */
  async refund(input: RefundInput): Promise<RefundView> {
    if (input.amount.isZero() || input.amount.isNegative()) throw PaymentsException.badInput('A refund must be for a positive amount');
    const payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ providerPaymentId: input.providerPaymentId });
    if (!payment) throw PaymentsException.notFound('Payment', input.providerPaymentId);
    if (!isCaptured(payment.status)) throw PaymentsException.conflict(`A ${payment.status} payment cannot be refunded`);
    if (input.amount.currency !== payment.currency) throw PaymentsException.badInput(`The payment is in ${payment.currency}`);
    const earlier = await this.dataSource.getRepository(RefundEntity).findOneBy({ paymentId: payment.id, idempotencyKey: input.idempotencyKey });
    if (earlier) return toRefundView(earlier);
    const refundable = payment.amountMinor - (await this.committedRefunds(payment));
    if (input.amount.amountMinor > refundable) {
      throw PaymentsException.badInput('The refund exceeds what is left to refund', { refundable: Money.of(Math.max(refundable, 0), payment.currency).toJSON() });
    }
    const result = await this.gateway.refund(input);
    await this.dataSource.query(
      `INSERT INTO refunds (payment_id, provider_refund_id, amount_minor, currency, status, reason, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (provider_refund_id) DO NOTHING`,
      [payment.id, result.providerRefundId, input.amount.amountMinor, input.amount.currency, result.status, input.reason, input.idempotencyKey],
    );
    return toRefundView(await this.dataSource.getRepository(RefundEntity).findOneByOrFail({ providerRefundId: result.providerRefundId }));
  }

  /**
   * What is already promised back: the provider's refunded total, or our succeeded refunds when the provider's news
   * has not arrived yet, whichever is larger, plus refunds still pending.
   */
  private async committedRefunds(payment: PaymentEntity): Promise<number> {
    const [row] = await this.dataSource.query<{ succeeded: string; pending: string }[]>(
      `SELECT coalesce(sum(amount_minor) FILTER (WHERE status = 'SUCCEEDED'), 0) AS succeeded,
              coalesce(sum(amount_minor) FILTER (WHERE status = 'PENDING'), 0) AS pending
       FROM refunds WHERE payment_id = $1`,
      [payment.id],
    );
    return Math.max(payment.refundedMinor, readMinorUnits(row?.succeeded ?? 0)) + readMinorUnits(row?.pending ?? 0);
  }

  /**
   * For reconciliation with the provider: the provider ids of each order's captured payments through this process's
   * gateway (oldest first), and the order each known provider payment belongs to.
   */
  async capturedPaymentIdsByOrder(orderIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = (await this.dataSource.query(
      `SELECT order_id::text AS "orderId", array_agg(provider_payment_id ORDER BY created_at) AS ids
         FROM payments WHERE order_id = ANY($1::uuid[]) AND provider = $2 AND status = ANY($3)
        GROUP BY order_id`,
      [orderIds, this.gateway.provider, CAPTURED_STATUSES],
    )) as { orderId: string; ids: string[] }[];
    return new Map(rows.map((r) => [r.orderId, r.ids]));
  }

  async orderIdsOfPayments(providerPaymentIds: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(
      `SELECT provider_payment_id AS "providerPaymentId", order_id::text AS "orderId" FROM payments WHERE provider_payment_id = ANY($1::text[])`,
      [providerPaymentIds],
    )) as { providerPaymentId: string; orderId: string }[];
    return new Map(rows.map((r) => [r.providerPaymentId, r.orderId]));
  }

  async paymentsOfOrder(orderId: string): Promise<PaymentView[]> {
    const payments = await this.dataSource.getRepository(PaymentEntity).find({ where: { orderId }, order: { createdAt: 'ASC' } });
    return payments.map(toView);
  }
}

function toView(payment: PaymentEntity): PaymentView {
  return {
    id: payment.id,
    orderId: payment.orderId,
    provider: payment.provider,
    providerPaymentId: payment.providerPaymentId,
    amount: payment.amount,
    refunded: payment.refunded,
    status: payment.status,
  };
}

function toRefundView(refund: RefundEntity): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    providerRefundId: refund.providerRefundId,
    amount: Money.of(refund.amountMinor, refund.currency),
    status: refund.status,
  };
}
