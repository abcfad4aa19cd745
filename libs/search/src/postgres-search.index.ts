import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { CacheSubscription } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { SearchResultCache } from './search-cache';
import { NO_PRICE, SearchDocumentRepository } from './search-document.repository';
import { SearchDocument, SearchIndex, SearchPage, SearchQuery, SearchSort } from './search-index.port';

/**
 * Settings the composition root gives every database connection (DbModule `sessionSettings`). None any more: the
 * correction threshold is search_text_query's own, so every client (the API, the bench's baseline, psql) corrects alike.
 */
export const POSTGRES_SEARCH_SESSION_SETTINGS: Readonly<Record<string, string>> = {};

/**
 * Default adapter: the `SearchIndex` port on the database's own `search_documents` table (its SQL is the
 * repository's), written in the caller's transaction. A search is one statement; with a cache, repeated searches
 * are answered from memory until a change.
 */
@Injectable()
export class PostgresSearchIndex extends SearchIndex implements OnModuleDestroy {
  readonly name = 'postgres';
  readonly transactional = true;
  private readonly logger = new Logger(PostgresSearchIndex.name);
  private readonly subscription: CacheSubscription;

  /** With a cache, answers repeat from memory until the index's trigger reports a change (a LISTEN connection of its own). */
  constructor(
    private readonly documents: SearchDocumentRepository,
    @Optional() private readonly cache: SearchResultCache | null = null,
  ) {
    super();
    this.subscription = new CacheSubscription({
      name: 'Search cache',
      open: (lost) => this.documents.listenForChanges(() => this.cache?.changed(), lost),
      onLive: (live) => this.cache?.setLive(live),
      logger: this.logger,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription.close();
  }

  async upsert(documents: readonly SearchDocument[], transaction?: EntityManager): Promise<void> {
    if (documents.length === 0) return;
    this.cache?.ownWrite();
    await this.documentsIn(transaction).upsert(documents);
  }

  async remove(productIds: readonly string[], transaction?: EntityManager): Promise<void> {
    if (productIds.length === 0) return;
    this.cache?.ownWrite();
    await this.documentsIn(transaction).remove(productIds);
  }

  async clear(): Promise<void> {
    this.cache?.ownWrite();
    await this.documents.clear();
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    if (!this.cache) return this.answer(query);
    this.subscription.ensure();
    const key = SearchResultCache.key(query);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const generation = this.cache.begin();
    const page = await this.answer(query);
    this.cache.put(key, page, generation);
    return page;
  }

  /** Writes join the caller's transaction when there is one. */
  private documentsIn(transaction: EntityManager | undefined): SearchDocumentRepository {
    return transaction ? this.documents.forManager(transaction) : this.documents;
  }

  /** One statement: the page, the total and the facets. */
  private async answer(query: SearchQuery): Promise<SearchPage> {
    const text = query.text?.trim() ?? '';
    const sort = query.sort === SearchSort.RELEVANCE && !text ? SearchSort.NEWEST : query.sort;
    const keyset = sort !== SearchSort.RELEVANCE;
    const cursor = query.after ? decodeSearchCursor(query.sort, query.after, keyset) : null;
    const offset = !keyset && cursor?.kind === 'offset' ? cursor.offset : 0;
    const result = await this.documents.search({
      text,
      filter: query.filter ?? {},
      sort,
      cursor,
      offset,
      limit: query.first + 1,
    });
    const page = result.hits.slice(0, query.first);
    const hits = page.map(({ document, publishedMs }, i) => ({
      document,
      cursor: encodeSearchCursor(
        query.sort,
        keyset
          ? {
              kind: 'key',
              value: sort === SearchSort.NEWEST ? publishedMs : (document.priceFromMinor ?? NO_PRICE),
              productId: document.productId,
            }
          : { kind: 'offset', offset: offset + i + 1 },
      ),
    }));
    return {
      totalCount: result.total,
      hits,
      hasNextPage: result.hits.length > query.first,
      endCursor: hits[hits.length - 1]?.cursor ?? null,
      facets: { categories: result.categories, filmIps: result.filmIps },
    };
  }
}
