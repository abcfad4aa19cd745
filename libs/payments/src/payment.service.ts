import { Injectable } from '@nestjs/common';
import { Money } from '@chedun/kernel';
import { CreatePaymentInput, PaymentGateway, PaymentProvider, RefundInput, RefundStatus } from './payment-gateway';
import { PaymentEntity, RefundEntity } from './payment.entity';
import { PaymentRepository } from './payment.repository';
import { CAPTURED_STATUSES, isCaptured, PaymentStatus } from './payment-status';
import { PaymentsException } from './payments.exception';
import { RefundRepository } from './refund.repository';

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
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
  ) {}

  /** Calls the provider first (no transaction is held open across the network), then records the payment. */
  async createPayment(input: CreatePaymentInput): Promise<OpenedPayment> {
    if (input.amount.isZero() || input.amount.isNegative())
      throw PaymentsException.badInput('A payment must be for a positive amount');
    const created = await this.gateway.createPayment(input);
    const id =
      created.recordedPaymentId ??
      (await this.payments.recordIfAbsent({
        ...input,
        provider: created.provider,
        providerPaymentId: created.providerPaymentId,
      }));
    // Recorded just now: it is what was asked for, awaiting payment. Otherwise read what the first recorder wrote.
    const payment: PaymentView = id
      ? {
          id,
          orderId: input.orderId,
          provider: created.provider,
          providerPaymentId: created.providerPaymentId,
          amount: input.amount,
          refunded: Money.zero(input.amount.currency),
          status: PaymentStatus.REQUIRES_PAYMENT,
        }
      : toView(await this.recorded(created.providerPaymentId));
    return { ...payment, clientSecret: created.clientSecret };
  }

  /**
   * Asks the provider to refund; the payment's refunded total and status change when the provider reports the refund
   * (RefundSucceeded), never here, so a retried call or a refund made at the provider cannot count twice.
   */
  async refund(input: RefundInput): Promise<RefundView> {
    if (input.amount.isZero() || input.amount.isNegative())
      throw PaymentsException.badInput('A refund must be for a positive amount');
    const payment = await this.payments.findByProviderPaymentId(input.providerPaymentId);
    if (!payment) throw PaymentsException.notFound('Payment', input.providerPaymentId);
    if (!isCaptured(payment.status)) throw PaymentsException.conflict(`A ${payment.status} payment cannot be refunded`);
    if (input.amount.currency !== payment.currency)
      throw PaymentsException.badInput(`The payment is in ${payment.currency}`);
    const earlier = await this.refunds.findByIdempotencyKey(payment.id, input.idempotencyKey);
    if (earlier) return toRefundView(earlier);
    const refundable = payment.amountMinor - (await this.committedRefunds(payment));
    if (input.amount.amountMinor > refundable) {
      throw PaymentsException.badInput('The refund exceeds what is left to refund', {
        refundable: Money.of(Math.max(refundable, 0), payment.currency).toJSON(),
      });
    }
    const result = await this.gateway.refund(input);
    await this.refunds.recordIfAbsent({
      paymentId: payment.id,
      providerRefundId: result.providerRefundId,
      amountMinor: input.amount.amountMinor,
      currency: input.amount.currency,
      status: result.status,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
    });
    const refund = await this.refunds.findByProviderRefundId(result.providerRefundId);
    // Recorded just above, by this call or an earlier one with the same provider refund.
    if (!refund) throw new Error(`Refund ${result.providerRefundId} was recorded but cannot be read back`);
    return toRefundView(refund);
  }

  /**
   * What is already promised back: the provider's refunded total, or our succeeded refunds when the provider's news
   * has not arrived yet, whichever is larger, plus refunds still pending.
   */
  private async committedRefunds(payment: PaymentEntity): Promise<number> {
    const totals = await this.refunds.totalsOfPayment(payment.id);
    return Math.max(payment.refundedMinor, totals.succeededMinor) + totals.pendingMinor;
  }

  /**
   * For reconciliation with the provider: the provider ids of each order's captured payments through this process's
   * gateway (oldest first), and the order each known provider payment belongs to.
   */
  async capturedPaymentIdsByOrder(orderIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.payments.providerIdsByOrder(orderIds, this.gateway.provider, CAPTURED_STATUSES);
  }

  async orderIdsOfPayments(providerPaymentIds: readonly string[]): Promise<Map<string, string>> {
    return this.payments.orderIdsByProviderPaymentId(providerPaymentIds);
  }

  async paymentsOfOrder(orderId: string): Promise<PaymentView[]> {
    const payments = await this.payments.ofOrder(orderId);
    return payments.map(toView);
  }

  /** A payment another call recorded first (its insert found the provider id taken). */
  private async recorded(providerPaymentId: string): Promise<PaymentEntity> {
    const payment = await this.payments.findByProviderPaymentId(providerPaymentId);
    if (!payment) throw new Error(`Payment ${providerPaymentId} was recorded but cannot be read back`);
    return payment;
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
