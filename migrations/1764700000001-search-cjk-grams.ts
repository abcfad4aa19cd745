import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chinese search without relying on the locale: pg_trgm extracts no trigrams from CJK text in a C.UTF-8 cluster and
 * 2-character queries are shorter than a trigram anyway, so `text_all LIKE '%宝莲%'` scanned every document. Each
 * document now carries the distinct unigrams and bigrams of every run of CJK characters (GIN, array_ops); a query's
 * bigrams (or its single character) narrow the rows through the index and the LIKE rechecks the exact substring.
 * No pending list (fastupdate off): the index is always current, and the planner does not price a long pending
 * list into every lookup.
 */
export class SearchCjkGrams1764700000001 implements MigrationInterface {
  name = 'SearchCjkGrams1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_cjk_grams(text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN (SELECT coalesce(array_agg(DISTINCT substr(r.m[1], i, n)), '{}')
                  FROM regexp_matches($1, '[㐀-鿿豈-﫿]+', 'g') AS r(m)
                 CROSS JOIN LATERAL generate_series(1, char_length(r.m[1])) AS i
                 CROSS JOIN (VALUES (1), (2)) AS v(n)
                 WHERE i + n - 1 <= char_length(r.m[1]))`);
    await q.query(`
      ALTER TABLE search_documents ADD COLUMN zh_grams text[] GENERATED ALWAYS AS (
        search_cjk_grams(search_fold((coalesce(name, '') || ' ' || coalesce(name_zh, '') || ' ' || coalesce(film_ip_title, '') || ' ' || coalesce(film_ip_title_zh, '') || ' ' || coalesce(merchant_name, '') || ' ' || coalesce(merchant_name_zh, '') || ' ' || coalesce(description, '') || ' ' || coalesce(description_zh, ''))))) STORED`);
    await q.query(
      `CREATE INDEX search_documents_zh_grams ON search_documents USING gin (zh_grams array_ops) WITH (fastupdate = off)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_documents_zh_grams`);
    await q.query(`ALTER TABLE search_documents DROP COLUMN zh_grams`);
    await q.query(`DROP FUNCTION search_cjk_grams(text)`);
  }
}
