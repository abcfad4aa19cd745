import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, Money } from '@chedun/kernel';
import { isCaptured, isRefundable, PaymentService, PaymentView, RefundStatus } from '@chedun/payments';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationRepository } from './notification.repository';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderLineRepository } from './order-line.repository';
import { refundIdempotencyKey } from './order-records';
import { OrderRefundRepository } from './order-refund.repository';
import { OrderRefundStatus, PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { RefundTaskRepository } from './refund-task.repository';
import { RefundTaskRecord, refundTaskLifecycle, RefundTaskStatus } from './refund-tasks';
import { TicketRepository } from './ticket.repository';
import { RecurringRun, withSessionLock } from '@chedun/db';
import { backoffMs } from './backoff';

const BATCH = 50;
/** After this many failed attempts a task is left FAILED for people to look at. */
export const MAX_REFUND_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;
const JOB_LOCK = 'orders:refund-tasks';

export interface RefundTaskRun {
  done: number;
  retrying: number;
}

/** The refund the task asked the provider for, once recorded. */
interface RequestedRefund {
  refundId: string;
  orderId: string;
  orderLineId: string;
  status: OrderRefundStatus;
  amount: Money;
}

/**
 * Carries out refund tasks (a cancelled slot's paid seats, a payment that came too late). Each step is idempotent:
 * the line refund is recorded once and keeps its provider idempotency key across retries, a refund the provider has
 * already settled is not asked for again, and the task is marked done with its notification in one transaction.
 * A failing provider call leaves the task PENDING with a growing delay.
 */
@Injectable()
export class RefundTaskJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RefundTaskJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Refund tasks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: RefundTaskRepository,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly refunds: OrderRefundRepository,
    private readonly notifications: NotificationRepository,
    private readonly payments: PaymentService,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start(this.config.orders.refundSweepSeconds, () => this.runDueTasks());
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** Runs every due task; null when another process (or run) holds the job. */
  runDueTasks(): Promise<RefundTaskRun | null> {
    return this.schedule.track(withSessionLock(this.dataSource, JOB_LOCK, () => this.sweep()));
  }

  private async sweep(): Promise<RefundTaskRun> {
    const result: RefundTaskRun = { done: 0, retrying: 0 };
    const seen = new Set<string>();
    for (;;) {
      const due = await this.tasks.due(RefundTaskStatus.PENDING, this.clock.now(), [...seen], BATCH);
      for (const task of due) {
        seen.add(task.id);
        try {
          await (task.kind === 'SLOT_CANCELLED' ? this.refundCancelledSeats(task) : this.refundLatePayment(task));
          result.done += 1;
        } catch (error) {
          await this.retryLater(task, error);
          result.retrying += 1;
        }
      }
      if (due.length < BATCH) return result;
    }
  }

  private async refundCancelledSeats(task: RefundTaskRecord): Promise<void> {
    const request = await this.dataSource.transaction((manager) => this.requestSeatRefund(manager, task.id));
    if (!request) return;
    if (request.status === OrderRefundStatus.PENDING) {
      const result = await this.payments.refund({
        providerPaymentId: (await this.capturedPayment(request.orderId)).providerPaymentId,
        amount: request.amount,
        idempotencyKey: refundIdempotencyKey(request.refundId),
        reason: `Time slot cancelled: refund of order line ${request.orderLineId}`,
      });
      if (result.status === RefundStatus.SUCCEEDED) {
        await this.dataSource.transaction((manager) =>
          this.lifecycle.settleRefund(manager, request.refundId, this.clock.now()),
        );
      } else if (result.status !== RefundStatus.PENDING) {
        throw OrdersException.conflict(`The payment provider answered the refund with ${result.status}`);
      }
    } else if (request.status === OrderRefundStatus.FAILED) {
      throw OrdersException.conflict('The recorded refund failed', { refundId: request.refundId });
    }
    await this.dataSource.transaction(async (manager) => {
      const pending = await this.lockPending(manager, task.id);
      if (!pending) return;
      const line = await this.orderLines.forManager(manager).findById(request.orderLineId);
      const voided = await this.tickets.forManager(manager).codesVoidedBySlotCancellation(request.orderLineId);
      const order = await this.orders.forManager(manager).findById(request.orderId);
      if (!line || !order) throw OrdersException.notFound('Order line', request.orderLineId);
      await this.notify(manager, 'SLOT_CANCELLED', order.buyerUserId, request.orderId, request.orderLineId, {
        orderId: request.orderId,
        orderLineId: request.orderLineId,
        productName: line.productName,
        productNameZh: line.productNameZh,
        slotStartsAt: line.slotStartsAt,
        refund: request.amount.toJSON(),
        voidedTickets: voided,
      });
      await this.markDone(manager, pending);
    });
  }

  /**
   * Records the line refund the first time (the seats voided by the cancellation, at most what is left of the line)
   * and returns it on every later attempt. Null when the task is finished or there is nothing left to refund.
   */
  private async requestSeatRefund(manager: EntityManager, taskId: string): Promise<RequestedRefund | null> {
    const task = await this.lockPending(manager, taskId);
    if (!task) return null;
    const refunds = this.refunds.forManager(manager);
    if (task.orderRefundId) {
      const refund = await refunds.findById(task.orderRefundId);
      if (!refund) throw OrdersException.notFound('Order refund', task.orderRefundId);
      const amount = Money.of(refund.amountMinor, refund.currency);
      return {
        refundId: refund.id,
        orderId: refund.orderId,
        orderLineId: refund.orderLineId,
        status: refund.status,
        amount,
      };
    }
    const orderLines = this.orderLines.forManager(manager);
    const order = await this.orders.forManager(manager).lockById(task.orderId);
    const line = await orderLines.findById(task.orderLineId as string);
    if (!line) throw OrdersException.notFound('Order line', task.orderLineId ?? task.orderId);
    const refundable = await orderLines.lockRefundable(line.id);
    const voided = await this.tickets.forManager(manager).countVoidedBySlotCancellation(line.id);
    const amount =
      voided >= line.quantity ? refundable : Math.min(refundable, Math.floor((line.netMinor * voided) / line.quantity));
    if (!order || !PAID_STATES.includes(order.status) || amount <= 0) {
      await this.markDone(manager, task);
      return null;
    }
    const refundId = await refunds.insertRequest(line, amount, task.requestedBy as string, this.clock.now());
    await this.tasks.forManager(manager).setOrderRefund(taskId, refundId);
    return {
      refundId,
      orderId: order.id,
      orderLineId: line.id,
      status: OrderRefundStatus.PENDING,
      amount: Money.of(amount, line.currency),
    };
  }

  /**
   * Refunds whatever is left of the payments of an order that stayed CANCELLED when its payment arrived. Nothing was
   * sold, so no line refund and no ledger reversal: the money goes back and the order is no longer refund-due.
   */
  private async refundLatePayment(task: RefundTaskRecord): Promise<void> {
    const payments = await this.payments.paymentsOfOrder(task.orderId);
    for (const payment of payments.filter((p) => isRefundable(p.status))) {
      const result = await this.payments.refund({
        providerPaymentId: payment.providerPaymentId,
        amount: payment.amount.minus(payment.refunded),
        idempotencyKey: `late-payment-refund-${task.id}-${payment.id}`,
        reason: `Payment arrived after order ${task.orderId} was cancelled`,
      });
      if (result.status !== RefundStatus.SUCCEEDED && result.status !== RefundStatus.PENDING) {
        throw OrdersException.conflict(`The payment provider answered the refund with ${result.status}`);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      const pending = await this.lockPending(manager, task.id);
      if (!pending) return;
      const orders = this.orders.forManager(manager);
      const order = await orders.lockById(task.orderId);
      if (!order) throw OrdersException.notFound('Order', task.orderId);
      await orders.clearRefundDue(task.orderId, this.clock.now());
      const captured = payments.filter((p) => isCaptured(p.status));
      const refunded = captured.reduce<Money | null>((sum, p) => (sum ? sum.plus(p.amount) : p.amount), null);
      await this.notify(manager, 'LATE_PAYMENT_REFUNDED', order.buyerUserId, task.orderId, null, {
        orderId: task.orderId,
        refund: refunded?.toJSON() ?? null,
      });
      await this.markDone(manager, pending);
    });
  }

  private async capturedPayment(orderId: string): Promise<PaymentView> {
    const payment = (await this.payments.paymentsOfOrder(orderId)).find((p) => isRefundable(p.status));
    if (!payment) throw OrdersException.conflict('The order has no captured payment to refund', { orderId });
    return payment;
  }

  private async lockPending(manager: EntityManager, taskId: string): Promise<RefundTaskRecord | null> {
    const task = await this.tasks.forManager(manager).lockById(taskId);
    return task?.status === RefundTaskStatus.PENDING ? task : null;
  }

  private async markDone(manager: EntityManager, task: Pick<RefundTaskRecord, 'id' | 'status'>): Promise<void> {
    const status = refundTaskLifecycle.move(task.status, RefundTaskStatus.DONE);
    await this.tasks.forManager(manager).markDone(task.id, status, this.clock.now());
  }

  private async notify(
    manager: EntityManager,
    kind: string,
    recipient: string,
    orderId: string,
    subjectId: string | null,
    payload: object,
  ): Promise<void> {
    await this.notifications
      .forManager(manager)
      .queueOnceForOrder(kind, recipient, orderId, subjectId, payload, this.clock.now());
  }

  private async retryLater(task: RefundTaskRecord, error: unknown): Promise<void> {
    const attempts = task.attempts + 1;
    const delay = backoffMs(attempts, BACKOFF_BASE_MS, BACKOFF_MAX_MS);
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      { taskId: task.id, kind: task.kind, orderId: task.orderId, attempts, err: error },
      'Refund task failed; retrying later',
    );
    // Only a task still PENDING is retried; its last attempt gives it up.
    const giveUp = refundTaskLifecycle.transition(RefundTaskStatus.PENDING, RefundTaskStatus.FAILED);
    await this.tasks.recordFailedAttempt(task.id, {
      attempts,
      nextAttemptAt: new Date(this.clock.now().getTime() + delay),
      lastError: message.slice(0, 1000),
      transition: { from: giveUp.from, to: attempts >= MAX_REFUND_ATTEMPTS ? giveUp.to : giveUp.from },
    });
  }
}
