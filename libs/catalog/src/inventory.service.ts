import { Injectable } from '@nestjs/common';
import { updateReturning } from '@chedun/db';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';

/** What orders need to price and check a merchandise variant at checkout. */
export interface VariantForSale {
  variantId: string;
  productId: string;
  productName: string;
  productStatus: string;
  category: string;
  kind: string;
  merchantId: string;
  studioId: string;
  licenseId: string;
  filmIpId: string;
  purchaseLimit: number | null;
  priceMinor: number;
  currency: string;
}

/** What orders need to price and check a seat of an experience's time slot. */
export interface SeatForSale extends Omit<VariantForSale, 'variantId'> {
  timeSlotId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  slotStatus: string;
}

/** A row as pg returns it: the bigint price as text, for the kernel's one money reader. */
type Priced<T extends { priceMinor: number }> = Omit<T, 'priceMinor'> & { priceMinor: string };

function priced<T extends { priceMinor: number }>(row: Priced<T>): T {
  return { ...row, priceMinor: readMinorUnits(row.priceMinor) } as T;
}

export type StockHold = { kind: 'VARIANT'; variantId: string; quantity: number } | { kind: 'SEATS'; timeSlotId: string; quantity: number };

/**
 * Stock and seats for other contexts (orders). Every change is one conditional UPDATE on the row, run inside the
 * caller's transaction so a checkout's holds commit or roll back together; the table CHECKs are the last line.
 */
@Injectable()
export class InventoryService {
  constructor(private readonly events: CatalogEvents) {}

  async variantForSale(manager: EntityManager, variantId: string): Promise<VariantForSale | null> {
    const rows: Priced<VariantForSale>[] = await manager.query(
      `SELECT v.id AS "variantId", p.id AS "productId", p.name AS "productName", p.status AS "productStatus", p.category, p.kind,
              p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.license_id AS "licenseId", p.film_ip_id AS "filmIpId",
              p.purchase_limit AS "purchaseLimit", v.price_minor AS "priceMinor", v.currency
         FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1`,
      [variantId],
    );
    return rows[0] ? priced(rows[0]) : null;
  }

  /** Null when the slot or the ticket type does not exist, or the ticket type is not of the slot's experience. */
  async seatForSale(manager: EntityManager, timeSlotId: string, ticketTypeId: string): Promise<SeatForSale | null> {
    const rows: Priced<SeatForSale>[] = await manager.query(
      `SELECT s.id AS "timeSlotId", tt.id AS "ticketTypeId", tt.name AS "ticketTypeName", p.venue_id AS "venueId",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status AS "slotStatus",
              p.id AS "productId", p.name AS "productName", p.status AS "productStatus", p.category, p.kind,
              p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.license_id AS "licenseId", p.film_ip_id AS "filmIpId",
              p.purchase_limit AS "purchaseLimit", tt.price_minor AS "priceMinor", tt.currency
         FROM time_slots s
         JOIN products p ON p.id = s.product_id
         JOIN ticket_types tt ON tt.product_id = s.product_id AND tt.id = $2
        WHERE s.id = $1`,
      [timeSlotId, ticketTypeId],
    );
    return rows[0] ? priced(rows[0]) : null;
  }

