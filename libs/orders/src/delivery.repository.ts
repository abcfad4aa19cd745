import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { DeliveryMethod } from './delivery.types';

/** A merchant's delivery options as stored; a merchant without a row offers pickup only. */
export interface DeliveryOptionsRow {
  merchantId: string;
  pickup: boolean;
  ship: boolean;
  currency: string;
  shippingFeeMinor: number | null;
  freeShippingFromMinor: number | null;
  pickupAddress: string | null;
}

export interface AddressRow {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string | null;
}

export interface AddressBookRow extends AddressRow {
  id: string;
  lastUsedAt: Date;
}

/** An order's delivery choice, with its address (SHIP) as copied at checkout. */
export interface OrderDeliveryRow {
  orderId: string;
  buyerUserId: string;
  orderStatus: string;
  method: DeliveryMethod;
  address: AddressRow | null;
}

/** One merchant's part of an order's delivery. */
export interface MerchantDeliveryRow {
  orderId: string;
  merchantId: string;
  feeMinor: number;
  currency: string;
  pickupCode: string | null;
  handedOverAt: Date | null;
}

type Minor<T, K extends keyof T> = Omit<T, K> & Record<K, string | null>;

const OPTION_COLUMNS = `merchant_id AS "merchantId", pickup, ship, currency, shipping_fee_minor AS "shippingFeeMinor",
  free_shipping_from_minor AS "freeShippingFromMinor", pickup_address AS "pickupAddress"`;
const MERCHANT_DELIVERY_COLUMNS = `d.order_id AS "orderId", d.merchant_id AS "merchantId", d.fee_minor AS "feeMinor", d.currency,
  d.pickup_code AS "pickupCode", d.handed_over_at AS "handedOverAt"`;

function toOptions(r: Minor<DeliveryOptionsRow, 'shippingFeeMinor' | 'freeShippingFromMinor'>): DeliveryOptionsRow {
  return {
    ...r,
    shippingFeeMinor: r.shippingFeeMinor === null ? null : readMinorUnits(r.shippingFeeMinor),
    freeShippingFromMinor: r.freeShippingFromMinor === null ? null : readMinorUnits(r.freeShippingFromMinor),
  };
}

function toMerchantDelivery(r: Minor<MerchantDeliveryRow, 'feeMinor'>): MerchantDeliveryRow {
  return { ...r, feeMinor: readMinorUnits(r.feeMinor as string) };
}

