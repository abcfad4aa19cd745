import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { listenForNotifications, NotificationListener } from '@chedun/db';
import { ProductCategory, readMinorUnitsOrNull } from '@chedun/kernel';
import type { ProductKind } from '@chedun/catalog';
import { EntityManager } from 'typeorm';
import { cjkGrams, escapeLike, queryWords } from './search-text';
import { SearchCursor } from './search-cursor';
import { FacetCount, SearchDocument, SearchFilter, SearchSort } from './search-index.port';

/** The channel the index's trigger notifies at commit when a change a search could see is written. */
export const SEARCH_CHANGED_CHANNEL = 'search_documents_changed';
/** Where a product without a price sorts by price: last ascending, first descending. */
export const NO_PRICE = Number.MAX_SAFE_INTEGER;

/** One search as the documents table answers it: the sort already resolved, the cursor already decoded. */
export interface DocumentSearch {
  /** Trimmed; empty for none. */
  text: string;
  filter: SearchFilter;
  /** The order applied: RELEVANCE only with text. */
  sort: SearchSort;
  /** A keyset cursor continues a price or newest order; relevance pages by `offset`. */
  cursor: SearchCursor | null;
  offset: number;
  limit: number;
}

export interface DocumentHit {
  document: SearchDocument;
  /** published_at in epoch milliseconds, the newest order's keyset value. */
  publishedMs: number;
}

/** A page of matches with the total and facets of every match. */
export interface DocumentSearchResult {
  total: number;
  hits: DocumentHit[];
  categories: FacetCount[];
  filmIps: FacetCount[];
}

/** The document's own columns, without the derived search columns (tsv, text_all, text_en, zh_grams). */
const DOCUMENT_COLUMNS = [
  'product_id',
  'kind',
  'category',
  'name',
  'name_zh',
  'description',
  'description_zh',
  'film_ip_id',
  'film_ip_title',
  'film_ip_title_zh',
  'studio_id',
  'merchant_id',
  'merchant_name',
  'merchant_name_zh',
  'venue_id',
  'price_from_minor',
  'currency',
  'in_stock',
  'published_at',
]
  .map((c) => `d.${c}`)
  .join(', ');

interface SearchResultRow {
  total: number;
  hits: DocumentRow[];
  categories: FacetCount[];
  film_ips: FacetCount[];
}

/** A hit as json_agg renders it: timestamps arrive as ISO strings, bigints as numbers. */
interface DocumentRow {
  product_id: string;
  kind: ProductKind;
  category: ProductCategory;
  name: string;
  name_zh: string | null;
  description: string | null;
  description_zh: string | null;
  film_ip_id: string;
  film_ip_title: string;
  film_ip_title_zh: string | null;
  studio_id: string;
  merchant_id: string;
  merchant_name: string;
  merchant_name_zh: string | null;
  venue_id: string | null;
  price_from_minor: number | null;
  currency: string;
  in_stock: boolean;
  available_day_list: string[];
  published_at: string;
  published_ms: number;
}

/**
 * The `search_documents` table: a tsvector (English words, prefix matching, GIN), CJK grams (GIN) for Chinese
 * substrings, and a vocabulary of the catalog's words (pg_trgm, kept by trigger) that corrects typos in the query,
 * not per document. A search is one statement.
 */
