import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProductCategory, readMinorUnitsOrNull } from '@chedun/kernel';
import type { ProductKind } from '@chedun/catalog';
import { DataSource, EntityManager } from 'typeorm';
import { cjkGrams, escapeLike, prefixTsQuery } from './search-text';
import { decodeSearchCursor, encodeSearchCursor, SearchCursor } from './search-cursor';
import { FacetCount, SearchDocument, SearchFilter, SearchIndex, SearchPage, SearchQuery, SearchSort } from './search-index.port';

/**
 * Word similarity from which a word counts as a typo of the query (pg_trgm's default 0.6 misses "lantren"). `<%`
 * reads it from the session, so the composition root gives it to every database connection (DbModule
 * `sessionSettings`): a search is then one round trip, not BEGIN, SET LOCAL, the statement and COMMIT.
 */
export const POSTGRES_SEARCH_SESSION_SETTINGS: Readonly<Record<string, string>> = { 'pg_trgm.word_similarity_threshold': '0.45' };
const NO_PRICE = Number.MAX_SAFE_INTEGER;

/** The document's own columns, without the derived search columns (tsv, text_all, text_en, zh_grams). */
const DOCUMENT_COLUMNS = [
  'product_id', 'kind', 'category', 'name', 'name_zh', 'description', 'description_zh', 'film_ip_id', 'film_ip_title',
  'film_ip_title_zh', 'studio_id', 'merchant_id', 'merchant_name', 'merchant_name_zh', 'venue_id', 'price_from_minor',
  'currency', 'in_stock', 'published_at',
].map((c) => `d.${c}`).join(', ');

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
 * Default adapter: one table of documents with a tsvector (English words, prefix matching) and pg_trgm GIN indexes
 * (substring matching, which is how Chinese, written without spaces, is found; and word similarity for typos).
 */
