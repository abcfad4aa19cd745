import { connectionOptions, DATABASE_SESSION_SETTINGS } from '@chedun/db';
import { cjkGrams, escapeLike, POSTGRES_SEARCH_SESSION_SETTINGS, queryWords } from '@chedun/search';
import { Pool } from 'pg';

export interface SearchCase {
  text: string;
  filter: { categories?: string[]; kind?: string; minPriceMinor?: number; maxPriceMinor?: number };
}

/** Chinese: an IP-title word (trigram substring), two categories and a price band. */
export const CHINESE_CASES: SearchCase[] = ['宝莲', '青蛇', '长安', '赤壁'].map((text) => ({
  text,
  filter: { categories: ['APPAREL', 'COLLECTIBLE'], minPriceMinor: 2_000, maxPriceMinor: 30_000 },
}));

/** English: words, a two-word phrase and a misspelling (tsvector prefixes, typo corrections), merchandise under a price. */
export const ENGLISH_CASES: SearchCase[] = ['lantern', 'monkey king', 'mug', 'peony', 'lantren'].map((text) => ({
  text,
  filter: { kind: 'MERCHANDISE', maxPriceMinor: 20_000 },
}));

const HIT_FIELDS = `id kind name nameZh category inStock availableDates publishedAt priceFrom { amountMinor currency }
  filmIp { id title titleZh } merchant { id name nameZh }`;

export function searchBody(c: SearchCase): string {
  return JSON.stringify({
    query: `query Search($text: String, $filter: ProductFilter) {
      searchProducts(text: $text, filter: $filter, first: 20) {
        totalCount
        edges { cursor node { ${HIT_FIELDS} } }
        pageInfo { hasNextPage endCursor }
        facets { categories { category count } filmIps { filmIp { id title } count } }
      }
    }`,
    variables: { text: c.text, filter: c.filter },
  });
}

/** What both sides must agree on: the total, the page's ids in order, and both facets. */
export interface SearchAnswer {
  total: number;
  ids: string[];
  categories: string[];
  filmIps: string[];
}

interface SearchResponse {
  data?: {
    searchProducts: {
      totalCount: number;
      edges: { node: { id: string } }[];
      facets: {
        categories: { category: string; count: number }[];
        filmIps: { filmIp: { id: string }; count: number }[];
      };
    };
  };
  errors?: unknown[];
}

export function searchAnswerFromApi(text: string): SearchAnswer | null {
  const body = JSON.parse(text) as SearchResponse;
  if (body.errors || !body.data) return null;
  const s = body.data.searchProducts;
  return {
    total: s.totalCount,
    ids: s.edges.map((e) => e.node.id),
    categories: s.facets.categories.map((f) => `${f.category}:${f.count}`),
    filmIps: s.facets.filmIps.map((f) => `${f.filmIp.id}:${f.count}`),
  };
}

/** The settings every API connection starts with (planner costs, typo threshold); the baseline's start with them too. */
export const BASELINE_CONNECTION_OPTIONS = connectionOptions({
  ...DATABASE_SESSION_SETTINGS,
  ...POSTGRES_SEARCH_SESSION_SETTINGS,
});

/**
 * The baseline: one statement that returns the page (20 hits, the same fields as the GraphQL query), the total and
 * both facets, with the design's match and score (so the answer is the same), and no cache. Chinese: the query's
 * grams through their GIN index, the substring confirmed by LIKE, name matches first. English: each word as a prefix
 * or one of its corrections from the vocabulary (search_text_query, once), through the tsvector's GIN index, ranked
 * by ts_rank.
 */
export function searchBaselineSql(c: SearchCase): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const p = (v: unknown): string => {
    values.push(v);
    return `$${values.length}`;
  };
  const text = c.text.trim();
  const grams = cjkGrams(text);
  let match: string;
  let score: string;
  if (grams.length) {
    const like = `search_fold('%' || ${p(escapeLike(text))}::text || '%')`;
    match = `d.zh_grams @> ${p(grams)}::text[] AND d.text_all LIKE ${like}`;
    score = `(CASE WHEN search_fold(d.name || ' ' || coalesce(d.name_zh, '')) LIKE ${like} THEN 2 ELSE 1 END)::float8`;
  } else {
    const tsq = `(SELECT search_text_query(${p(queryWords(text))}::text[]))`;
    match = `d.tsv @@ ${tsq}`;
    score = `ts_rank(d.tsv, ${tsq})::float8`;
  }
  const where = [match];
  if (c.filter.categories) where.push(`d.category = ANY(${p(c.filter.categories)}::text[])`);
  if (c.filter.kind) where.push(`d.kind = ${p(c.filter.kind)}::text`);
  if (c.filter.minPriceMinor !== undefined) where.push(`d.price_from_minor >= ${p(c.filter.minPriceMinor)}::bigint`);
  if (c.filter.maxPriceMinor !== undefined) where.push(`d.price_from_minor <= ${p(c.filter.maxPriceMinor)}::bigint`);
  const sql = `
    WITH m AS MATERIALIZED (
      SELECT d.product_id, d.category, d.film_ip_id, d.film_ip_title, ${score} AS score
        FROM search_documents d
       WHERE ${where.join(' AND ')}
    ), page AS (
      SELECT product_id, score FROM m ORDER BY score DESC, product_id LIMIT 21
    )
    SELECT (SELECT count(*)::int FROM m) AS total,
           (SELECT coalesce(json_agg(h ORDER BY h.score DESC, h.product_id), '[]') FROM (
              SELECT page.score, d.product_id, d.kind, d.name, d.name_zh, d.category, d.in_stock, d.available_dates, d.published_at,
                     d.price_from_minor, d.currency, d.film_ip_id, d.film_ip_title, d.film_ip_title_zh, d.merchant_id, d.merchant_name,
                     d.merchant_name_zh
                FROM page JOIN search_documents d USING (product_id)) h) AS hits,
           (SELECT coalesce(json_agg(c), '[]') FROM (
              SELECT category AS value, count(*)::int AS count FROM m GROUP BY category ORDER BY count DESC, category) c) AS categories,
           (SELECT coalesce(json_agg(f), '[]') FROM (
              SELECT film_ip_id AS value, min(film_ip_title) AS label, count(*)::int AS count
                FROM m GROUP BY film_ip_id ORDER BY count DESC, label) f) AS film_ips`;
  return { text: sql, values };
}

interface BaselineRow {
  total: number;
  hits: { product_id: string }[];
  categories: { value: string; count: number }[];
  film_ips: { value: string; count: number }[];
}

export async function searchBaseline(pool: Pool, c: SearchCase): Promise<SearchAnswer> {
  const { rows } = await pool.query<BaselineRow>(searchBaselineSql(c));
  const row = rows[0];
  if (!row) throw new Error('no row');
  return {
    total: row.total,
    ids: row.hits.slice(0, 20).map((h) => h.product_id),
    categories: row.categories.map((f) => `${f.value}:${f.count}`),
    filmIps: row.film_ips.map((f) => `${f.value}:${f.count}`),
  };
}