@Injectable()
export class SearchDocumentRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): SearchDocumentRepository {
    return new SearchDocumentRepository(manager);
  }

  /**
   * One statement per batch, rows in product order: the vocabulary trigger fires once for the batch and locks its
   * words in word order, so two writers' batches cannot deadlock on search_words (nor on documents).
   */
  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    // The last listing of a product wins (ON CONFLICT cannot touch a row twice in one statement).
    const latest = new Map(documents.map((d) => [d.productId, d]));
    const rows = [...latest.values()].map((d) => ({
      product_id: d.productId,
      kind: d.kind,
      category: d.category,
      name: d.name,
      name_zh: d.nameZh,
      description: d.description,
      description_zh: d.descriptionZh,
      film_ip_id: d.filmIpId,
      film_ip_title: d.filmIpTitle,
      film_ip_title_zh: d.filmIpTitleZh,
      studio_id: d.studioId,
      merchant_id: d.merchantId,
      merchant_name: d.merchantName,
      merchant_name_zh: d.merchantNameZh,
      venue_id: d.venueId,
      price_from_minor: d.priceFromMinor,
      currency: d.currency,
      in_stock: d.inStock,
      available_dates: d.availableDates,
      published_at: d.publishedAt.toISOString(),
    }));
    await this.manager.query(
      `INSERT INTO search_documents (product_id, kind, category, name, name_zh, description, description_zh, film_ip_id,
                                     film_ip_title, film_ip_title_zh, studio_id, merchant_id, merchant_name, merchant_name_zh,
                                     venue_id, price_from_minor, currency, in_stock, available_dates, published_at, indexed_at)
       SELECT x.*, now()
         FROM json_to_recordset($1::json) AS x(
                product_id uuid, kind text, category text, name text, name_zh text, description text, description_zh text,
                film_ip_id uuid, film_ip_title text, film_ip_title_zh text, studio_id uuid, merchant_id uuid, merchant_name text,
                merchant_name_zh text, venue_id uuid, price_from_minor bigint, currency text, in_stock boolean, available_dates date[],
                published_at timestamptz)
        ORDER BY x.product_id
       ON CONFLICT (product_id) DO UPDATE SET
         kind = EXCLUDED.kind, category = EXCLUDED.category, name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
         description = EXCLUDED.description, description_zh = EXCLUDED.description_zh, film_ip_id = EXCLUDED.film_ip_id,
         film_ip_title = EXCLUDED.film_ip_title, film_ip_title_zh = EXCLUDED.film_ip_title_zh, studio_id = EXCLUDED.studio_id,
         merchant_id = EXCLUDED.merchant_id, merchant_name = EXCLUDED.merchant_name, merchant_name_zh = EXCLUDED.merchant_name_zh,
         venue_id = EXCLUDED.venue_id, price_from_minor = EXCLUDED.price_from_minor, currency = EXCLUDED.currency,
         in_stock = EXCLUDED.in_stock, available_dates = EXCLUDED.available_dates, published_at = EXCLUDED.published_at,
         indexed_at = now()`,
      [JSON.stringify(rows)],
    );
  }

  async remove(productIds: readonly string[]): Promise<void> {
    await this.manager.query(`DELETE FROM search_documents WHERE product_id = ANY($1::uuid[])`, [[...productIds]]);
  }

  async clear(): Promise<void> {
    await this.manager.query(`DELETE FROM search_documents`);
  }

  async search(search: DocumentSearch): Promise<DocumentSearchResult> {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = filterConditions(search.filter, p);
    const text = search.text;
    let score = '0::float8';
    if (text) {
      const match = textMatch(text, p);
      where.push(match.where);
      score = match.score;
    }
    const { sort, cursor, offset } = search;
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

    // The keyset condition applies to the page only: total and facets count every match.
    let pageAfter: string | null = null;
    let order: string;
    // Sort keys match the indexes (price_from_minor, product_id) and (published_at, product_id); published_at is
    // kept to the millisecond, so the cursor's epoch milliseconds compare exactly.
    const priceKey = `coalesce(d.price_from_minor, ${NO_PRICE})`;
    const newestKey = `(extract(epoch FROM d.published_at) * 1000)::bigint`;
    switch (sort) {
      case SearchSort.PRICE_ASC:
        order = `${priceKey} ASC, d.product_id ASC`;
        if (cursor?.kind === 'key')
          pageAfter = `(${priceKey}, d.product_id) > (${p(cursor.value)}::bigint, ${p(cursor.productId)}::uuid)`;
        break;
      case SearchSort.PRICE_DESC:
        order = `${priceKey} DESC, d.product_id DESC`;
        if (cursor?.kind === 'key')
          pageAfter = `(${priceKey}, d.product_id) < (${p(cursor.value)}::bigint, ${p(cursor.productId)}::uuid)`;
        break;
      case SearchSort.NEWEST:
        order = `d.published_at DESC, d.product_id DESC`;
        if (cursor?.kind === 'key') {
          pageAfter = `(d.published_at, d.product_id) < (to_timestamp(${p(cursor.value)}::float8 / 1000), ${p(cursor.productId)}::uuid)`;
        }
        break;
      default:
        order = `score DESC, d.product_id ASC`;
    }
    const limit = p(search.limit);
    // One statement: the matches are computed once (MATERIALIZED) with only the keys the page order and the facets
    // need; the page takes its rows from them and joins back for the documents, total and facets count them. The
    // order reads the same in both places: `score` exists only in m/page, the other keys are the document's own.
    // (Two statements, page then facets, evaluated the text match twice.)
    const sql = `
      WITH m AS MATERIALIZED (
        SELECT d.product_id, d.category, d.film_ip_id, d.film_ip_title, d.price_from_minor, d.published_at, ${score} AS score
          FROM search_documents d
         ${whereSql}
      ), page AS (
        SELECT d.product_id, d.score FROM m d
         ${pageAfter ? `WHERE ${pageAfter}` : ''}
         ORDER BY ${order}
         LIMIT ${limit}::int OFFSET ${p(offset)}::int
      )
      SELECT (SELECT count(*)::int FROM m) AS total,
             (SELECT coalesce(json_agg(h), '[]') FROM (
                SELECT ${DOCUMENT_COLUMNS}, d.available_dates::text[] AS available_day_list, page.score, ${newestKey} AS published_ms
                  FROM page JOIN search_documents d USING (product_id)
                 ORDER BY ${order}) h) AS hits,
             (SELECT coalesce(json_agg(c), '[]') FROM (
                SELECT category AS value, count(*)::int AS count FROM m GROUP BY category ORDER BY count DESC, category) c) AS categories,
             (SELECT coalesce(json_agg(f), '[]') FROM (
                SELECT film_ip_id AS value, min(film_ip_title) AS label, count(*)::int AS count
                  FROM m GROUP BY film_ip_id ORDER BY count DESC, label) f) AS film_ips`;

    const rows: SearchResultRow[] = await this.manager.query(sql, params);
    const result = rows[0];
    if (!result) throw new Error('A search statement returned no row');
    return {
      total: result.total,
      hits: result.hits.map((row) => ({ document: toDocument(row), publishedMs: row.published_ms })),
      categories: result.categories,
      filmIps: result.film_ips,
    };
  }

  /**
   * Opens a connection of its own and LISTENs on the channel the documents' trigger notifies at commit: `onChange`
   * for every committed change a search could see, `onLost` when the connection fails or ends after it started.
   */
  listenForChanges(onChange: () => void, onLost: (error?: Error) => void): Promise<NotificationListener> {
    return listenForNotifications(this.manager, SEARCH_CHANGED_CHANNEL, () => onChange(), onLost);
  }
}

