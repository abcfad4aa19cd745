import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization logos (#16): one of the organization's own public uploads, shown beside its name on product and film
 * pages. Kept in the media context (identity may use no other context, and media already uses identity), as a
 * reference: changing or clearing a logo deletes this row only, never the upload or its shared files.
 */
export class OrganizationLogos1765000002903 implements MigrationInterface {
  name = 'OrganizationLogos1765000002903';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_logos (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        media_id uuid NOT NULL REFERENCES media(id),
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organization_logos_by_media ON organization_logos (media_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_logos`);
  }
}
