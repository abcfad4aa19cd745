import { Injectable } from '@nestjs/common';
import { TimeSlotCancelled } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderLineRepository } from './order-line.repository';
import { OrderStatus, PAID_STATES } from './order-status';
import { OrderRepository } from './order.repository';
import { RefundTaskRepository } from './refund-task.repository';
import { TicketRepository } from './ticket.repository';

/**
 * A cancelled slot, in the cancelling transaction: its unredeemed tickets stop being valid, unpaid orders holding
 * its seats are cancelled (a payment arriving later is refunded as late), and every paid line on it gets a refund
 * task, which the refund task job carries out.
 */
@Injectable()
export class SlotCancellationSubscriber {
  constructor(
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly lines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly refundTasks: RefundTaskRepository,
  ) {}

  register(bus: DomainEventBus): void {
    bus.subscribe<TimeSlotCancelled>('TimeSlotCancelled', (event, manager) => this.cancelled(event, manager));
  }

  private async cancelled(event: TimeSlotCancelled, manager: EntityManager): Promise<void> {
    const now = event.cancelledAt;
    const orders = this.orders.forManager(manager);
    await this.tickets.forManager(manager).voidForCancelledSlot(event.timeSlotId, now);
    const affected = await this.lines
      .forManager(manager)
      .onTimeSlot(event.timeSlotId, [OrderStatus.PENDING_PAYMENT, ...PAID_STATES]);
    // This transaction holds the slot before any order, against every other path's order-then-slot: so it skips an
    // order someone holds (a payment confirming it sees the cancelled slot once this commits, and refunds it as late;
    // an expiry or a buyer's cancel gives its seats back all the same).
    const pending = [
      ...new Set(affected.filter((a) => a.status === OrderStatus.PENDING_PAYMENT).map((a) => a.orderId)),
    ];
    const free = await orders.lockPendingUnlessHeld(pending);
    for (const id of free) {
      const order = await orders.lockById(id);
      if (order?.status === OrderStatus.PENDING_PAYMENT)
        await this.lifecycle.cancelUnpaid(manager, order, 'SLOT_CANCELLED', now);
    }
    for (const line of affected.filter((a) => PAID_STATES.includes(a.status))) {
      await this.refundTasks.forManager(manager).queue({
        kind: 'SLOT_CANCELLED',
        orderId: line.orderId,
        orderLineId: line.orderLineId,
        requestedBy: event.cancelledBy,
        now,
      });
    }
  }
}
