import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { holdId, InventoryRepository, SeatForSale, StockHold, StockRow, VariantForSale } from './inventory.repository';
import { StockMovementReason, TimeSlotStatus } from './product.entity';
import { ProductVariantRepository } from './product-variant.repository';
import { ProductPageCache } from './product-page-cache';

/**
 * Stock and seats for other contexts (orders). Every change is one conditional UPDATE on the row, run inside the
 * caller's transaction so a checkout's holds commit or roll back together; the table CHECKs are the last line.
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly inventory: InventoryRepository,
    private readonly variants: ProductVariantRepository,
    private readonly events: CatalogEvents,
    private readonly pages: ProductPageCache,
  ) {}

  variantForSale(manager: EntityManager, variantId: string): Promise<VariantForSale | null> {
    return this.inventory.forManager(manager).variantForSale(variantId);
  }

  /** Null when the slot or the ticket type does not exist, or the ticket type is not of the slot's experience. */
  seatForSale(manager: EntityManager, timeSlotId: string, ticketTypeId: string): Promise<SeatForSale | null> {
    return this.inventory.forManager(manager).seatForSale(timeSlotId, ticketTypeId);
  }

  /**
   * An experience's cancellation policy for orders' refund requests: a full refund, approved at once, until this many
   * hours before the start; null when every request goes to the merchant.
   */
  freeCancellationHours(manager: EntityManager, productId: string): Promise<number | null> {
    return this.inventory.forManager(manager).freeCancellationHours(productId);
  }

  /**
   * Locks the slots (in id order, so concurrent callers cannot deadlock on them) until the caller's transaction ends
   * and returns those that are CANCELLED. A cancellation committed meanwhile is seen once the lock is granted.
   */
  async lockSlotsCancelled(manager: EntityManager, timeSlotIds: readonly string[]): Promise<string[]> {
    if (timeSlotIds.length === 0) return [];
    const rows = await this.inventory.forManager(manager).lockSlots(timeSlotIds);
    return rows.filter((r) => r.status === TimeSlotStatus.CANCELLED).map((r) => r.id);
  }

  /** Reserves when enough is left (and, for seats, the slot is OPEN and starts after `now`); false otherwise. */
  async reserve(manager: EntityManager, hold: StockHold, now: Date): Promise<boolean> {
    const rows = await this.inventory.forManager(manager).reserve(hold, now);
    await this.availabilityChanged(manager, rows, -hold.quantity, 'StockReserved');
    return rows.length === 1;
  }

  /** Units or seats left now: what a reservation that failed could still have had. */
  left(manager: EntityManager, hold: StockHold): Promise<number> {
    return this.inventory.forManager(manager).left(hold);
  }

  /** Gives a reservation back (expired, failed or cancelled checkout). */
  async release(manager: EntityManager, hold: StockHold): Promise<void> {
    const rows = await this.inventory.forManager(manager).release(hold);
    if (rows.length !== 1) throw new Error(`Releasing ${hold.quantity} from ${holdId(hold)} found no such reservation`);
    await this.availabilityChanged(manager, rows, hold.quantity, 'StockReleased');
  }

  /** A paid reservation becomes a sale. */
  async sellReserved(manager: EntityManager, hold: StockHold): Promise<void> {
    const sold = await this.inventory.forManager(manager).sellReserved(hold);
    if (!sold) throw new Error(`Selling ${hold.quantity} reserved of ${holdId(hold)} found no such reservation`);
    // Units left (on hand − sold − reserved) are what they were: the listing has nothing new to show.
  }

  /** Sells without a reservation (a payment that arrived after its reservation lapsed), only if enough is left. */
  async sellUnreserved(manager: EntityManager, hold: StockHold): Promise<boolean> {
    const rows = await this.inventory.forManager(manager).sellUnreserved(hold);
    await this.availabilityChanged(manager, rows, -hold.quantity, 'StockSold');
    return rows.length === 1;
  }

  /** Takes back a sale (compensating an earlier sellUnreserved in the same transaction). */
  async unsell(manager: EntityManager, hold: StockHold): Promise<void> {
    const rows = await this.inventory.forManager(manager).unsell(hold);
    await this.availabilityChanged(manager, rows, hold.quantity, 'StockReleased');
  }

  /** Refunded units back on hand, recorded as a RETURN movement; returns the stock on hand after. */
  async returnUnits(
    manager: EntityManager,
    variantId: string,
    quantity: number,
    actorUserId: string,
    note: string,
  ): Promise<number> {
    const returned = await this.inventory.forManager(manager).returnUnits(variantId, quantity);
    if (!returned) throw new Error(`Returning ${quantity} to ${variantId} found no such variant`);
    await this.variants.forManager(manager).recordMovement({
      variantId,
      delta: quantity,
      reason: StockMovementReason.RETURN,
      note,
      stockAfter: returned.after,
      actorUserId,
    });
    await this.availabilityChanged(manager, [returned], quantity, 'StockReturned');
    return returned.after;
  }

  /** Refunded seats back on sale, only while the slot is still to come and not cancelled; false otherwise. */
  async returnSeats(manager: EntityManager, timeSlotId: string, quantity: number, now: Date): Promise<boolean> {
    const rows = await this.inventory.forManager(manager).returnSeats(timeSlotId, quantity, now);
    await this.availabilityChanged(manager, rows, quantity, 'SeatsReturned');
    return rows.length === 1;
  }

  /**
   * A listing shows whether a product has units or seats left, not how many: a row's change reaches it only when
   * the row runs out (left after = 0) or comes back from nothing (left before = 0). Every other checkout, payment
   * and release leaves the index alone instead of re-listing the product inside the buyer's transaction.
   */
  private async availabilityChanged(
    manager: EntityManager,
    rows: StockRow[],
    delta: number,
    change: string,
  ): Promise<void> {
    // Pages show the numbers, and these counters notify no one (migration 1765000003501): this process's next read of
    // them is fresh at once, other processes' within ProductPageCache's live TTL.
    this.pages.ownWrite([...new Set(rows.map((r) => r.productId))]);
    const flipped = rows.filter((r) => Number(r.left) > 0 !== Number(r.left) - delta > 0);
    await this.events.productsChanged(manager, [...new Set(flipped.map((r) => r.productId))], change);
  }
}
