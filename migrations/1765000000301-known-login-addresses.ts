import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses each account has logged in (or signed up) from. Failed log-ins of an account from every address together
 * no longer lock it: past that limit only these addresses may go on trying, so a stranger cannot lock the owner out.
 * The address is stored as a SHA-256 digest: the table needs to recognise an address, never to show one.
 */
export class KnownLoginAddresses1765000000301 implements MigrationInterface {
  name = 'KnownLoginAddresses1765000000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE known_login_addresses (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        address_hash text NOT NULL,
        last_login_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, address_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_login_addresses`);
  }
}
