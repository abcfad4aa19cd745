import { Injectable } from '@nestjs/common';
import { Actor, OrganizationKind, OrganizationService } from '@chedun/identity';
import { Money } from '@chedun/kernel';
import { DeliveryRepository, MerchantDeliveryRow, OrderDeliveryRow } from './delivery.repository';
import { PAID_STATES, OrderStatus } from './order-status';
import { LineShipmentRow, ShipmentRepository } from './shipment.repository';

/** An order's delivery as one reader may see it. */
export interface DeliveryView {
  delivery: OrderDeliveryRow;
  merchants: (MerchantDeliveryRow & { merchantName: string })[];
  fee: Money;
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
  ) {}

  async deliveryOf(actor: Actor, orderId: string): Promise<DeliveryView | null> {
    const delivery = await this.deliveries.ofOrder(orderId);
    if (!delivery) return null;
    const all = await this.deliveries.merchantsOf(orderId);
    const buyer = delivery.buyerUserId === actor.userId;
    const whole = buyer || actor.isPlatform;
    const parts = whole ? all : all.filter((m) => actor.isMemberOf(m.merchantId, OrganizationKind.MERCHANT));
    if (parts.length === 0 && !whole) return null;
    const paid = PAID_STATES.includes(delivery.orderStatus as OrderStatus);
    const names = new Map((await this.organizations.profiles(parts.map((m) => m.merchantId))).map((p) => [p.id, p.nameZh ?? p.name]));
    const currency = all[0]?.currency ?? 'CNY';
    return {
      delivery,
      merchants: parts.map((m) => ({ ...m, pickupCode: buyer && paid ? m.pickupCode : null, merchantName: names.get(m.merchantId) ?? '' })),
      fee: Money.of(
        parts.reduce((sum, m) => sum + m.feeMinor, 0),
        currency,
      ),
    };
  }

  async shipmentsOf(lineIds: readonly string[]): Promise<Map<string, LineShipmentRow>> {
    return new Map((await this.shipments.ofLines(lineIds)).map((s) => [s.orderLineId, s]));
  }
}
