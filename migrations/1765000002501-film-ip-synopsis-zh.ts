import { MigrationInterface, QueryRunner } from 'typeorm';

/** A film's synopsis in Chinese beside the English one, as its title has: the interface is Chinese first. */
export class FilmIpSynopsisZh1765000002501 implements MigrationInterface {
  name = 'FilmIpSynopsisZh1765000002501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips ADD COLUMN synopsis_zh text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE film_ips DROP COLUMN synopsis_zh`);
  }
}
