import { Injectable } from '@nestjs/common';
import { Actor, OrganizationService } from '@chedun/identity';
import { EntityManager } from 'typeorm';
import { defaultOptions } from './delivery-options.service';
import { AddressRow, DeliveryRepository, NewOrderDelivery } from './delivery.repository';
import { DeliveryInput, DeliveryMethod } from './delivery.types';
import { OrdersException } from './orders.exception';
import { newTicketCode } from './ticket-code';

/** A merchandise line of a checkout, as delivery needs it. */
export interface GoodsLine {
  merchantId: string;
  netMinor: number;
}

/** The order's delivery as priced at checkout: null when it holds no merchandise (experiences need none). */
export interface DeliveryQuote {
  method: DeliveryMethod;
  address: AddressRow | null;
  merchants: { merchantId: string; feeMinor: number; currency: string }[];
  totalFeeMinor: number;
}

/**
 * Checkout's delivery step: one choice for the order's merchandise, refused (naming the merchant) when a merchant of
 * it does not offer the method; each merchant's shipping fee, free from its threshold on its own goods; and, once the
 * order exists, the choice recorded, each pickup's code drawn and the address saved to the buyer's book.
 */
@Injectable()
export class CheckoutDeliveryService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly organizations: OrganizationService,
  ) {}

  async quote(
    manager: EntityManager,
    input: DeliveryInput | null | undefined,
    goods: readonly GoodsLine[],
    currency: string,
  ): Promise<DeliveryQuote | null> {
    if (goods.length === 0) return null;
    const method = input?.method ?? DeliveryMethod.PICKUP;
    const address = method === DeliveryMethod.SHIP ? input?.address : null;
    if (method === DeliveryMethod.SHIP && !address) {
      throw OrdersException.badInput('Shipping needs an address', { field: 'delivery.address' });
    }
    const subtotals = new Map<string, number>();
    for (const line of goods) subtotals.set(line.merchantId, (subtotals.get(line.merchantId) ?? 0) + line.netMinor);
    const merchantIds = [...subtotals.keys()];
    const stored = new Map(
      (await this.deliveries.forManager(manager).optionsOf(merchantIds)).map((o) => [o.merchantId, o]),
    );
    const merchants: DeliveryQuote['merchants'] = [];
    for (const merchantId of merchantIds) {
      const options = stored.get(merchantId) ?? defaultOptions(merchantId);
      const offered = method === DeliveryMethod.SHIP ? options.ship : options.pickup;
      if (!offered) {
        const name = await this.merchantName(manager, merchantId);
        const what = method === DeliveryMethod.SHIP ? 'shipping' : 'pickup';
        throw OrdersException.badInput(`${name} does not offer ${what}`, {
          field: 'delivery.method',
          merchantId,
          merchantName: name,
          method,
        });
      }
      let feeMinor = 0;
      if (method === DeliveryMethod.SHIP) {
        if (options.currency !== currency) {
          const name = await this.merchantName(manager, merchantId);
          throw OrdersException.badInput(`${name} ships only for orders in ${options.currency}`, {
            field: 'delivery.method',
            merchantId,
            merchantName: name,
          });
        }
        const free =
          options.freeShippingFromMinor !== null && subtotals.get(merchantId)! >= options.freeShippingFromMinor;
        feeMinor = free ? 0 : (options.shippingFeeMinor ?? 0);
      }
      merchants.push({ merchantId, feeMinor, currency });
    }
    return {
      method,
      address: address
        ? {
            recipient: address.recipient,
            phone: address.phone,
            province: address.province,
            city: address.city,
            district: address.district,
            street: address.street,
            postalCode: address.postalCode || null,
          }
        : null,
      merchants,
      totalFeeMinor: merchants.reduce((sum, m) => sum + m.feeMinor, 0),
    };
  }

  /** The quoted delivery as the new order's rows: each pickup's code drawn (written with the order, in one statement). */
  rows(quote: DeliveryQuote | null): Omit<NewOrderDelivery, 'orderId'> | null {
    if (!quote) return null;
    const pickup = quote.method === DeliveryMethod.PICKUP;
    return {
      method: quote.method,
      address: quote.address,
      merchants: quote.merchants.map((m) => ({ ...m, pickupCode: pickup ? newTicketCode() : null })),
    };
  }

  /** Saves a shipping address to the buyer's book, in checkout's transaction. */
  async remember(manager: EntityManager, actor: Actor, quote: DeliveryQuote | null, now: Date): Promise<void> {
    if (quote?.address) await this.deliveries.forManager(manager).remember(actor.userId, quote.address, now);
  }

  private async merchantName(manager: EntityManager, merchantId: string): Promise<string> {
    const [profile] = await this.organizations.profiles([merchantId], manager);
    return profile?.nameZh ? `${profile.nameZh} (${profile.name})` : (profile?.name ?? merchantId);
  }
}
