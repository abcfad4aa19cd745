import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Film IP key art (#16): the poster a film page and its share preview show, chosen by the studio from its own public
 * uploads. A reference, not a copy: the media row and its content-addressed files stay when the key art changes.
 */
export class FilmIpKeyArt1765000002901 implements MigrationInterface {
  name = 'FilmIpKeyArt1765000002901';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips ADD COLUMN key_art_media_id uuid REFERENCES media(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips DROP COLUMN key_art_media_id`);
  }
}
