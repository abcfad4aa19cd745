import { Injectable } from '@nestjs/common';
import { Actor, OrganizationKind, OrganizationService } from '@chedun/identity';
import { DEFAULT_CURRENCY, Money } from '@chedun/kernel';
import { DeliveryRepository, MerchantDeliveryRow, OrderDeliveryRow } from './delivery.repository';
import { DeliveryMethod } from './delivery.types';
import { OrderRefundRepository } from './order-refund.repository';
import { PAID_STATES, OrderStatus } from './order-status';
import { LineShipmentRow, ShipmentRepository } from './shipment.repository';

/** An order's delivery as one reader may see it. */
export interface DeliveryView {
  delivery: OrderDeliveryRow;
  merchants: (MerchantDeliveryRow & { merchantName: string; pickupAddress: string | null; feeRefundedMinor: number })[];
  fee: Money;
  /** Of `fee`, what settled refunds gave back. */
  feeRefunded: Money;
}

/**
 * Reads an order's delivery for whoever already sees the order: whole to its buyer and the platform; to merchant
 * staff, their own part only (their fee, no pickup code: the buyer shows it at the counter). The address goes to the
 * buyer and the order's merchants, who ship to it.
 */
@Injectable()
export class DeliveryViewService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly shipments: ShipmentRepository,
    private readonly organizations: OrganizationService,
    private readonly refunds: OrderRefundRepository,
  ) {}

  /** The orders' deliveries as the actor may see them, in the order asked; null where there is none to show. */
  async deliveriesOf(actor: Actor, orderIds: readonly string[]): Promise<(DeliveryView | null)[]> {
    const [deliveries, parts, refunded] = await Promise.all([
      this.deliveries.ofOrders(orderIds),
      this.deliveries.merchantsOfOrders(orderIds),
      this.refunds.shippingRefundedOf(orderIds),
    ]);
    const feeRefunded = new Map(refunded.map((r) => [`${r.orderId}:${r.merchantId}`, r.refundedMinor]));
    const refundedOf = (m: MerchantDeliveryRow) => feeRefunded.get(`${m.orderId}:${m.merchantId}`) ?? 0;
    const visible = new Map<
      string,
      { delivery: OrderDeliveryRow; parts: MerchantDeliveryRow[]; all: MerchantDeliveryRow[]; buyer: boolean }
    >();
    for (const delivery of deliveries) {
      const all = parts.filter((m) => m.orderId === delivery.orderId);
      const buyer = delivery.buyerUserId === actor.userId;
      const mine =
        buyer || actor.isPlatform ? all : all.filter((m) => actor.isMemberOf(m.merchantId, OrganizationKind.MERCHANT));
      if (mine.length > 0 || buyer || actor.isPlatform)
        visible.set(delivery.orderId, { delivery, parts: mine, all, buyer });
    }
    const merchantIds = [...new Set([...visible.values()].flatMap((v) => v.parts.map((m) => m.merchantId)))];
    const [profiles, options] = await Promise.all([
      this.organizations.profiles(merchantIds),
      this.deliveries.optionsOf(merchantIds),
    ]);
    const names = new Map(profiles.map((p) => [p.id, p.nameZh ?? p.name]));
    const pickupAddresses = new Map(options.map((o) => [o.merchantId, o.pickupAddress]));
    return orderIds.map((orderId) => {
      const seen = visible.get(orderId);
      if (!seen) return null;
      const paid = PAID_STATES.includes(seen.delivery.orderStatus as OrderStatus);
      const currency = seen.all[0]?.currency ?? DEFAULT_CURRENCY;
      return {
        delivery: seen.delivery,
        merchants: seen.parts.map((m) => ({
          ...m,
          pickupCode: seen.buyer && paid ? m.pickupCode : null,
          merchantName: names.get(m.merchantId) ?? '',
          pickupAddress:
            seen.delivery.method === DeliveryMethod.PICKUP ? (pickupAddresses.get(m.merchantId) ?? null) : null,
          feeRefundedMinor: refundedOf(m),
        })),
        fee: Money.of(
          seen.parts.reduce((sum, m) => sum + m.feeMinor, 0),
          currency,
        ),
        feeRefunded: Money.of(
          seen.parts.reduce((sum, m) => sum + refundedOf(m), 0),
          currency,
        ),
      };
    });
  }

  async shipmentsOf(lineIds: readonly string[]): Promise<Map<string, LineShipmentRow>> {
    return new Map((await this.shipments.ofLines(lineIds)).map((s) => [s.orderLineId, s]));
  }
}
