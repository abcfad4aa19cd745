import { Injectable } from '@nestjs/common';
import { TimeSlotCancelled } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { findOrder } from './order-records';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderStatus, PAID_STATES } from './order-status';
import { queueRefundTask } from './refund-tasks';

/**
 * A cancelled slot, in the cancelling transaction: its unredeemed tickets stop being valid, unpaid orders holding
 * its seats are cancelled (a payment arriving later is refunded as late), and every paid line on it gets a refund
 * task, which the refund task job carries out.
 */
@Injectable()
export class SlotCancellationSubscriber {
  constructor(private readonly lifecycle: OrderLifecycle) {}

  register(bus: DomainEventBus): void {
    bus.subscribe<TimeSlotCancelled>('TimeSlotCancelled', (event, manager) => this.cancelled(event, manager));
  }

  private async cancelled(event: TimeSlotCancelled, manager: EntityManager): Promise<void> {
    const now = event.cancelledAt;
    await manager.query(
      `UPDATE tickets SET voided_at = $2, void_reason = 'SLOT_CANCELLED' WHERE time_slot_id = $1 AND redeemed_at IS NULL AND voided_at IS NULL`,
      [event.timeSlotId, now],
    );
    const affected: { orderId: string; orderLineId: string; status: OrderStatus }[] = await manager.query(
      `SELECT o.id AS "orderId", l.id AS "orderLineId", o.status
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.time_slot_id = $1 AND o.status = ANY($2) ORDER BY o.id, l.position`,
      [event.timeSlotId, [OrderStatus.PENDING_PAYMENT, ...PAID_STATES]],
    );
    // This transaction holds the slot before any order, against every other path's order-then-slot: so it skips an
    // order someone holds (a payment confirming it sees the cancelled slot once this commits, and refunds it as late;
    // an expiry or a buyer's cancel gives its seats back all the same).
    const pending = [...new Set(affected.filter((a) => a.status === OrderStatus.PENDING_PAYMENT).map((a) => a.orderId))];
    const free: { id: string }[] = await manager.query(
      `SELECT id FROM orders WHERE id = ANY($1) AND status = 'PENDING_PAYMENT' ORDER BY id FOR UPDATE SKIP LOCKED`,
      [pending],
    );
    for (const { id } of free) {
      const order = await findOrder(manager, id, true);
      if (order?.status === OrderStatus.PENDING_PAYMENT) await this.lifecycle.cancelUnpaid(manager, order, 'SLOT_CANCELLED', now);
    }
    for (const line of affected.filter((a) => PAID_STATES.includes(a.status))) {
      await queueRefundTask(manager, { kind: 'SLOT_CANCELLED', orderId: line.orderId, orderLineId: line.orderLineId, requestedBy: event.cancelledBy, now });
    }
  }
}
