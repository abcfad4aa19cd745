import { contractOperation } from './contract';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  Licensed,
  licensedMerchant,
} from './catalog';
import { GqlResult, TestApp } from './test-app';

export interface Shop {
  licensed: Licensed;
  productId: string;
  variantId: string;
  experienceId: string;
  venueId: string;
  ticketTypeIds: string[];
  slotId: string;
}

/** A licensed merchant with one published merchandise product (stock units, 99.00 CNY) and one published experience with a slot tomorrow. */
export async function openShop(
  t: TestApp,
  options: {
    stock?: number;
    seats?: number;
    licensed?: Licensed;
    /** The merchandise's names and category, when not the default T-shirt. */
    merchandise?: { name: string; nameZh: string; category: string };
  } = {},
): Promise<Shop> {
  const licensed = options.licensed ?? (await licensedMerchant(t));
  const merch = await createMerchandise(t, licensed, {
    ...options.merchandise,
    stock: options.stock ?? 10,
    prices: [9900],
  });
  await approveAndPublish(t, licensed, merch.id);
  const venue = await createVenue(t, licensed.merchant);
  const experience = await createExperience(t, licensed, venue.id, { prices: [12000, 6000] });
  const slot = await addSlot(
    t,
    licensed,
    experience.id,
    new Date(t.clock.now().getTime() + 24 * 3600_000),
    options.seats ?? 20,
  );
  await approveAndPublish(t, licensed, experience.id);
  return {
    licensed,
    productId: merch.id,
    variantId: merch.variants[0]!.id,
    experienceId: experience.id,
    venueId: venue.id,
    ticketTypeIds: experience.ticketTypes.map((tt) => tt.id),
    slotId: slot.id,
  };
}

let keyCounter = 0;
export function idempotencyKey(): string {
  keyCounter += 1;
  return `key-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

export type CheckoutLine = { variantId?: string; timeSlotId?: string; ticketTypeId?: string; quantity: number };

export function checkout(
  t: TestApp,
  token: string,
  lines: CheckoutLine[],
  key = idempotencyKey(),
): Promise<GqlResult<any>> {
  return t.gql(contractOperation('Checkout'), { idempotencyKey: key, lines }, token);
}

export async function stockOf(
  t: TestApp,
  variantId: string,
): Promise<{ stock: number; reserved: number; sold: number }> {
  const [row] = await t.sql<{ stock: number; reserved: number; sold: number }>(
    `SELECT stock_on_hand AS stock, reserved, sold FROM product_variants WHERE id = $1`,
    [variantId],
  );
  return row!;
}

export async function seatsOf(
  t: TestApp,
  slotId: string,
): Promise<{ capacity: number; reserved: number; sold: number }> {
  const [row] = await t.sql<{ capacity: number; reserved: number; sold: number }>(
    `SELECT capacity, reserved, sold FROM time_slots WHERE id = $1`,
    [slotId],
  );
  return row!;
}