/**
 * Delivery's tables in the orders context: `merchant_delivery_options`, `address_book_entries`, `order_deliveries`
 * and `order_merchant_deliveries`.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): DeliveryRepository {
    return new DeliveryRepository(manager);
  }

  async optionsOf(merchantIds: readonly string[]): Promise<DeliveryOptionsRow[]> {
    if (merchantIds.length === 0) return [];
    const rows: Minor<DeliveryOptionsRow, 'shippingFeeMinor' | 'freeShippingFromMinor'>[] = await this.manager.query(
      `SELECT ${OPTION_COLUMNS} FROM merchant_delivery_options WHERE merchant_id = ANY($1::uuid[])`,
      [merchantIds],
    );
    return rows.map(toOptions);
  }

  async saveOptions(options: DeliveryOptionsRow, updatedBy: string, now: Date): Promise<DeliveryOptionsRow> {
    const [row] = (await this.manager.query(
      `INSERT INTO merchant_delivery_options AS o (merchant_id, pickup, ship, currency, shipping_fee_minor, free_shipping_from_minor, pickup_address,
                                                   updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (merchant_id) DO UPDATE SET pickup = EXCLUDED.pickup, ship = EXCLUDED.ship, currency = EXCLUDED.currency,
         shipping_fee_minor = EXCLUDED.shipping_fee_minor, free_shipping_from_minor = EXCLUDED.free_shipping_from_minor,
         pickup_address = coalesce(EXCLUDED.pickup_address, o.pickup_address),
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING ${OPTION_COLUMNS}`,
      [
        options.merchantId,
        options.pickup,
        options.ship,
        options.currency,
        options.shippingFeeMinor,
        options.freeShippingFromMinor,
        options.pickupAddress,
        updatedBy,
        now,
      ],
    )) as Minor<DeliveryOptionsRow, 'shippingFeeMinor' | 'freeShippingFromMinor'>[];
    return toOptions(row!);
  }

  /** Saves the address to the user's book, or marks the same address used again. */
  async remember(userId: string, address: AddressRow, now: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO address_book_entries (user_id, recipient, phone, province, city, district, street, postal_code, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT address_book_entries_once DO UPDATE SET last_used_at = EXCLUDED.last_used_at`,
      [
        userId,
        address.recipient,
        address.phone,
        address.province,
        address.city,
        address.district,
        address.street,
        address.postalCode ?? '',
        now,
      ],
    );
  }

  /** The user's saved addresses, last used first. */
  async addressBook(userId: string, limit: number): Promise<AddressBookRow[]> {
    const rows: (AddressBookRow & { postalCode: string })[] = await this.manager.query(
      `SELECT id, recipient, phone, province, city, district, street, postal_code AS "postalCode", last_used_at AS "lastUsedAt"
         FROM address_book_entries WHERE user_id = $1 ORDER BY last_used_at DESC, id LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({ ...r, postalCode: r.postalCode === '' ? null : r.postalCode }));
  }

  async ofOrder(orderId: string): Promise<OrderDeliveryRow | null> {
    return (await this.ofOrders([orderId]))[0] ?? null;
  }

  /** The orders' deliveries; orders without one (no merchandise) are absent. */
  async ofOrders(orderIds: readonly string[]): Promise<OrderDeliveryRow[]> {
    if (orderIds.length === 0) return [];
    const rows = (await this.manager.query(
      `SELECT d.order_id AS "orderId", o.buyer_user_id AS "buyerUserId", o.status AS "orderStatus", d.method, d.recipient, d.phone,
              d.province, d.city, d.district, d.street, d.postal_code AS "postalCode"
         FROM order_deliveries d JOIN orders o ON o.id = d.order_id WHERE d.order_id = ANY($1::uuid[])`,
      [orderIds],
    )) as (Omit<OrderDeliveryRow, 'address'> & AddressRow)[];
    return rows.map(({ orderId, buyerUserId, orderStatus, method, ...address }) => ({
      orderId,
      buyerUserId,
      orderStatus,
      method,
      address: method === DeliveryMethod.SHIP ? address : null,
    }));
  }

  async merchantsOf(orderId: string): Promise<MerchantDeliveryRow[]> {
    return this.merchantsOfOrders([orderId]);
  }

  async merchantsOfOrders(orderIds: readonly string[]): Promise<MerchantDeliveryRow[]> {
    if (orderIds.length === 0) return [];
    const rows: Minor<MerchantDeliveryRow, 'feeMinor'>[] = await this.manager.query(
      `SELECT ${MERCHANT_DELIVERY_COLUMNS} FROM order_merchant_deliveries d WHERE d.order_id = ANY($1::uuid[]) ORDER BY d.order_id, d.merchant_id`,
      [orderIds],
    );
    return rows.map(toMerchantDelivery);
  }

  /** A merchant's part found by its pickup code, locked for the caller's transaction. */
  async lockByPickupCode(code: string): Promise<MerchantDeliveryRow | null> {
    const [row] = (await this.manager.query(
      `SELECT ${MERCHANT_DELIVERY_COLUMNS} FROM order_merchant_deliveries d WHERE d.pickup_code = $1 FOR UPDATE`,
      [code],
    )) as Minor<MerchantDeliveryRow, 'feeMinor'>[];
    return row ? toMerchantDelivery(row) : null;
  }

  async markHandedOver(orderId: string, merchantId: string, by: string, now: Date): Promise<void> {
    await this.manager.query(
      `UPDATE order_merchant_deliveries SET handed_over_at = $3, handed_over_by = $4 WHERE order_id = $1 AND merchant_id = $2`,
      [orderId, merchantId, now, by],
    );
  }
}

/** An order's delivery as checkout writes it: the choice and each merchant's part. */
export interface NewOrderDelivery {
  orderId: string;
  method: DeliveryMethod;
  address: AddressRow | null;
  merchants: readonly Omit<MerchantDeliveryRow, 'orderId' | 'handedOverAt'>[];
}

/**
 * Two data-modifying CTEs (`delivery_choice`, `delivery_merchants`) writing `delivery`, their parameters appended to
 * `values`: a part of checkout's one statement for the whole order.
 */
export function deliveryCtesSql(delivery: NewOrderDelivery, values: unknown[]): string {
  const a = delivery.address;
  const first = values.length;
  values.push(
    delivery.orderId,
    delivery.method,
    a?.recipient ?? null,
    a?.phone ?? null,
    a?.province ?? null,
    a?.city ?? null,
    a?.district ?? null,
    a?.street ?? null,
    a?.postalCode ?? null,
    delivery.merchants.map((m) => m.merchantId),
    delivery.merchants.map((m) => m.feeMinor),
    delivery.merchants.map((m) => m.currency),
    delivery.merchants.map((m) => m.pickupCode),
  );
  const $ = (n: number): string => `$${first + n}`;
  return `delivery_choice AS (
         INSERT INTO order_deliveries (order_id, method, recipient, phone, province, city, district, street, postal_code)
         VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map($).join(', ')})),
       delivery_merchants AS (
         INSERT INTO order_merchant_deliveries (order_id, merchant_id, fee_minor, currency, pickup_code)
         SELECT ${$(1)}::uuid, m.merchant_id, m.fee_minor, m.currency, m.pickup_code
           FROM unnest(${$(10)}::uuid[], ${$(11)}::bigint[], ${$(12)}::char(3)[], ${$(13)}::text[]) AS m(merchant_id, fee_minor, currency, pickup_code))`;
}
