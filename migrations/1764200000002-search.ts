import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents for the Postgres adapter and the outbox that feeds external indexes (Meilisearch).
 * Chinese has no spaces, so Chinese text is matched by trigram substring (pg_trgm GIN); English by a tsvector
 * with prefix matching plus trigram word similarity for typos, both over unaccented lower-case text.
 */
export class Search1764200000002 implements MigrationInterface {
  name = 'Search1764200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe for indexes.
    await q.query(`
      CREATE FUNCTION search_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1))`);
    await q.query(`
      CREATE TABLE search_documents (
        product_id uuid PRIMARY KEY,
        kind text NOT NULL,
        category text NOT NULL,
        name text NOT NULL,
        name_zh text,
        description text,
        description_zh text,
        film_ip_id uuid NOT NULL,
        film_ip_title text NOT NULL,
        film_ip_title_zh text,
        studio_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        merchant_name text NOT NULL,
        merchant_name_zh text,
        venue_id uuid,
        price_from_minor bigint,
        currency char(3) NOT NULL DEFAULT 'CNY',
        in_stock boolean NOT NULL,
        available_dates date[] NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        text_en text GENERATED ALWAYS AS (
          search_fold((coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(film_ip_title, '') || ' ' || coalesce(merchant_name, '')))) STORED,
        text_all text GENERATED ALWAYS AS (
          search_fold((coalesce(name, '') || ' ' || coalesce(name_zh, '') || ' ' || coalesce(film_ip_title, '') || ' ' || coalesce(film_ip_title_zh, '') || ' ' || coalesce(merchant_name, '') || ' ' || coalesce(merchant_name_zh, '') || ' ' || coalesce(description, '') || ' ' || coalesce(description_zh, '')))) STORED,
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', search_fold(coalesce(name, ''))), 'A') ||
          setweight(to_tsvector('simple', search_fold((coalesce(film_ip_title, '') || ' ' || coalesce(merchant_name, '')))), 'B') ||
          setweight(to_tsvector('simple', search_fold(coalesce(description, ''))), 'C')) STORED
      )`);
    await q.query(`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`);
    await q.query(`CREATE INDEX search_documents_text_all_trgm ON search_documents USING gin (text_all gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_documents_text_en_trgm ON search_documents USING gin (text_en gin_trgm_ops)`);
    await q.query(`CREATE INDEX search_documents_available_dates ON search_documents USING gin (available_dates)`);
    await q.query(`CREATE INDEX search_documents_price ON search_documents (price_from_minor, product_id)`);
    await q.query(`CREATE INDEX search_documents_newest ON search_documents (published_at DESC, product_id DESC)`);
    await q.query(`CREATE INDEX search_documents_film_ip ON search_documents (film_ip_id)`);
    await q.query(`CREATE INDEX search_documents_merchant ON search_documents (merchant_id)`);

    await q.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        product_id uuid NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX search_outbox_pending ON search_outbox (id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_outbox, search_documents`);
    await q.query(`DROP FUNCTION search_fold(text)`);
  }
}
