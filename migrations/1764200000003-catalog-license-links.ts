import { MigrationInterface, QueryRunner } from 'typeorm';

/** Products point at the license they are sold under and its film IP, now that those tables exist. */
export class CatalogLicenseLinks1764200000003 implements MigrationInterface {
  name = 'CatalogLicenseLinks1764200000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE products ADD CONSTRAINT products_license_fk FOREIGN KEY (license_id) REFERENCES licenses(id)`,
    );
    await q.query(
      `ALTER TABLE products ADD CONSTRAINT products_film_ip_fk FOREIGN KEY (film_ip_id) REFERENCES film_ips(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE products DROP CONSTRAINT products_film_ip_fk, DROP CONSTRAINT products_license_fk`);
  }
}
