import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded images (media context) and product galleries (catalog). A media row names its renditions by content
 * address; equal images share stored objects, so files are never deleted through a row. A gallery is an ordered
 * list of an organization's own uploads, with optional alt text in both languages.
 */
export class Media1765000000801 implements MigrationInterface {
  name = 'Media1765000000801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
        source_format text NOT NULL CHECK (source_format IN ('jpeg', 'png', 'webp')),
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        full_key text NOT NULL,
        card_key text NOT NULL,
        thumbnail_key text NOT NULL,
        stored_bytes int NOT NULL CHECK (stored_bytes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT media_once_per_organization UNIQUE (organization_id, source_sha256)
      )`);
    await q.query(`
      CREATE TABLE product_media (
        product_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        media_id uuid NOT NULL REFERENCES media(id),
        position int NOT NULL CHECK (position >= 0),
        alt text,
        alt_zh text,
        PRIMARY KEY (product_id, position),
        CONSTRAINT product_media_once UNIQUE (product_id, media_id)
      )`);
    await q.query(`CREATE INDEX product_media_by_media ON product_media (media_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_media`);
    await q.query(`DROP TABLE media`);
  }
}
