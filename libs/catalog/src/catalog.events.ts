import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventBus } from '@chedun/db';
import { EntityManager } from 'typeorm';

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

@Injectable()
export class CatalogEvents {
  constructor(private readonly bus: DomainEventBus) {}

  async productsChanged(manager: EntityManager, productIds: readonly string[], change: string): Promise<void> {
    if (productIds.length === 0) return;
    const event: CatalogProductChanged = { type: 'CatalogProductChanged', productIds, change };
    await this.bus.publish(event, manager);
  }
}
