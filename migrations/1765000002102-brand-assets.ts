import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brand assets (#17): studios upload official art, logos and style guides per film IP, for the staff of merchants
 * holding an ACTIVE license on it, downloaded through signed URLs that expire. Their files are private media: kept
 * under `p-` keys the public media route never serves, as one file (an image's full WebP rendition, or a PDF as
 * uploaded; PDFs are accepted for private uploads only). A public and a private upload of the same file are two
 * uploads, so the private one never resolves to public renditions.
 */
export class BrandAssets1765000002102 implements MigrationInterface {
  name = 'BrandAssets1765000002102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media
      ADD COLUMN private boolean NOT NULL DEFAULT false,
      ADD COLUMN content_type text NOT NULL DEFAULT 'image/webp'
        CONSTRAINT media_content_type CHECK (content_type IN ('image/webp', 'application/pdf')),
      ALTER COLUMN width DROP NOT NULL,
      ALTER COLUMN height DROP NOT NULL,
      DROP CONSTRAINT media_source_format_check,
      ADD CONSTRAINT media_source_format_check CHECK (source_format IN ('jpeg', 'png', 'webp', 'pdf')),
      ADD CONSTRAINT media_pdf_private CHECK (source_format <> 'pdf' OR (private AND content_type = 'application/pdf')),
      ADD CONSTRAINT media_size_unless_pdf CHECK ((source_format = 'pdf') = (width IS NULL AND height IS NULL)),
      DROP CONSTRAINT media_once_per_organization,
      ADD CONSTRAINT media_once_per_organization UNIQUE (organization_id, source_sha256, private)`);
    await q.query(`
      CREATE TABLE brand_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        film_ip_id uuid NOT NULL REFERENCES film_ips(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        media_id uuid NOT NULL REFERENCES media(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        added_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      )`);
    await q.query(`CREATE INDEX brand_assets_film_ip ON brand_assets (film_ip_id, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE brand_assets`);
    await q.query(`DELETE FROM media WHERE private`);
    await q.query(`ALTER TABLE media
      DROP CONSTRAINT media_once_per_organization,
      ADD CONSTRAINT media_once_per_organization UNIQUE (organization_id, source_sha256),
      DROP CONSTRAINT media_size_unless_pdf,
      DROP CONSTRAINT media_pdf_private,
      DROP CONSTRAINT media_source_format_check,
      ADD CONSTRAINT media_source_format_check CHECK (source_format IN ('jpeg', 'png', 'webp')),
      ALTER COLUMN width SET NOT NULL,
      ALTER COLUMN height SET NOT NULL,
      DROP COLUMN content_type,
      DROP COLUMN private`);
  }
}
