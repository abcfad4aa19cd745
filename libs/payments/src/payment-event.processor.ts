import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { DomainEventBus } from '@chedun/db';
import { isId, Money } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentEventRepository } from './payment-event.repository';
import { PaymentEvent, TransferReversed } from './payment-events';
import { PaymentEntity, PaymentEventOutcome, RefundEntity } from './payment.entity';
import { PaymentRepository } from './payment.repository';
import { isCaptured, paymentLifecycle, PaymentStatus, refundLifecycle } from './payment-status';
import { ProcessedEvent, ProviderEvent, ProviderPaymentRef } from './provider-event';
import { RefundRepository } from './refund.repository';

type Applied = { outcome: PaymentEventOutcome; paymentId: string | null };

/** The event being processed: its row's id, and whether a payment's change has already recorded it as APPLIED. */
type Recording = { eventId: string; outcomeWritten: boolean };

/**
 * The one path every provider event takes, whether it came from Stripe's webhook or the development gateway.
 * The event id, the payment's change and every subscriber's writes commit in one transaction: a redelivery finds
 * the id and does nothing; a failure anywhere rolls all of it back, so the provider's retry starts clean.
 */
@Injectable()
export class PaymentEventProcessor {
  private readonly logger = new Logger(PaymentEventProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly paymentEvents: PaymentEventRepository,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
    private readonly events: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(event: ProviderEvent): Promise<ProcessedEvent> {
    return this.dataSource.transaction(async (manager) => {
      const paymentEvents = this.paymentEvents.forManager(manager);
      // A concurrent delivery of the same id waits here on the unique key until the first one commits or rolls back.
      const recorded = await paymentEvents.recordIfNew({
        provider: event.provider,
        providerEventId: event.eventId,
        type: event.providerType,
        outcome: PaymentEventOutcome.IGNORED,
        occurredAt: event.occurredAt,
      });
      if (!recorded) return { applied: false, outcome: 'DUPLICATE' };
      // A crash between recording the event and acting on it must leave nothing behind (tests only).
      if (this.config.testFault === 'crash-after-payment-event-recorded') process.kill(process.pid, 'SIGKILL');
      const recording: Recording = { eventId: recorded, outcomeWritten: false };
      const { outcome, paymentId } = await this.apply(event, manager, recording);
      // A payment's change wrote APPLIED with it (moveTo); every other outcome is written here, before the commit.
      if (!recording.outcomeWritten) await paymentEvents.setOutcome(recorded, outcome, paymentId);
      return { applied: outcome === PaymentEventOutcome.APPLIED, outcome };
    });
  }

  private async apply(event: ProviderEvent, manager: EntityManager, recording: Recording): Promise<Applied> {
    if (event.kind === 'UNHANDLED') return { outcome: PaymentEventOutcome.IGNORED, paymentId: null };
    if (event.kind === 'REFUND_UPDATED') return this.updateRefund(event.providerRefundId, event.status, manager);
    if (event.kind === 'TRANSFER_REVERSED') {
      const reversed: TransferReversed = {
        type: 'TransferReversed',
        provider: event.provider,
        providerTransferId: event.providerTransferId,
        payoutId: event.payoutId,
        reversedTotal: event.reversedTotal,
        occurredAt: event.occurredAt,
      };
      await this.events.publish(reversed, manager);
      return { outcome: PaymentEventOutcome.APPLIED, paymentId: null };
    }

    const payment = await this.lockPayment(event.provider, event.payment, manager);
    if (!payment) {
      this.logger.warn(
        { eventId: event.eventId, providerPaymentId: event.payment.providerPaymentId },
        'Event for a payment the marketplace did not create',
      );
      return { outcome: PaymentEventOutcome.IGNORED, paymentId: null };
    }
    const result = (changed: boolean): Applied => ({
      outcome: changed ? PaymentEventOutcome.APPLIED : PaymentEventOutcome.STALE,
      paymentId: payment.id,
    });

    switch (event.kind) {
      case 'PAYMENT_SUCCEEDED':
        return result(await this.succeed(payment, event.occurredAt, manager, recording));
      case 'PAYMENT_FAILED':
        return result(await this.fail(payment, event.reason, event.occurredAt, manager, recording));
      case 'PAYMENT_CANCELLED':
        return result(await this.cancel(payment, event.occurredAt, manager, recording));
      case 'PAYMENT_REFUNDED': {
        // A refund proves the payment succeeded, even when that news has not arrived yet.
        const succeeded =
          !isCaptured(payment.status) && (await this.succeed(payment, event.occurredAt, manager, recording));
        const refunded = await this.refund(payment, event.refundedTotal, event.occurredAt, manager, recording);
        return result(succeeded || refunded);
      }
    }
  }

  /** The payment row, locked for this transaction; created from the event when the provider knows our order. */
  private async lockPayment(
    provider: ProviderEvent['provider'],
    ref: ProviderPaymentRef,
    manager: EntityManager,
  ): Promise<PaymentEntity | null> {
    const payments = this.payments.forManager(manager);
    const find = () => payments.lockByProviderPaymentId(ref.providerPaymentId);
    const existing = await find();
    if (existing || !ref.orderId || !isId(ref.orderId) || !ref.amount) return existing;
    await payments.recordIfAbsent({
      orderId: ref.orderId,
      provider,
      providerPaymentId: ref.providerPaymentId,
      amount: ref.amount,
    });
    return find();
  }

  private async succeed(
    payment: PaymentEntity,
    occurredAt: Date,
    manager: EntityManager,
    recording: Recording,
  ): Promise<boolean> {
    if (!paymentLifecycle.canMove(payment.status, PaymentStatus.SUCCEEDED)) return false;
    await this.moveTo(payment, PaymentStatus.SUCCEEDED, { failureReason: null }, manager, recording);
    await this.publish({ type: 'PaymentSucceeded', ...this.facts(payment, occurredAt) }, manager);
    return true;
  }

  private async fail(
    payment: PaymentEntity,
    reason: string | null,
    occurredAt: Date,
    manager: EntityManager,
    recording: Recording,
  ): Promise<boolean> {
    if (!paymentLifecycle.canMove(payment.status, PaymentStatus.FAILED)) return false;
    await this.moveTo(payment, PaymentStatus.FAILED, { failureReason: reason }, manager, recording);
    await this.publish({ type: 'PaymentFailed', reason, ...this.facts(payment, occurredAt) }, manager);
    return true;
  }

  private async cancel(
    payment: PaymentEntity,
    occurredAt: Date,
    manager: EntityManager,
    recording: Recording,
  ): Promise<boolean> {
    if (!paymentLifecycle.canMove(payment.status, PaymentStatus.CANCELLED)) return false;
    await this.moveTo(payment, PaymentStatus.CANCELLED, {}, manager, recording);
    await this.publish({ type: 'PaymentCancelled', ...this.facts(payment, occurredAt) }, manager);
    return true;
  }

  /** Refund news is cumulative, so an older or repeated total changes nothing. */
  private async refund(
    payment: PaymentEntity,
    refundedTotal: Money,
    occurredAt: Date,
    manager: EntityManager,
    recording: Recording,
  ): Promise<boolean> {
    if (!isCaptured(payment.status)) return false;
    const newly = refundedTotal.minus(payment.refunded);
    if (newly.isZero() || newly.isNegative()) return false;
    const to = refundedTotal.compare(payment.amount) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    await this.moveTo(payment, to, { refundedMinor: refundedTotal.amountMinor }, manager, recording);
    await this.publish(
      { type: 'RefundSucceeded', refunded: newly, refundedTotal, ...this.facts(payment, occurredAt) },
      manager,
    );
    return true;
  }

  private async updateRefund(
    providerRefundId: string,
    status: RefundEntity['status'],
    manager: EntityManager,
  ): Promise<Applied> {
    const refunds = this.refunds.forManager(manager);
    const refund = await refunds.lockByProviderRefundId(providerRefundId);
    if (!refund) return { outcome: PaymentEventOutcome.IGNORED, paymentId: null };
    if (!refundLifecycle.canMove(refund.status, status))
      return { outcome: PaymentEventOutcome.STALE, paymentId: refund.paymentId };
    await refunds.updateStatus(refund.id, refundLifecycle.move(refund.status, status));
    return { outcome: PaymentEventOutcome.APPLIED, paymentId: refund.paymentId };
  }

  private async moveTo(
    payment: PaymentEntity,
    to: PaymentStatus,
    changes: Partial<Pick<PaymentEntity, 'refundedMinor' | 'failureReason'>>,
    manager: EntityManager,
    recording: Recording,
  ): Promise<void> {
    payment.status = paymentLifecycle.move(payment.status, to);
    Object.assign(payment, changes);
    // A payment that moves is what makes the event APPLIED (result() below): recorded in the same statement.
    await this.payments
      .forManager(manager)
      .update(payment.id, { status: payment.status, ...changes }, recording.eventId);
    recording.outcomeWritten = true;
  }

  private facts(payment: PaymentEntity, occurredAt: Date) {
    return {
      provider: payment.provider,
      paymentId: payment.id,
      providerPaymentId: payment.providerPaymentId,
      orderId: payment.orderId,
      amount: payment.amount,
      occurredAt,
    };
  }

  private publish(event: PaymentEvent, manager: EntityManager): Promise<void> {
    return this.events.publish(event, manager);
  }
}
