import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogListingSource, ProductKind } from '@chedun/catalog';
import { DataSource, EntityManager } from 'typeorm';
import { SearchIndex } from './search-index.port';
import { SearchOutboxRepository } from './search-outbox.repository';

const BATCH = 100;
const DRAIN_EVERY_MS = 1000;
/** Slots pass without any change to the catalog, so experiences' days with seats are recomputed this often. */
const REFRESH_EXPERIENCES_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps the index in step with the catalog, as an idempotent consumer: whatever happened, it asks the catalog
 * what the product looks like now and indexes that (or drops it). The Postgres index is written in the catalog's
 * own transaction; an external index is fed from the outbox, written in that transaction, by a worker.
 */
@Injectable()
export class SearchSync implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SearchSync.name);
  private drainTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: SearchIndex,
    private readonly listings: CatalogListingSource,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.refreshTimer = setInterval(() => {
      this.refreshExperiences().catch((error: unknown) =>
        this.logger.error(`Search refresh of experiences failed: ${String(error)}`),
      );
    }, REFRESH_EXPERIENCES_EVERY_MS);
    this.refreshTimer.unref();
    if (this.index.transactional) return;
    this.drainTimer = setInterval(() => {
      this.drainOutbox().catch((error: unknown) => this.logger.error(`Search outbox drain failed: ${String(error)}`));
    }, DRAIN_EVERY_MS);
    this.drainTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.drainTimer) clearInterval(this.drainTimer);
    if (this.refreshTimer) clearInterval(this.refreshTimer);
  }

  /** Re-lists every published experience, so days whose slots have passed stop matching `availableOn`. */
  async refreshExperiences(): Promise<number> {
    const ids = await this.listings.publishedProductIds(ProductKind.EXPERIENCE);
    for (let i = 0; i < ids.length; i += BATCH) {
      await this.dataSource.transaction((manager) => this.productsChanged(ids.slice(i, i + BATCH), manager));
    }
    return ids.length;
  }

  async productsChanged(productIds: readonly string[], manager: EntityManager): Promise<void> {
    if (this.index.transactional) {
      await this.apply(productIds, manager);
      return;
    }
    await this.outbox.forManager(manager).enqueue(productIds);
  }

  /** Processes pending outbox rows; returns how many. Safe to run concurrently (SKIP LOCKED) and to repeat. */
  drainOutbox(): Promise<number> {
    this.draining ??= this.drainAll().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Outbox rows not yet applied to the external index (0 with the Postgres index, which is written in place). */
  pendingCount(): Promise<number> {
    return this.outbox.pendingCount();
  }

  /** Full reindex: clears the index and lists every published product again. */
  async reindexAll(): Promise<number> {
    await this.index.clear();
    const ids = await this.listings.publishedProductIds();
    let indexed = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const documents = await this.listings.listings(ids.slice(i, i + BATCH));
      await this.index.upsert(documents);
      indexed += documents.length;
    }
    await this.outbox.markAllProcessed();
    return indexed;
  }

  private async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const outbox = this.outbox.forManager(manager);
        const entries = await outbox.claimPending(BATCH);
        if (entries.length === 0) return 0;
        await this.apply([...new Set(entries.map((e) => e.productId))], manager);
        await outbox.markProcessed(entries.map((e) => e.id));
        return entries.length;
      });
      total += done;
      if (done < BATCH) break;
    }
    await this.outbox.purgeProcessed();
    return total;
  }

  private async apply(productIds: readonly string[], manager: EntityManager): Promise<void> {
    const documents = await this.listings.listings(productIds, manager);
    const listed = new Set(documents.map((d) => d.productId));
    await this.index.upsert(documents, manager);
    await this.index.remove(
      productIds.filter((id) => !listed.has(id)),
      manager,
    );
  }
}
