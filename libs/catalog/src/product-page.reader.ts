import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CacheSubscription } from '@chedun/db';
import { Clock } from '@chedun/kernel';
import { ProductChildrenRepository, ProductWithChildren } from './product-children.repository';
import { ProductPageCache, withLiveCounts } from './product-page-cache';
import { ProductStatus } from './product-status';

/**
 * Product pages (the product with its variants, ticket types, upcoming slots and venue), from the process's cache
 * while its listener hears the page tables' changes (started with the application, restarted by a read after a loss).
 * Only PUBLISHED products are kept: the shop's pages, the same for every viewer. Drafts and products in review are
 * read by few, mostly by those editing them, and always come from the database.
 */
@Injectable()
export class ProductPageReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProductPageReader.name);
  private readonly subscription: CacheSubscription;
  /** Live-number refreshes under way, by product: concurrent readers of a page share one statement. */
  private readonly refreshing = new Map<string, Promise<ProductWithChildren | null>>();

  constructor(
    private readonly children: ProductChildrenRepository,
    private readonly cache: ProductPageCache,
    private readonly clock: Clock,
  ) {
    this.subscription = new CacheSubscription({
      name: 'Product page cache',
      open: (lost) => this.children.listenForChanges((ids) => this.cache.changed(ids), lost),
      onLive: (live) => this.cache.setLive(live),
      logger: this.logger,
    });
  }

  /** Listening before the first request, so the first product page already fills the cache. */
  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription.close();
  }

  /** The product with its children, viewer-independent: the caller decides who may see it. Shared: do not change. */
  async find(id: string): Promise<ProductWithChildren | null> {
    if (!this.cache.isLive) this.subscription.ensure();
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
}
