import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalog: venues, products (merchandise and experiences), variants with stock, stock movements, ticket types and
 * time slots. Stock and seat invariants are CHECK constraints so no code path can break them. created_at
 * is kept to the millisecond because keyset cursors carry it as a JavaScript Date. Foreign keys to
 * licenses and film_ips arrive in a later migration, once the licensing tables are on main.
 */
export class Catalog1764200000001 implements MigrationInterface {
  name = 'Catalog1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE venues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        name_zh text CHECK (length(name_zh) BETWEEN 1 AND 120),
        address text CHECK (length(address) <= 300),
        address_zh text CHECK (length(address_zh) <= 300),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        opening_notes text CHECK (length(opening_notes) <= 1000),
        filming_location_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX venues_merchant ON venues (merchant_id, created_at, id)`);

    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('MERCHANDISE', 'EXPERIENCE')),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        license_id uuid NOT NULL,
        film_ip_id uuid NOT NULL,
        venue_id uuid REFERENCES venues(id),
        category text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        name_zh text CHECK (length(name_zh) BETWEEN 1 AND 120),
        description text CHECK (length(description) <= 4000),
        description_zh text CHECK (length(description_zh) <= 4000),
        images text[] NOT NULL DEFAULT '{}' CHECK (cardinality(images) <= 12),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'PUBLISHED', 'SUSPENDED')),
        status_reason text,
        purchase_limit integer CHECK (purchase_limit > 0),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT products_experience_has_venue CHECK ((kind = 'EXPERIENCE') = (venue_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX products_merchant ON products (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX products_studio_status ON products (studio_id, status)`);
    await q.query(`CREATE INDEX products_license ON products (license_id)`);

    await q.query(`
      CREATE TABLE product_variants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
        price_minor bigint NOT NULL CHECK (price_minor > 0),
        currency char(3) NOT NULL,
        stock_on_hand integer NOT NULL CHECK (stock_on_hand >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT product_variants_sku_per_merchant UNIQUE (merchant_id, sku),
        CONSTRAINT product_variants_stock_covers_commitments CHECK (stock_on_hand >= sold + reserved)
      )`);
    await q.query(`CREATE INDEX product_variants_product ON product_variants (product_id, position)`);

    await q.query(`
      CREATE TABLE stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        variant_id uuid NOT NULL REFERENCES product_variants(id) ON DELETE CASCADE,
        delta integer NOT NULL CHECK (delta <> 0 OR reason = 'COUNT'),
        reason text NOT NULL CHECK (reason IN ('INITIAL', 'RESTOCK', 'DAMAGE', 'COUNT')),
        note text CHECK (length(note) <= 500),
        stock_after integer NOT NULL,
        actor_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stock_movements_variant ON stock_movements (variant_id, created_at)`);

    await q.query(`
      CREATE TABLE ticket_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        name_zh text CHECK (length(name_zh) BETWEEN 1 AND 60),
        price_minor bigint NOT NULL CHECK (price_minor > 0),
        currency char(3) NOT NULL,
        position integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ticket_types_product ON ticket_types (product_id, position)`);

    await q.query(`
      CREATE TABLE time_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 0),
        reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'CANCELLED')),
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT time_slots_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT time_slots_capacity_covers_commitments CHECK (capacity >= sold + reserved),
        CONSTRAINT time_slots_unique_start UNIQUE (product_id, starts_at)
      )`);
    await q.query(`CREATE INDEX time_slots_product_start ON time_slots (product_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE time_slots, ticket_types, stock_movements, product_variants, products, venues`);
  }
}
