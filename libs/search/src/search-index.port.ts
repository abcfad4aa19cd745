import { ProductCategory } from '@chedun/kernel';
import type { ProductListing, ProductKind } from '@chedun/catalog';
import { EntityManager } from 'typeorm';

/** One product as an index holds it: the catalog's listing. */
export type SearchDocument = ProductListing;

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
}

export interface SearchFilter {
  filmIpId?: string | null;
  studioId?: string | null;
  merchantId?: string | null;
  venueId?: string | null;
  categories?: ProductCategory[] | null;
  kind?: ProductKind | null;
  minPriceMinor?: number | null;
  maxPriceMinor?: number | null;
  /** Experiences with an open slot with seats on this Asia/Shanghai day. */
  availableOn?: string | null;
}

export interface SearchQuery {
  text?: string | null;
  filter?: SearchFilter | null;
  sort: SearchSort;
  first: number;
  after?: string | null;
}

export interface FacetCount {
  value: string;
  label?: string;
  count: number;
}

export interface SearchPage {
  totalCount: number;
  hits: { cursor: string; document: SearchDocument }[];
  hasNextPage: boolean;
  endCursor: string | null;
  facets: { categories: FacetCount[]; filmIps: FacetCount[] };
}

/**
 * The search port. Adapters: Postgres (default; writes join the caller's transaction) and Meilisearch (fed from
 * the outbox by a worker). Every adapter passes the same contract suite (test/search-index.contract.e2e-spec.ts).
 */
export abstract class SearchIndex {
  abstract readonly name: string;
  /** True when `upsert`/`remove` take part in the caller's transaction, so no outbox is needed. */
  abstract readonly transactional: boolean;
  abstract upsert(documents: readonly SearchDocument[], manager?: EntityManager): Promise<void>;
  abstract remove(productIds: readonly string[], manager?: EntityManager): Promise<void>;
  abstract search(query: SearchQuery): Promise<SearchPage>;
  /** Drops every document (the first step of a full reindex). */
  abstract clear(): Promise<void>;
}
