import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventBus } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { ProductPageCache } from './product-page-cache';

/**
 * Something a shopper could see about these products changed (status, content, price, stock, slots). Published
 * inside the transaction that made the change; the search index consumes it idempotently.
 */
export interface CatalogProductChanged extends DomainEvent {
  readonly type: 'CatalogProductChanged';
  readonly productIds: readonly string[];
  /** The past-tense fact, e.g. ProductPublished, StockAdjusted, TimeSlotAdded. */
  readonly change: string;
}

/**
 * A merchant cancelled a time slot (final). Published inside the cancelling transaction, so whatever its ticket
 * holders are owed is recorded in the same commit.
 */
export interface TimeSlotCancelled extends DomainEvent {
  readonly type: 'TimeSlotCancelled';
  readonly timeSlotId: string;
  readonly productId: string;
  readonly cancelledBy: string;
  readonly cancelledAt: Date;
}

@Injectable()
export class CatalogEvents {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly pages: ProductPageCache,
  ) {}

  async productsChanged(manager: EntityManager, productIds: readonly string[], change: string): Promise<void> {
    if (productIds.length === 0) return;
    // This process's next read of these pages must see the change before its notification arrives.
    this.pages.ownWrite(productIds);
    const event: CatalogProductChanged = { type: 'CatalogProductChanged', productIds, change };
    await this.bus.publish(event, manager);
  }

  async slotCancelled(manager: EntityManager, event: Omit<TimeSlotCancelled, 'type'>): Promise<void> {
    await this.bus.publish({ type: 'TimeSlotCancelled', ...event } satisfies TimeSlotCancelled, manager);
  }
}
