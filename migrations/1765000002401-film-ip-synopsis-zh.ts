import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Film pages (#16): a film's synopsis in Chinese beside the English one, since the interface is Chinese first and
 * a film page without its story in Chinese reads as a foreign catalogue. Optional, like the English synopsis.
 */
export class FilmIpSynopsisZh1765000002401 implements MigrationInterface {
  name = 'FilmIpSynopsisZh1765000002401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips ADD COLUMN synopsis_zh text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips DROP COLUMN synopsis_zh`);
  }
}
