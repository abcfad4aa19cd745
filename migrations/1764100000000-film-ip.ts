import { MigrationInterface, QueryRunner } from 'typeorm';

export class FilmIp1764100000000 implements MigrationInterface {
  name = 'FilmIp1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE film_ips (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        title_zh text CHECK (length(title_zh) BETWEEN 1 AND 200),
        synopsis text CHECK (length(synopsis) <= 4000),
        year integer CHECK (year BETWEEN 1888 AND 2100),
        characters jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(characters) = 'array'),
        artwork_urls text[] NOT NULL DEFAULT '{}',
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX film_ips_studio ON film_ips (studio_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX film_ips_newest ON film_ips (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE filming_locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        name_zh text CHECK (length(name_zh) BETWEEN 1 AND 200),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE film_ip_filming_locations (
        film_ip_id uuid NOT NULL REFERENCES film_ips(id) ON DELETE CASCADE,
        filming_location_id uuid NOT NULL REFERENCES filming_locations(id) ON DELETE CASCADE,
        PRIMARY KEY (film_ip_id, filming_location_id)
      )`);
    await q.query(`CREATE INDEX film_ip_filming_locations_location ON film_ip_filming_locations (filming_location_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE film_ip_filming_locations, filming_locations, film_ips`);
  }
}