/**
 * How text matches, on indexed columns only. Text with Chinese characters (or with no word at all) is an exact
 * substring of the document's text: its grams narrow the rows through their GIN index, the LIKE confirms; a match in
 * the product's own name ranks first. Other text is words: each a prefix of a document word or, misspelt, one of its
 * corrections from the vocabulary (search_text_query, evaluated once), through the tsvector's GIN index; ts_rank
 * (name over IP and merchant over description) orders them.
 */
export function textMatch(text: string, p: (value: unknown) => string): { where: string; score: string } {
  const grams = cjkGrams(text);
  const words = queryWords(text);
  if (grams.length || words.length === 0) {
    const like = `search_fold('%' || ${p(escapeLike(text))}::text || '%')`;
    return {
      where: grams.length
        ? `(d.zh_grams @> ${p(grams)}::text[] AND d.text_all LIKE ${like})`
        : `d.text_all LIKE ${like}`,
      score: `(CASE WHEN search_fold(d.name || ' ' || coalesce(d.name_zh, '')) LIKE ${like} THEN 2 ELSE 1 END)::float8`,
    };
  }
  const tsq = `(SELECT search_text_query(${p(words)}::text[]))`;
  return { where: `d.tsv @@ ${tsq}`, score: `ts_rank(d.tsv, ${tsq})::float8` };
}

function filterConditions(f: SearchFilter, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (f.filmIpId) where.push(`d.film_ip_id = ${p(f.filmIpId)}::uuid`);
  if (f.studioId) where.push(`d.studio_id = ${p(f.studioId)}::uuid`);
  if (f.merchantId) where.push(`d.merchant_id = ${p(f.merchantId)}::uuid`);
  if (f.venueId) where.push(`d.venue_id = ${p(f.venueId)}::uuid`);
  if (f.categories?.length) where.push(`d.category = ANY(${p(f.categories)}::text[])`);
  if (f.kind) where.push(`d.kind = ${p(f.kind)}::text`);
  if (f.minPriceMinor !== undefined && f.minPriceMinor !== null)
    where.push(`d.price_from_minor >= ${p(f.minPriceMinor)}::bigint`);
  if (f.maxPriceMinor !== undefined && f.maxPriceMinor !== null)
    where.push(`d.price_from_minor <= ${p(f.maxPriceMinor)}::bigint`);
  if (f.availableOn) where.push(`d.available_dates @> ARRAY[${p(f.availableOn)}::date]`);
  return where;
}

function toDocument(r: DocumentRow): SearchDocument {
  return {
    productId: r.product_id,
    kind: r.kind,
    category: r.category,
    name: r.name,
    nameZh: r.name_zh,
    description: r.description,
    descriptionZh: r.description_zh,
    filmIpId: r.film_ip_id,
    filmIpTitle: r.film_ip_title,
    filmIpTitleZh: r.film_ip_title_zh,
    studioId: r.studio_id,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    merchantNameZh: r.merchant_name_zh,
    venueId: r.venue_id,
    priceFromMinor: readMinorUnitsOrNull(r.price_from_minor),
    currency: r.currency.trim(),
    inStock: r.in_stock,
    availableDates: r.available_day_list,
    publishedAt: new Date(r.published_at),
  };
}
