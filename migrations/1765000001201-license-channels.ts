import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licensing as studios run it (#17): the sales channels a license offer (and every license signed on it, as part of
 * the copied terms) allows, all three by default so earlier offers still sell online; and proof of license: each
 * product gets an unguessable verification code when it is first published, printed as a QR on its tags. The code
 * never changes afterwards, so tags already printed keep working (and keep telling the truth about the license).
 */
export class LicenseChannels1765000001201 implements MigrationInterface {
  name = 'LicenseChannels1765000001201';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['license_offers', 'licenses']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN channels text[] NOT NULL DEFAULT '{ONLINE,VENUE,RETAIL}'
                     CONSTRAINT ${table}_channels CHECK (cardinality(channels) > 0 AND channels <@ '{ONLINE,VENUE,RETAIL}'::text[])`);
    }
    await q.query(`ALTER TABLE products ADD COLUMN verification_code text
                   CONSTRAINT products_verification_code CHECK (verification_code ~ '^[A-Za-z0-9_-]{20,64}$')`);
    await q.query(
      `CREATE UNIQUE INDEX products_verification_code_key ON products (verification_code) WHERE verification_code IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX products_verification_code_key`);
    await q.query(`ALTER TABLE products DROP COLUMN verification_code`);
    for (const table of ['licenses', 'license_offers']) await q.query(`ALTER TABLE ${table} DROP COLUMN channels`);
  }
}
