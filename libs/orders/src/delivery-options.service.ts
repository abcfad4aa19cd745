import { Injectable } from '@nestjs/common';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, DEFAULT_CURRENCY } from '@chedun/kernel';
import { AddressBookRow, DeliveryOptionsRow, DeliveryRepository } from './delivery.repository';
import { SetDeliveryOptionsInput } from './delivery.types';
import { OrdersException } from './orders.exception';

const ADDRESS_BOOK_SIZE = 20;

/** What a merchant that never set its options offers: pickup at its own address, no shipping. */
export function defaultOptions(merchantId: string): DeliveryOptionsRow {
  return {
    merchantId,
    pickup: true,
    ship: false,
    currency: DEFAULT_CURRENCY,
    shippingFeeMinor: null,
    freeShippingFromMinor: null,
    pickupAddress: null,
  };
}

/** Merchants' delivery options, and the visitor's address book. */
@Injectable()
export class DeliveryOptionsService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  /** Owner or staff of the merchant. At least one method; shipping needs a fee (0 is free) in one currency. */
  async set(actor: Actor, input: SetDeliveryOptionsInput): Promise<DeliveryOptionsRow> {
    actor.assertMemberOf(input.merchantId, OrganizationKind.MERCHANT);
    if (!input.pickup && !input.ship) {
      throw OrdersException.badInput('Offer pickup, shipping or both', { field: 'pickup' });
    }
    if (input.ship && !input.shippingFee) {
      throw OrdersException.badInput('Shipping needs a shipping fee (0 for free shipping)', { field: 'shippingFee' });
    }
    const currency = input.shippingFee?.currency ?? input.freeShippingFrom?.currency ?? DEFAULT_CURRENCY;
    if (input.freeShippingFrom && input.freeShippingFrom.currency !== currency) {
      throw OrdersException.badInput('The free-shipping threshold must be in the shipping fee’s currency', {
        field: 'freeShippingFrom',
      });
    }
    // The fee and threshold are held to the amount ceiling at the edge; checkout holds the order, fees included, to its own.
    return this.deliveries.saveOptions(
      {
        merchantId: input.merchantId,
        pickup: input.pickup,
        ship: input.ship,
        currency,
        shippingFeeMinor: input.shippingFee?.amountMinor ?? null,
        freeShippingFromMinor: input.freeShippingFrom?.amountMinor ?? null,
        pickupAddress: input.pickupAddress ?? null,
      },
      actor.userId,
      this.clock.now(),
    );
  }

  /** Public: what each merchant offers, so a buyer can choose before checkout. Unknown merchants offer the default. */
  async optionsOf(merchantIds: readonly string[]): Promise<DeliveryOptionsRow[]> {
    const stored = new Map((await this.deliveries.optionsOf(merchantIds)).map((o) => [o.merchantId, o]));
    return merchantIds.map((id) => stored.get(id) ?? defaultOptions(id));
  }

  /** The caller's saved addresses, last used first. */
  addressBook(actor: Actor): Promise<AddressBookRow[]> {
    return this.deliveries.addressBook(actor.userId, ADDRESS_BOOK_SIZE);
  }
}
