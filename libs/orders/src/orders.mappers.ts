import { Money, MoneyType } from '@chedun/kernel';
import { OrderView } from './order-query.service';
import { OrderLineRecord, TicketRecord } from './order-records';
import { Order, OrderLine, OrderLineKind, Ticket } from './orders.types';

export function toOrder(view: OrderView): Order {
  const { order } = view;
  // A view keeps a ticket only with its line (a merchant's view drops both for other merchants' lines).
  const lineOf = new Map(view.lines.map((l) => [l.id, l]));
  return {
    id: order.id,
    status: order.status,
    total: MoneyType.from(Money.of(order.totalMinor, order.currency)),
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    refundDue: order.refundDue,
    lines: view.lines.map(toOrderLine),
    tickets: view.tickets.flatMap((t) => {
      const line = lineOf.get(t.orderLineId);
      return line ? [toTicket(t, line)] : [];
    }),
  };
}

export function toOrderLine(line: OrderLineRecord): OrderLine {
  return {
    id: line.id,
    kind: line.kind as OrderLineKind,
    productId: line.productId,
    productName: line.productName,
    productNameZh: line.productNameZh,
    ticketTypeName: line.ticketTypeName,
    ticketTypeNameZh: line.ticketTypeNameZh,
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

/** A ticket with what it admits to, copied from its experience line at checkout. */
export function toTicket(ticket: TicketRecord, line: OrderLineRecord): Ticket {
  return {
    code: ticket.code,
    qrPayload: ticket.qrPayload,
    venueId: ticket.venueId,
    orderLineId: ticket.orderLineId,
    timeSlotId: ticket.timeSlotId,
    productName: line.productName,
    productNameZh: line.productNameZh,
    ticketTypeName: line.ticketTypeName ?? '',
    ticketTypeNameZh: line.ticketTypeNameZh,
    startsAt: line.slotStartsAt as Date,
    endsAt: line.slotEndsAt as Date,
    redeemedAt: ticket.redeemedAt,
    voidedAt: ticket.voidedAt,
  };
}