  /**
   * Locks the slots (in id order, so concurrent callers cannot deadlock on them) until the caller's transaction ends
   * and returns those that are CANCELLED. A cancellation committed meanwhile is seen once the lock is granted.
   */
  async lockSlotsCancelled(manager: EntityManager, timeSlotIds: readonly string[]): Promise<string[]> {
    if (timeSlotIds.length === 0) return [];
    const rows: { id: string; status: string }[] = await manager.query(
      `SELECT id, status FROM time_slots WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
      [[...new Set(timeSlotIds)]],
    );
    return rows.filter((r) => r.status === 'CANCELLED').map((r) => r.id);
  }

  /** Reserves when enough is left (and, for seats, the slot is OPEN and starts after `now`); false otherwise. */
  async reserve(manager: EntityManager, hold: StockHold, now: Date): Promise<boolean> {
    const rows =
      hold.kind === 'VARIANT'
        ? await updateReturning<StockRow>(
            manager,
            `UPDATE product_variants SET reserved = reserved + $2
              WHERE id = $1 AND stock_on_hand - sold - reserved >= $2 RETURNING ${RETURNING.VARIANT}`,
            [hold.variantId, hold.quantity],
          )
        : await updateReturning<StockRow>(
            manager,
            `UPDATE time_slots SET reserved = reserved + $2
              WHERE id = $1 AND status = 'OPEN' AND starts_at > $3 AND capacity - sold - reserved >= $2 RETURNING ${RETURNING.SEATS}`,
            [hold.timeSlotId, hold.quantity, now],
          );
    await this.availabilityChanged(manager, rows, -hold.quantity, 'StockReserved');
    return rows.length === 1;
  }

  /** Gives a reservation back (expired, failed or cancelled checkout). */
  async release(manager: EntityManager, hold: StockHold): Promise<void> {
    const rows = await updateReturning<StockRow>(
      manager,
      `UPDATE ${table(hold)} SET reserved = reserved - $2 WHERE id = $1 AND reserved >= $2 RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
    if (rows.length !== 1) throw new Error(`Releasing ${hold.quantity} from ${holdId(hold)} found no such reservation`);
    await this.availabilityChanged(manager, rows, hold.quantity, 'StockReleased');
  }

  /** A paid reservation becomes a sale. */
  async sellReserved(manager: EntityManager, hold: StockHold): Promise<void> {
    const rows = await updateReturning<{ productId: string }>(
      manager,
      `UPDATE ${table(hold)} SET reserved = reserved - $2, sold = sold + $2 WHERE id = $1 AND reserved >= $2 RETURNING product_id AS "productId"`,
      [holdId(hold), hold.quantity],
    );
    if (rows.length !== 1) throw new Error(`Selling ${hold.quantity} reserved of ${holdId(hold)} found no such reservation`);
    // Units left (on hand − sold − reserved) are what they were: the listing has nothing new to show.
  }

  /** Sells without a reservation (a payment that arrived after its reservation lapsed), only if enough is left. */
  async sellUnreserved(manager: EntityManager, hold: StockHold): Promise<boolean> {
    const rows = await updateReturning<StockRow>(
      manager,
      `UPDATE ${table(hold)} SET sold = sold + $2 WHERE id = $1 AND ${hold.kind === 'VARIANT' ? 'stock_on_hand' : 'capacity'} - sold - reserved >= $2
        RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
    await this.availabilityChanged(manager, rows, -hold.quantity, 'StockSold');
    return rows.length === 1;
  }

  /** Takes back a sale (compensating an earlier sellUnreserved in the same transaction). */
  async unsell(manager: EntityManager, hold: StockHold): Promise<void> {
    const rows = await updateReturning<StockRow>(
      manager,
      `UPDATE ${table(hold)} SET sold = sold - $2 WHERE id = $1 AND sold >= $2 RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
    await this.availabilityChanged(manager, rows, hold.quantity, 'StockReleased');
  }

  /** Refunded units back on hand, recorded as a RETURN movement; returns the stock on hand after. */
  async returnUnits(manager: EntityManager, variantId: string, quantity: number, actorUserId: string, note: string): Promise<number> {
    const rows = await updateReturning<StockRow & { after: number }>(
      manager,
      `UPDATE product_variants SET stock_on_hand = stock_on_hand + $2 WHERE id = $1 RETURNING ${RETURNING.VARIANT}, stock_on_hand AS after`,
      [variantId, quantity],
    );
    if (rows.length !== 1) throw new Error(`Returning ${quantity} to ${variantId} found no such variant`);
    await manager.query(
      `INSERT INTO stock_movements (variant_id, delta, reason, note, stock_after, actor_user_id) VALUES ($1, $2, 'RETURN', $3, $4, $5)`,
      [variantId, quantity, note, rows[0]!.after, actorUserId],
    );
    await this.availabilityChanged(manager, rows, quantity, 'StockReturned');
    return rows[0]!.after;
  }

  /** Refunded seats back on sale, only while the slot is still to come and not cancelled; false otherwise. */
  async returnSeats(manager: EntityManager, timeSlotId: string, quantity: number, now: Date): Promise<boolean> {
    const rows = await updateReturning<StockRow>(
      manager,
      `UPDATE time_slots SET sold = sold - $2 WHERE id = $1 AND sold >= $2 AND status <> 'CANCELLED' AND starts_at > $3 RETURNING ${RETURNING.SEATS}`,
      [timeSlotId, quantity, now],
    );
    await this.availabilityChanged(manager, rows, quantity, 'SeatsReturned');
    return rows.length === 1;
  }

  /**
   * A listing shows whether a product has units or seats left, not how many: a row's change reaches it only when
   * the row runs out (left after = 0) or comes back from nothing (left before = 0). Every other checkout, payment
   * and release leaves the index alone instead of re-listing the product inside the buyer's transaction.
   */
  private async availabilityChanged(manager: EntityManager, rows: StockRow[], delta: number, change: string): Promise<void> {
    const flipped = rows.filter((r) => (Number(r.left) > 0) !== (Number(r.left) - delta > 0));
    await this.events.productsChanged(manager, [...new Set(flipped.map((r) => r.productId))], change);
  }
}

/** A stock row after an UPDATE: its product and the units or seats left. */
interface StockRow {
  productId: string;
  left: number;
}

const RETURNING: Record<StockHold['kind'], string> = {
  VARIANT: `product_id AS "productId", stock_on_hand - sold - reserved AS "left"`,
  SEATS: `product_id AS "productId", capacity - sold - reserved AS "left"`,
};

function table(hold: StockHold): string {
  return hold.kind === 'VARIANT' ? 'product_variants' : 'time_slots';
}

function holdId(hold: StockHold): string {
  return hold.kind === 'VARIANT' ? hold.variantId : hold.timeSlotId;
}
