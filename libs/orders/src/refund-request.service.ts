import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InventoryService } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { Actor, IdentityReader, OrganizationKind } from '@chedun/identity';
import { Clock, Money, OrderLineRefunded } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationRepository } from './notification.repository';
import { OrderLineRepository } from './order-line.repository';
import { OrderRefundService, RecordedRefund } from './order-refund.service';
import { PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { RefundRequestRecord, RefundRequestRepository } from './refund-request.repository';
import { refundRequestLifecycle, RefundRequestStatus } from './refund-request-status';

const HOUR_MS = 3_600_000;

/**
 * The emails' payload: what both sides read of a request, and the shipping fee its refund gives back with it (the
 * request completed the merchant's unshipped part).
 */
function emailPayload(request: RefundRequestRecord, shipping: Money | null = null): object {
  return {
    orderId: request.orderId,
    requestId: request.id,
    productName: request.productName,
    productNameZh: request.productNameZh,
    quantity: request.quantity,
    amount: { amountMinor: request.amountMinor, currency: request.currency },
    reason: request.reason,
    status: request.status,
    automatic: request.automatic,
    decisionReason: request.decisionReason,
    shippingRefund: shipping?.toJSON() ?? null,
  };
}

/** Postgres unique violation: here, the one open request per line that the index holds. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === '23505';
}

/**
 * After-sales: a buyer asks for a refund of a line (or some of its units) with a reason; an experience inside its
 * cancellation policy is approved and refunded at once, everything else waits for the merchant, who approves
 * (the same refund path as `refundOrderLine`: provider, then ledger on settlement) or refuses with a reason.
 * Both sides are emailed through the outbox. Each use case locks the order first, as every refund path does.
 */
@Injectable()
export class RefundRequestService {
  private readonly logger = new Logger(RefundRequestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RefundRequestRepository,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly notifications: NotificationRepository,
    private readonly refunds: OrderRefundService,
    private readonly inventory: InventoryService,
    private readonly identity: IdentityReader,
    private readonly clock: Clock,
  ) {}

  /** The approved request's refund settled: the request is REFUNDED, in the settling transaction. */
  register(bus: DomainEventBus): void {
    bus.subscribe<OrderLineRefunded>('OrderLineRefunded', (event, manager) => this.refundSettled(event, manager));
  }

  /**
   * The buyer only (to anyone else the line does not exist), on a paid line with something left to refund and no
   * open request. `quantity` omitted = what is left of the line.
   */
  async request(
    actor: Actor,
    input: { orderLineId: string; quantity?: number | null; reason: string },
  ): Promise<RefundRequestRecord> {
    let created: { id: string; refund: RecordedRefund | null };
    try {
      created = await this.dataSource.transaction((manager) => this.record(manager, actor, input));
    } catch (error) {
      if (isUniqueViolation(error))
        throw OrdersException.conflict('This line already has an open refund request', {
          orderLineId: input.orderLineId,
        });
      throw error;
    }
    if (created.refund) await this.refundApproved(created.id, created.refund, false);
    return (await this.requests.findById(created.id))!;
  }

  /** Staff of the line's merchant only. Approving refunds at once; refusing needs a reason, which the buyer reads. */
  async decide(
    actor: Actor,
    input: { id: string; approve: boolean; reason?: string | null },
  ): Promise<RefundRequestRecord> {
    const refund = await this.dataSource.transaction(async (manager) => {
      const requests = this.requests.forManager(manager);
      const found = await requests.findById(input.id);
      if (!found || !actor.isMemberOf(found.merchantId, OrganizationKind.MERCHANT))
        throw OrdersException.notFound('Refund request', input.id);
      // The order row first, as every refund path locks it.
      await this.orders.forManager(manager).lockById(found.orderId);
      const request = await requests.lockById(input.id);
      if (!request) throw OrdersException.notFound('Refund request', input.id);
      const now = this.clock.now();
      if (!input.approve) {
        if (!input.reason)
          throw OrdersException.badInput('Refusing a refund request needs a reason the buyer reads', {
            field: 'reason',
          });
        const refused = refundRequestLifecycle.transition(request.status, RefundRequestStatus.REFUSED);
        await requests.move(
          request.id,
          refused,
          { decisionReason: input.reason, decidedBy: actor.userId, decidedAt: now },
          now,
        );
        await this.emailBuyer(manager, request.id, now);
        return null;
      }
      const approved = refundRequestLifecycle.transition(request.status, RefundRequestStatus.APPROVED);
      const line = await this.orderLines.forManager(manager).findById(request.orderLineId);
      if (!line) throw OrdersException.notFound('Order line', request.orderLineId);
      const recorded = await this.refunds.recordRefund(manager, line, request.amountMinor, actor.userId, null);
      await requests.move(
        request.id,
        approved,
        {
          decisionReason: input.reason ?? null,
          decidedBy: actor.userId,
          decidedAt: now,
          orderRefundId: recorded.refundId,
        },
        now,
      );
      await this.emailBuyer(manager, request.id, now, recorded.shipping);
      return recorded;
    });
    if (refund) await this.refundApproved(input.id, refund, true);
    return (await this.requests.findById(input.id))!;
  }

  /** The requests of orders the reader already may see, oldest first. */
  ofOrders(orderIds: readonly string[]): Promise<RefundRequestRecord[]> {
    return this.requests.ofOrders(orderIds);
  }

  /** A merchant's requests in one status (the open queue by default), oldest first, for its staff. */
  merchantQueue(
    actor: Actor,
    merchantId: string,
    status: RefundRequestStatus | null | undefined,
    first: number | null | undefined,
  ): Promise<RefundRequestRecord[]> {
    actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.requests.ofMerchant(merchantId, [status ?? RefundRequestStatus.REQUESTED], first ?? 50);
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    input: { orderLineId: string; quantity?: number | null; reason: string },
  ): Promise<{ id: string; refund: RecordedRefund | null }> {
    const requests = this.requests.forManager(manager);
    const line = await this.orderLines.forManager(manager).findById(input.orderLineId);
    // The order row first, as every refund path locks it: concurrent requests for the line queue here.
    const order = line ? await this.orders.forManager(manager).lockById(line.orderId) : null;
    if (!line || !order || order.buyerUserId !== actor.userId)
      throw OrdersException.notFound('Order line', input.orderLineId);
    if (!PAID_STATES.includes(order.status))
      throw OrdersException.conflict(`A line of a ${order.status} order cannot be refunded`, { status: order.status });
    const open = await requests.openOfLine(line.id);
    if (open)
      throw OrdersException.conflict('This line already has an open refund request', {
        orderLineId: line.id,
        requestId: open.id,
      });
    const refundable = await this.orderLines.forManager(manager).lockRefundable(line.id);
    if (refundable <= 0)
      throw OrdersException.conflict('This line is already refunded in full', { orderLineId: line.id });
    // Units still refundable, counting a unit partly refunded by a merchant's partial refund as one.
    const unitsLeft = Math.ceil(refundable / line.unitPriceMinor);
    const quantity = input.quantity ?? unitsLeft;
    if (quantity > unitsLeft) {
      throw OrdersException.badInput('The request is for more than is left to refund of the line', {
        quantity,
        unitsLeft,
        refundable: Money.of(refundable, line.currency).toJSON(),
      });
    }
    const amountMinor = Math.min(quantity * line.unitPriceMinor, refundable);
    const now = this.clock.now();
    const hours =
      line.kind === 'EXPERIENCE' ? await this.inventory.freeCancellationHours(manager, line.productId) : null;
    const inPolicy =
      hours !== null && line.slotStartsAt !== null && now.getTime() <= line.slotStartsAt.getTime() - hours * HOUR_MS;
    const refund = inPolicy ? await this.refunds.recordRefund(manager, line, amountMinor, actor.userId, null) : null;
    const status = refund
      ? refundRequestLifecycle.move(RefundRequestStatus.REQUESTED, RefundRequestStatus.APPROVED)
      : RefundRequestStatus.REQUESTED;
    const id = await requests.insert({
      orderId: order.id,
      orderLineId: line.id,
      buyerUserId: actor.userId,
      merchantId: line.merchantId,
      quantity,
      amountMinor,
      currency: line.currency,
      reason: input.reason,
      status,
      automatic: refund !== null,
      orderRefundId: refund?.refundId ?? null,
      decidedAt: refund ? now : null,
      createdAt: now,
    });
    const request = (await requests.findById(id))!;
    const owner = await this.identity.firstOwnerId(line.merchantId, manager);
    if (owner) await this.queueEmail(manager, 'REFUND_REQUESTED', owner, request, now);
    if (refund) await this.emailBuyer(manager, id, now, refund.shipping);
    return { id, refund };
  }

  /**
   * Asks the provider for an approved request's refund. A refusal puts the request back before the merchant
   * (APPROVED → REQUESTED); the merchant's own approval also hears the refusal, the buyer's request does not, as it
   * was recorded all the same.
   */
  private async refundApproved(requestId: string, refund: RecordedRefund, rethrow: boolean): Promise<void> {
    try {
      await this.refunds.askProvider(refund);
    } catch (error) {
      this.logger.warn(
        { requestId, err: error },
        'The provider refused an approved refund request: back to the merchant',
      );
      await this.dataSource.transaction(async (manager) => {
        const requests = this.requests.forManager(manager);
        const request = await requests.lockById(requestId);
        if (request && refundRequestLifecycle.canMove(request.status, RefundRequestStatus.REQUESTED)) {
          const reopened = refundRequestLifecycle.transition(request.status, RefundRequestStatus.REQUESTED);
          await requests.move(
            requestId,
            reopened,
            { orderRefundId: null, decidedBy: null, decidedAt: null, decisionReason: null },
            this.clock.now(),
          );
        }
      });
      if (rethrow) throw error;
    }
  }

  private async refundSettled(event: OrderLineRefunded, manager: EntityManager): Promise<void> {
    const requests = this.requests.forManager(manager);
    const request = await requests.findByOrderRefund(event.refundId);
    if (request?.status !== RefundRequestStatus.APPROVED) return;
    await requests.move(
      request.id,
      refundRequestLifecycle.transition(request.status, RefundRequestStatus.REFUNDED),
      {},
      event.refundedAt,
    );
  }

  private async emailBuyer(
    manager: EntityManager,
    requestId: string,
    now: Date,
    shipping: Money | null = null,
  ): Promise<void> {
    const request = (await this.requests.forManager(manager).findById(requestId))!;
    await this.queueEmail(manager, 'REFUND_REQUEST_DECIDED', request.buyerUserId, request, now, shipping);
  }

  /** An email about a request, in the caller's transaction: once per kind and request. */
  private queueEmail(
    manager: EntityManager,
    kind: 'REFUND_REQUESTED' | 'REFUND_REQUEST_DECIDED',
    recipientUserId: string,
    request: RefundRequestRecord,
    now: Date,
    shipping: Money | null = null,
  ): Promise<void> {
    return this.notifications
      .forManager(manager)
      .queueOnceForOrder(kind, recipientUserId, request.orderId, request.id, emailPayload(request, shipping), now);
  }
}
