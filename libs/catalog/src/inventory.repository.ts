import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { TimeSlotStatus } from './product.entity';

/** What orders need to price and check a merchandise variant at checkout. */
export interface VariantForSale {
  variantId: string;
  productId: string;
  productName: string;
  /** The Chinese name, when the product has one. */
  productNameZh: string | null;
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
  ticketTypeNameZh: string | null;
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

export type StockHold =
  { kind: 'VARIANT'; variantId: string; quantity: number } | { kind: 'SEATS'; timeSlotId: string; quantity: number };

/** A stock row after an UPDATE: its product and the units or seats left. */
export interface StockRow {
  productId: string;
  left: number;
}

/** A variant after units came back on hand: also its stock on hand after. */
export interface ReturnedUnitsRow extends StockRow {
  after: number;
}

export interface SlotStatusRow {
  id: string;
  status: TimeSlotStatus;
}

/**
 * The units and seats of `product_variants` and `time_slots` that checkout holds, sells and gives back. Every
 * change is one conditional UPDATE on the row, returning what is left, run inside the caller's transaction; the
 * table CHECKs are the last line.
 */
@Injectable()
export class InventoryRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): InventoryRepository {
    return new InventoryRepository(manager);
  }

  async variantForSale(variantId: string): Promise<VariantForSale | null> {
    const rows: Priced<VariantForSale>[] = await this.manager.query(
      `SELECT v.id AS "variantId", p.id AS "productId", p.name AS "productName", p.name_zh AS "productNameZh", p.status AS "productStatus", p.category, p.kind,
              p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.license_id AS "licenseId", p.film_ip_id AS "filmIpId",
              p.purchase_limit AS "purchaseLimit", v.price_minor AS "priceMinor", v.currency
         FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1`,
      [variantId],
    );
    return rows[0] ? priced(rows[0]) : null;
  }

  /** Null when the slot or the ticket type does not exist, or the ticket type is not of the slot's experience. */
  async seatForSale(timeSlotId: string, ticketTypeId: string): Promise<SeatForSale | null> {
    const rows: Priced<SeatForSale>[] = await this.manager.query(
      `SELECT s.id AS "timeSlotId", tt.id AS "ticketTypeId", tt.name AS "ticketTypeName", tt.name_zh AS "ticketTypeNameZh", p.venue_id AS "venueId",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status AS "slotStatus",
              p.id AS "productId", p.name AS "productName", p.name_zh AS "productNameZh", p.status AS "productStatus", p.category, p.kind,
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

  /** The experience's free-cancellation window in hours; null when it has none (or is no experience). */
  async freeCancellationHours(productId: string): Promise<number | null> {
    const rows: { hours: number | null }[] = await this.manager.query(
      `SELECT free_cancellation_hours AS hours FROM products WHERE id = $1 AND kind = 'EXPERIENCE'`,
      [productId],
    );
    return rows[0]?.hours ?? null;
  }

  /** Locks the slots in id order (so concurrent callers cannot deadlock on them) until the transaction ends. */
  lockSlots(timeSlotIds: readonly string[]): Promise<SlotStatusRow[]> {
    return this.manager.query(`SELECT id, status FROM time_slots WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [
      [...new Set(timeSlotIds)],
    ]);
  }

  /** Reserves when enough is left (and, for seats, the slot is OPEN and starts after `now`); no row otherwise. */
  reserve(hold: StockHold, now: Date): Promise<StockRow[]> {
    return hold.kind === 'VARIANT'
      ? updateReturning<StockRow>(
          this.manager,
          `UPDATE product_variants SET reserved = reserved + $2
            WHERE id = $1 AND stock_on_hand - sold - reserved >= $2 RETURNING ${RETURNING.VARIANT}`,
          [hold.variantId, hold.quantity],
        )
      : updateReturning<StockRow>(
          this.manager,
          `UPDATE time_slots SET reserved = reserved + $2
            WHERE id = $1 AND status = 'OPEN' AND starts_at > $3 AND capacity - sold - reserved >= $2 RETURNING ${RETURNING.SEATS}`,
          [hold.timeSlotId, hold.quantity, now],
        );
  }

  /** Gives a reservation back; no row when there is no such reservation. */
  release(hold: StockHold): Promise<StockRow[]> {
    return updateReturning<StockRow>(
      this.manager,
      `UPDATE ${table(hold)} SET reserved = reserved - $2 WHERE id = $1 AND reserved >= $2 RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
  }

  /** A reservation becomes a sale; false when there is no such reservation. */
  async sellReserved(hold: StockHold): Promise<boolean> {
    const rows = await updateReturning<{ productId: string }>(
      this.manager,
      `UPDATE ${table(hold)} SET reserved = reserved - $2, sold = sold + $2 WHERE id = $1 AND reserved >= $2 RETURNING product_id AS "productId"`,
      [holdId(hold), hold.quantity],
    );
    return rows.length === 1;
  }

  /** Sells without a reservation, only if enough is left; no row otherwise. */
  sellUnreserved(hold: StockHold): Promise<StockRow[]> {
    return updateReturning<StockRow>(
      this.manager,
      `UPDATE ${table(hold)} SET sold = sold + $2 WHERE id = $1 AND ${hold.kind === 'VARIANT' ? 'stock_on_hand' : 'capacity'} - sold - reserved >= $2
        RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
  }

  /** Takes back a sale; no row when fewer were sold. */
  unsell(hold: StockHold): Promise<StockRow[]> {
    return updateReturning<StockRow>(
      this.manager,
      `UPDATE ${table(hold)} SET sold = sold - $2 WHERE id = $1 AND sold >= $2 RETURNING ${RETURNING[hold.kind]}`,
      [holdId(hold), hold.quantity],
    );
  }

  /** Units or seats left now (0 for no such row), to tell a buyer how many they may still have. */
  async left(hold: StockHold): Promise<number> {
    const rows: StockRow[] = await this.manager.query(
      `SELECT ${RETURNING[hold.kind]} FROM ${table(hold)} WHERE id = $1`,
      [holdId(hold)],
    );
    return Math.max(0, Number(rows[0]?.left ?? 0));
  }

  /** Units back on hand; null when there is no such variant. */
  async returnUnits(variantId: string, quantity: number): Promise<ReturnedUnitsRow | null> {
    const rows = await updateReturning<ReturnedUnitsRow>(
      this.manager,
      `UPDATE product_variants SET stock_on_hand = stock_on_hand + $2 WHERE id = $1 RETURNING ${RETURNING.VARIANT}, stock_on_hand AS after`,
      [variantId, quantity],
    );
    return rows[0] ?? null;
  }

  /** Sold seats back on sale, only while the slot is still to come and not cancelled; no row otherwise. */
  returnSeats(timeSlotId: string, quantity: number, now: Date): Promise<StockRow[]> {
    return updateReturning<StockRow>(
      this.manager,
      `UPDATE time_slots SET sold = sold - $2 WHERE id = $1 AND sold >= $2 AND status <> 'CANCELLED' AND starts_at > $3 RETURNING ${RETURNING.SEATS}`,
      [timeSlotId, quantity, now],
    );
  }
}

const RETURNING: Record<StockHold['kind'], string> = {
  VARIANT: `product_id AS "productId", stock_on_hand - sold - reserved AS "left"`,
  SEATS: `product_id AS "productId", capacity - sold - reserved AS "left"`,
};

function table(hold: StockHold): string {
  return hold.kind === 'VARIANT' ? 'product_variants' : 'time_slots';
}

export function holdId(hold: StockHold): string {
  return hold.kind === 'VARIANT' ? hold.variantId : hold.timeSlotId;
}
