import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { NotificationListener } from '@chedun/db';
import { Clock } from '@chedun/kernel';
import { ProductChildrenRepository, ProductWithChildren } from './product-children.repository';
import { ProductPageCache, withLiveCounts } from './product-page-cache';
import { ProductStatus } from './product-status';

/** After a failed or lost listener, how long before the next read tries to connect again. */
const RECONNECT_EVERY_MS = 5000;

/**
 * Product pages (the product with its variants, ticket types, upcoming slots and venue), from the process's cache
 * while its listener hears the page tables' changes (started with the application, restarted by a read after a loss).
 * Only PUBLISHED products are kept: the shop's pages, the same for every viewer. Drafts and products in review are
 * read by few, mostly by those editing them, and always come from the database.
 */
@Injectable()
export class ProductPageReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProductPageReader.name);
  private listener: NotificationListener | null = null;
  private connecting: Promise<void> | null = null;
  private lastAttempt = 0;
  private closed = false;
  /** Live-number refreshes under way, by product: concurrent readers of a page share one statement. */
  private readonly refreshing = new Map<string, Promise<ProductWithChildren | null>>();

  constructor(
    private readonly children: ProductChildrenRepository,
    private readonly cache: ProductPageCache,
    private readonly clock: Clock,
  ) {}

  /** Listening before the first request, so the first product page already fills the cache. */
  async onApplicationBootstrap(): Promise<void> {
    this.listen();
    await this.connecting;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    this.cache.setLive(false);
    await listener?.close().catch(() => undefined);
  }

  /** The product with its children, viewer-independent: the caller decides who may see it. Shared: do not change. */
  async find(id: string): Promise<ProductWithChildren | null> {
    if (!this.cache.isLive) this.listen();
    const kept = this.cache.lookup(id);
    if (kept?.live) {
      // Fresh for a moment more: answered now, and refreshed for the next request (a failure waits for the next).
      if (kept.due) this.refreshLive(kept.page).catch(() => undefined);
      return kept.page;
    }
    if (kept) return this.refreshLive(kept.page);
    return this.read(id);
  }

  private async read(id: string): Promise<ProductWithChildren | null> {
    const generation = this.cache.begin();
    const now = this.clock.now();
    const found = await this.children.findWithChildren(id, now);
    if (found?.product.status === ProductStatus.PUBLISHED) this.cache.put(found, now, generation);
    return found;
  }

  /**
   * A kept page whose stock and seats are older than a second: only those are read again (one small statement,
   * shared by every request for the page meanwhile) and merged into a new page; the rest is still current.
   */
  private refreshLive(page: ProductWithChildren): Promise<ProductWithChildren | null> {
    const id = page.product.id;
    let pending = this.refreshing.get(id);
    if (!pending) {
      pending = (async () => {
        const generation = this.cache.begin();
        const from = this.cache.liveReadStarts();
        const counts = await this.children.liveCountsOf(
          id,
          page.children.upcomingSlots.map((s) => s.id),
        );
        const next = withLiveCounts(page, counts);
        // Rows came or went: the page changed, its notification is on its way.
        if (!next) return this.read(id);
        return this.cache.refreshed(page, next, generation, from);
      })().finally(() => this.refreshing.delete(id));
      this.refreshing.set(id, pending);
    }
    return pending;
  }

  /** Starts (or, after a failure, restarts at most every few seconds) the listener; reads never wait for it. */
  private listen(): void {
    if (this.listener || this.connecting || this.closed || Date.now() - this.lastAttempt < RECONNECT_EVERY_MS) return;
    this.lastAttempt = Date.now();
    let started: NotificationListener | null = null;
    const lost = (error?: Error): void => {
      if (!started || this.listener !== started) return;
      this.listener = null;
      this.cache.setLive(false);
      if (!this.closed)
        this.logger.warn(
          `Product page cache off until its listener reconnects: ${error?.message ?? 'connection ended'}`,
        );
      started.close().catch(() => undefined);
    };
    this.connecting = (async () => {
      try {
        started = await this.children.listenForChanges((ids) => this.cache.changed(ids), lost);
        if (this.closed) {
          await started.close();
          return;
        }
        this.listener = started;
        // Whatever changed before LISTEN took effect was never cached: the cache starts empty.
        this.cache.setLive(true);
      } catch (error) {
        this.logger.warn(
          `Product page cache listener failed to start: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        this.connecting = null;
      }
    })();
  }
}
