import { OrderStatus } from './order-status';

/*
 * The typed rows of orders, their lines and tickets, as the repositories (order, order-line, ticket) read them, and
 * what the use cases derive from them without SQL.
 */

/** An order as stored (amounts in minor units). */
export interface OrderRecord {
  id: string;
  buyerUserId: string;
  status: OrderStatus;
  idempotencyKey: string;
  requestHash: string;
  totalMinor: number;
  currency: string;
  expiresAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  refundDue: boolean;
  createdAt: Date;
}

export interface OrderLineRecord {
  id: string;
  orderId: string;
  position: number;
  kind: 'MERCHANDISE' | 'EXPERIENCE';
  productId: string;
  productName: string;
  /** The product's Chinese name at purchase; null when it had none. */
  productNameZh: string | null;
  merchantId: string;
  studioId: string;
  licenseId: string;
  filmIpId: string;
  royaltyBps: number;
  variantId: string | null;
  timeSlotId: string | null;
  ticketTypeId: string | null;
  venueId: string | null;
  ticketTypeName: string | null;
  ticketTypeNameZh: string | null;
  slotStartsAt: Date | null;
  slotEndsAt: Date | null;
  quantity: number;
  unitPriceMinor: number;
  netMinor: number;
  currency: string;
  refundedMinor: number;
  fulfilledAt: Date | null;
  fulfilment: string | null;
}

export interface TicketRecord {
  id: string;
  orderId: string;
  orderLineId: string;
  seat: number;
  merchantId: string;
  venueId: string;
  timeSlotId: string;
  code: string;
  qrPayload: string;
  redeemedAt: Date | null;
  voidedAt: Date | null;
  voidReason: 'SLOT_CANCELLED' | 'REFUNDED' | null;
}

export function holdOf(line: OrderLineRecord) {
  return line.kind === 'MERCHANDISE'
    ? { kind: 'VARIANT' as const, variantId: line.variantId as string, quantity: line.quantity }
    : { kind: 'SEATS' as const, timeSlotId: line.timeSlotId as string, quantity: line.quantity };
}

/** The provider refund of one recorded request; the key makes a retried call the same refund. */
export function refundIdempotencyKey(refundId: string): string {
  return `order-refund-${refundId}`;
}
