import { DomainError, ErrorCode } from '@chedun/kernel';
import { SearchException } from './search.exception';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import {
  FacetCount,
  SearchDocument,
  SearchFilter,
  SearchIndex,
  SearchPage,
  SearchQuery,
  SearchSort,
} from './search-index.port';

/**
 * The part of the official client this adapter uses. Declared here because the package ships its types for
 * `moduleResolution: node16+` only, which this workspace (CommonJS) does not use.
 */
interface Task {
  waitTask(): Promise<unknown>;
}
interface MeiliIndex {
  readonly uid: string;
  addDocuments(documents: MeiliProduct[], options: { primaryKey: string }): Task;
  deleteDocuments(ids: string[]): Task;
  deleteAllDocuments(): Task;
  updateSettings(settings: Record<string, unknown>): Task;
  search(
    query: string | null,
    options: { filter: string[]; facets: string[]; sort?: string[]; offset: number; limit: number },
  ): Promise<{
    hits: MeiliProduct[];
    estimatedTotalHits?: number;
    facetDistribution?: Record<string, Record<string, number>>;
  }>;
}
interface MeiliClient {
  index(uid: string): MeiliIndex;
  createIndex(uid: string, options: { primaryKey: string }): Task;
}

/** The document as Meilisearch stores it: flat, with dates as epoch milliseconds for sorting. */
interface MeiliProduct extends Omit<SearchDocument, 'publishedAt'> {
  id: string;
  publishedAtMs: number;
}

export interface MeilisearchOptions {
  host: string;
  apiKey?: string;
  indexUid?: string;
}

/**
 * Meilisearch adapter (used when MEILI_HOST is set). Writes go through the outbox worker, never inside the
 * catalog's transaction; vendor types and errors stay in this file. The client is ESM-only and loaded lazily
 * (Node's require(esm)), so the app never loads it without a server configured.
 */
export class MeilisearchSearchIndex extends SearchIndex {
  readonly name = 'meilisearch';
  readonly transactional = false;
  private readonly client: MeiliClient;
  private readonly index: MeiliIndex;
  private ready: Promise<void> | null = null;

  constructor(options: MeilisearchOptions) {
    super();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Meilisearch: Client } = require('meilisearch') as {
      Meilisearch: new (config: { host: string; apiKey?: string }) => MeiliClient;
    };
    this.client = new Client({ host: options.host, apiKey: options.apiKey });
    this.index = this.client.index(options.indexUid ?? 'products');
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.configured();
    await this.call(() => this.index.addDocuments(documents.map(toMeili), { primaryKey: 'id' }).waitTask());
  }

  async remove(productIds: readonly string[]): Promise<void> {
    if (productIds.length === 0) return;
    await this.configured();
    await this.call(() => this.index.deleteDocuments([...productIds]).waitTask());
  }

  async clear(): Promise<void> {
    await this.configured();
    await this.call(() => this.index.deleteAllDocuments().waitTask());
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    await this.configured();
    const offset = query.after ? offsetOf(decodeSearchCursor(query.sort, query.after, false)) : 0;
    const sort = SORTS[query.sort];
    const response = await this.call(() =>
      this.index.search(query.text?.trim() || null, {
        filter: meiliFilter(query.filter ?? {}),
        facets: ['category', 'filmIpId'],
        sort: sort ? [sort, 'id:asc'] : undefined,
        offset,
        limit: query.first + 1,
      }),
    );
    const page = response.hits.slice(0, query.first);
    const hits = page.map((hit, i) => ({
      document: fromMeili(hit),
      cursor: encodeSearchCursor(query.sort, { kind: 'offset', offset: offset + i + 1 }),
    }));
    const titles = new Map(response.hits.map((h) => [h.filmIpId, h.filmIpTitle]));
    const distribution = response.facetDistribution ?? {};
    return {
      totalCount: response.estimatedTotalHits ?? hits.length,
      hits,
      hasNextPage: response.hits.length > query.first,
      endCursor: hits[hits.length - 1]?.cursor ?? null,
      facets: {
        categories: facetList(distribution['category']),
        filmIps: facetList(distribution['filmIpId']).map((f) => ({ ...f, label: titles.get(f.value) ?? f.value })),
      },
    };
  }

  private configured(): Promise<void> {
    this.ready ??= this.call(async () => {
      await this.client.createIndex(this.index.uid, { primaryKey: 'id' }).waitTask();
      await this.index
        .updateSettings({
          searchableAttributes: [
            'name',
            'nameZh',
            'filmIpTitle',
            'filmIpTitleZh',
            'merchantName',
            'merchantNameZh',
            'description',
            'descriptionZh',
          ],
          filterableAttributes: [
            'filmIpId',
            'studioId',
            'merchantId',
            'venueId',
            'category',
            'kind',
            'priceFromMinor',
            'availableDates',
          ],
          sortableAttributes: ['priceFromMinor', 'publishedAtMs', 'id'],
          pagination: { maxTotalHits: 10_000 },
        })
        .waitTask();
    });
    return this.ready;
  }

  /** Vendor errors become INTERNAL domain errors here, never reaching a resolver as Meilisearch types. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new SearchException(ErrorCode.INTERNAL, 'The search service is unavailable', {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

const SORTS: Record<SearchSort, string | null> = {
  [SearchSort.RELEVANCE]: null,
  [SearchSort.PRICE_ASC]: 'priceFromMinor:asc',
  [SearchSort.PRICE_DESC]: 'priceFromMinor:desc',
  [SearchSort.NEWEST]: 'publishedAtMs:desc',
};

function offsetOf(cursor: ReturnType<typeof decodeSearchCursor>): number {
  return cursor.kind === 'offset' ? cursor.offset : 0;
}

const quote = (value: string): string => JSON.stringify(value);

export function meiliFilter(f: SearchFilter): string[] {
  const parts: string[] = [];
  if (f.filmIpId) parts.push(`filmIpId = ${quote(f.filmIpId)}`);
  if (f.studioId) parts.push(`studioId = ${quote(f.studioId)}`);
  if (f.merchantId) parts.push(`merchantId = ${quote(f.merchantId)}`);
  if (f.venueId) parts.push(`venueId = ${quote(f.venueId)}`);
  if (f.categories?.length) parts.push(`category IN [${f.categories.map(quote).join(', ')}]`);
  if (f.kind) parts.push(`kind = ${quote(f.kind)}`);
  if (f.minPriceMinor !== undefined && f.minPriceMinor !== null)
    parts.push(`priceFromMinor >= ${Math.trunc(f.minPriceMinor)}`);
  if (f.maxPriceMinor !== undefined && f.maxPriceMinor !== null)
    parts.push(`priceFromMinor <= ${Math.trunc(f.maxPriceMinor)}`);
  if (f.availableOn) parts.push(`availableDates = ${quote(f.availableOn)}`);
  return parts;
}

function facetList(counts: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(counts ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function toMeili(d: SearchDocument): MeiliProduct {
  const { publishedAt, ...rest } = d;
  return { ...rest, id: d.productId, publishedAtMs: publishedAt.getTime() };
}

function fromMeili(m: MeiliProduct): SearchDocument {
  const { id: _id, publishedAtMs, ...rest } = m;
  return { ...rest, publishedAt: new Date(publishedAtMs) };
}
