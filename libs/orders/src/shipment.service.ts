import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryMethod, ShipOrderLinesInput } from './delivery.types';
import { NotificationRepository } from './notification.repository';
import { OrderLineRepository } from './order-line.repository';
import { OrderRecord } from './order-records';
import { OrderRefundRepository } from './order-refund.repository';
import { OrderLifecycle } from './order-lifecycle.service';
import { PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { ShipmentRepository, ShippedEmailPayload } from './shipment.repository';

/**
 * Merchants hand their merchandise over: shipped lines with carrier and tracking number (the buyer is emailed), or
 * a pickup handed over against the code the buyer shows. Both run under the order's lock, so a line ships once.
 */
@Injectable()
export class ShipmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly notifications: NotificationRepository,
    private readonly shipments: ShipmentRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    private readonly refunds: OrderRefundRepository,
  ) {}

  /**
   * Staff of the lines' merchant ship them in one parcel. A line of another merchant (or of another order) is not
   * found; a line already handed over, refunded in full (or being refunded in full), an unpaid order or a pickup order
   * is CONFLICT.
   */
  async shipLines(actor: Actor, input: ShipOrderLinesInput): Promise<OrderRecord> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.orders.forManager(manager).lockById(input.orderId);
      const lines = order ? await this.orderLines.forManager(manager).ofOrders([order.id]) : [];
      const chosen = input.lineIds.map((id) => lines.find((l) => l.id === id.toLowerCase()));
      if (!order || chosen.some((l) => !l || !actor.isMemberOf(l.merchantId, OrganizationKind.MERCHANT))) {
        throw OrdersException.notFound('Order line', input.lineIds.find((_, i) => !chosen[i]) ?? input.lineIds[0]);
      }
      const own = chosen.map((l) => l!);
      const merchantId = own[0]!.merchantId;
      if (own.some((l) => l.merchantId !== merchantId))
        throw OrdersException.badInput('One shipment holds one merchant’s lines', { field: 'lineIds' });
      if (own.some((l) => l.kind !== 'MERCHANDISE'))
        throw OrdersException.badInput('Experience lines are redeemed, not shipped', { field: 'lineIds' });
      if (!PAID_STATES.includes(order.status))
        throw OrdersException.conflict(`A ${order.status} order cannot be shipped`, { status: order.status });
      const delivery = await this.deliveries.forManager(manager).ofOrder(order.id);
      if (delivery?.method === DeliveryMethod.PICKUP) {
        throw OrdersException.conflict('This order is picked up: hand it over with the buyer’s pickup code', {
          method: delivery.method,
        });
      }
      const done = own.find((l) => l.fulfilledAt !== null);
      if (done)
        throw OrdersException.conflict('This line was already shipped or handed over', {
          orderLineId: done.id,
          fulfilment: done.fulfilment,
        });
      // A refund still with the provider counts: the refund completing an unshipped part gives the fee back with it.
      const pending = await this.refunds.forManager(manager).pendingByLine(order.id);
      const refunded = own.find((l) => l.refundedMinor + (pending.get(l.id) ?? 0) >= l.netMinor);
      if (refunded) throw OrdersException.conflict('This line was refunded in full', { orderLineId: refunded.id });

      const now = this.clock.now();
      const repository = this.shipments.forManager(manager);
      const ids = own.map((l) => l.id);
      const shipmentId = await repository.create(
        { orderId: order.id, merchantId, carrier: input.carrier, trackingNumber: input.trackingNumber, lineIds: ids },
        actor.userId,
        now,
      );
      await repository.markShipped(ids, now);
      const email: ShippedEmailPayload = {
        orderId: order.id,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        lines: own.map((l) => ({ productName: l.productName, productNameZh: l.productNameZh, quantity: l.quantity })),
      };
      // One email per parcel: the shipment is its subject.
      await this.notifications
        .forManager(manager)
        .queueOnceForOrder('ORDER_SHIPPED', order.buyerUserId, order.id, shipmentId, email, now);
      await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return (await this.orders.forManager(manager).findById(order.id)) as OrderRecord;
    });
  }

  /**
   * Staff of the merchant hand a paid pickup over against the buyer's code (typed or scanned): every merchandise line
   * of theirs in the order not refunded in full. Another merchant's code is not found; a second hand-over is CONFLICT.
   */
  async handOverPickup(actor: Actor, code: string): Promise<OrderRecord> {
    const normalised = code.trim().toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const found = await this.deliveries.forManager(manager).lockByPickupCode(normalised);
      if (!found || !actor.isMemberOf(found.merchantId, OrganizationKind.MERCHANT))
        throw OrdersException.notFound('Pickup');
      const order = (await this.orders.forManager(manager).lockById(found.orderId)) as OrderRecord;
      if (found.handedOverAt)
        throw OrdersException.conflict('This pickup was already handed over', {
          handedOverAt: found.handedOverAt.toISOString(),
        });
      if (!PAID_STATES.includes(order.status))
        throw OrdersException.conflict(`A ${order.status} order cannot be handed over`, { status: order.status });
      const now = this.clock.now();
      const handed = await this.shipments.forManager(manager).markPickedUp(order.id, found.merchantId, now);
      if (handed.length === 0)
        throw OrdersException.conflict('Nothing of this pickup is left to hand over', { orderId: order.id });
      await this.deliveries.forManager(manager).markHandedOver(order.id, found.merchantId, actor.userId, now);
      await this.lifecycle.fulfilIfComplete(manager, order.id, now);
      return (await this.orders.forManager(manager).findById(order.id)) as OrderRecord;
    });
  }
}
