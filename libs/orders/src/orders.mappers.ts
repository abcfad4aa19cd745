import { Money, MoneyType } from '@chedun/kernel';
import { OrderView } from './order-query.service';
import { OrderLineRecord, TicketRecord } from './order-records';
import { Order, OrderLine, OrderLineKind, Ticket } from './orders.types';

export function toOrder(view: OrderView): Order {
  const { order } = view;
  return {
    id: order.id,
    status: order.status,
    total: MoneyType.from(Money.of(order.totalMinor, order.currency)),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    refundDue: order.refundDue,
    lines: view.lines.map(toOrderLine),
    tickets: view.tickets.map(toTicket),
  };
}

export function toOrderLine(line: OrderLineRecord): OrderLine {
  return {
    id: line.id,
    kind: line.kind as OrderLineKind,
    productId: line.productId,
    productName: line.productName,
    merchantId: line.merchantId,
    variantId: line.variantId,
    timeSlotId: line.timeSlotId,
    ticketTypeId: line.ticketTypeId,
    slotStartsAt: line.slotStartsAt,
    quantity: line.quantity,
    unitPrice: MoneyType.from(Money.of(line.unitPriceMinor, line.currency)),
    total: MoneyType.from(Money.of(line.netMinor, line.currency)),
    refunded: MoneyType.from(Money.of(line.refundedMinor, line.currency)),
    fulfilledAt: line.fulfilledAt,
    fulfilment: line.fulfilment,
  };
}

export function toTicket(ticket: TicketRecord): Ticket {
  return {
    code: ticket.code,
    qrPayload: ticket.qrPayload,
    orderLineId: ticket.orderLineId,
    timeSlotId: ticket.timeSlotId,
    redeemedAt: ticket.redeemedAt,
    voidedAt: ticket.voidedAt,
  };
}
