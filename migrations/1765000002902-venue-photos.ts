import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Venue photos (#16): up to six of the merchant's own public uploads, in order, shown with the venue on its
 * experiences' pages. Rows reference uploads; replacing the photos deletes rows, never media or files.
 */
export class VenuePhotos1765000002902 implements MigrationInterface {
  name = 'VenuePhotos1765000002902';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE venue_photos (
        venue_id uuid NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
        media_id uuid NOT NULL REFERENCES media(id),
        position int NOT NULL CHECK (position >= 0 AND position < 6),
        PRIMARY KEY (venue_id, position),
        CONSTRAINT venue_photos_once UNIQUE (venue_id, media_id)
      )`);
    await q.query(`CREATE INDEX venue_photos_by_media ON venue_photos (media_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE venue_photos`);
  }
}