@Injectable()
export class PostgresSearchIndex extends SearchIndex {
  readonly name = 'postgres';
  readonly transactional = true;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async upsert(documents: readonly SearchDocument[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    for (const d of documents) {
      await manager.query(
        `INSERT INTO search_documents (product_id, kind, category, name, name_zh, description, description_zh, film_ip_id,
                                       film_ip_title, film_ip_title_zh, studio_id, merchant_id, merchant_name, merchant_name_zh,
                                       venue_id, price_from_minor, currency, in_stock, available_dates, published_at, indexed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::date[], $20, now())
         ON CONFLICT (product_id) DO UPDATE SET
           kind = EXCLUDED.kind, category = EXCLUDED.category, name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
           description = EXCLUDED.description, description_zh = EXCLUDED.description_zh, film_ip_id = EXCLUDED.film_ip_id,
           film_ip_title = EXCLUDED.film_ip_title, film_ip_title_zh = EXCLUDED.film_ip_title_zh, studio_id = EXCLUDED.studio_id,
           merchant_id = EXCLUDED.merchant_id, merchant_name = EXCLUDED.merchant_name, merchant_name_zh = EXCLUDED.merchant_name_zh,
           venue_id = EXCLUDED.venue_id, price_from_minor = EXCLUDED.price_from_minor, currency = EXCLUDED.currency,
           in_stock = EXCLUDED.in_stock, available_dates = EXCLUDED.available_dates, published_at = EXCLUDED.published_at,
           indexed_at = now()`,
        [
          d.productId, d.kind, d.category, d.name, d.nameZh, d.description, d.descriptionZh, d.filmIpId,
          d.filmIpTitle, d.filmIpTitleZh, d.studioId, d.merchantId, d.merchantName, d.merchantNameZh,
          d.venueId, d.priceFromMinor, d.currency, d.inStock, d.availableDates, d.publishedAt,
        ],
      );
    }
  }

  async remove(productIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (productIds.length === 0) return;
    await manager.query(`DELETE FROM search_documents WHERE product_id = ANY($1::uuid[])`, [[...productIds]]);
  }

  async clear(): Promise<void> {
    await this.dataSource.query(`DELETE FROM search_documents`);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = filterConditions(query.filter ?? {}, p);
    const text = query.text?.trim() ?? '';
    let score = '0::float8';
    if (text) {
      const folded = `search_fold(${p(text)}::text)`;
      const like = `('%' || ${p(escapeLike(text))}::text || '%')`;
      const prefix = prefixTsQuery(text);
      const tsq = prefix ? `to_tsquery('simple', search_fold(${p(prefix)}::text))` : null;
      const grams = cjkGrams(text);
      // CJK: the gram index narrows the rows, the LIKE keeps the match an exact substring.
      const substring = grams.length
        ? `(d.zh_grams @> ${p(grams)}::text[] AND d.text_all LIKE search_fold(${like}))`
        : `d.text_all LIKE search_fold(${like})`;
      const matches = [substring, `${folded} <% d.text_en`];
      if (tsq) matches.push(`d.tsv @@ ${tsq}`);
      where.push(`(${matches.join(' OR ')})`);
      score = `((CASE WHEN d.text_all LIKE search_fold(${like}) THEN 1 ELSE 0 END)
                + ${tsq ? `ts_rank(d.tsv, ${tsq})` : '0'} + word_similarity(${folded}, d.text_en))::float8`;
    }
    const sort = query.sort === SearchSort.RELEVANCE && !text ? SearchSort.NEWEST : query.sort;
    const keyset = sort !== SearchSort.RELEVANCE;
    const cursor: SearchCursor | null = query.after ? decodeSearchCursor(query.sort, query.after, keyset) : null;
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

    // The keyset condition applies to the page only: total and facets count every match.
    let pageAfter: string | null = null;
    let order: string;
    let offset = 0;
    // Sort keys match the indexes (price_from_minor, product_id) and (published_at, product_id); published_at is
    // kept to the millisecond, so the cursor's epoch milliseconds compare exactly.
    const priceKey = `coalesce(d.price_from_minor, ${NO_PRICE})`;
    const newestKey = `(extract(epoch FROM d.published_at) * 1000)::bigint`;
    switch (sort) {
      case SearchSort.PRICE_ASC:
        order = `${priceKey} ASC, d.product_id ASC`;
        if (cursor?.kind === 'key') pageAfter = `(${priceKey}, d.product_id) > (${p(cursor.value)}::bigint, ${p(cursor.productId)}::uuid)`;
        break;
      case SearchSort.PRICE_DESC:
        order = `${priceKey} DESC, d.product_id DESC`;
        if (cursor?.kind === 'key') pageAfter = `(${priceKey}, d.product_id) < (${p(cursor.value)}::bigint, ${p(cursor.productId)}::uuid)`;
        break;
      case SearchSort.NEWEST:
        order = `d.published_at DESC, d.product_id DESC`;
        if (cursor?.kind === 'key') {
          pageAfter = `(d.published_at, d.product_id) < (to_timestamp(${p(cursor.value)}::float8 / 1000), ${p(cursor.productId)}::uuid)`;
        }
        break;
      default:
        order = `score DESC, d.product_id ASC`;
        offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    }
    const limit = p(query.first + 1);
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

    // The typo threshold is a session setting every connection starts with (POSTGRES_SEARCH_SESSION_SETTINGS).
    const [result]: SearchResultRow[] = await this.dataSource.query(sql, params);
    const rows = result.hits;
    const page = rows.slice(0, query.first);
    const hits = page.map((row, i) => ({
      document: toDocument(row),
      cursor: encodeSearchCursor(
        query.sort,
        keyset
          ? { kind: 'key', value: sort === SearchSort.NEWEST ? row.published_ms : (row.price_from_minor ?? NO_PRICE), productId: row.product_id }
          : { kind: 'offset', offset: offset + i + 1 },
      ),
    }));
    return {
      totalCount: result.total,
      hits,
      hasNextPage: rows.length > query.first,
      endCursor: hits[hits.length - 1]?.cursor ?? null,
      facets: { categories: result.categories, filmIps: result.film_ips },
    };
  }
}

function filterConditions(f: SearchFilter, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (f.filmIpId) where.push(`d.film_ip_id = ${p(f.filmIpId)}::uuid`);
  if (f.studioId) where.push(`d.studio_id = ${p(f.studioId)}::uuid`);
  if (f.merchantId) where.push(`d.merchant_id = ${p(f.merchantId)}::uuid`);
  if (f.venueId) where.push(`d.venue_id = ${p(f.venueId)}::uuid`);
  if (f.categories?.length) where.push(`d.category = ANY(${p(f.categories)}::text[])`);
  if (f.kind) where.push(`d.kind = ${p(f.kind)}::text`);
  if (f.minPriceMinor !== undefined && f.minPriceMinor !== null) where.push(`d.price_from_minor >= ${p(f.minPriceMinor)}::bigint`);
  if (f.maxPriceMinor !== undefined && f.maxPriceMinor !== null) where.push(`d.price_from_minor <= ${p(f.maxPriceMinor)}::bigint`);
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
