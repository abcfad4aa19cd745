import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * STAND-IN for feat/licensing's migrations (issue 3): the columns of film_ips and licenses the catalog reads.
 * Deleted when feat/licensing is merged; it never reaches main.
 */
export class LicensingStandin1764100000099 implements MigrationInterface {
  name = 'LicensingStandin1764100000099';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE film_ips (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        title text NOT NULL,
        title_zh text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE licenses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        film_ip_id uuid NOT NULL REFERENCES film_ips(id),
        status text NOT NULL,
        categories text[] NOT NULL,
        territory text NOT NULL DEFAULT 'CN',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        royalty_bps integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licenses, film_ips`);
  }
}
