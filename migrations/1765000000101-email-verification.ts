import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proof that a person owns their email address, and invitations accepted only through a link sent to it.
 *
 * An address belongs to the one account that verified it: uniqueness now holds among verified accounts only, so a
 * sign-up can always create its own unverified account and answer the same whether or not the address is taken
 * (an unverified duplicate of a taken address can never be verified, and cannot log in).
 *
 * Accounts made before this held their address alone and have been using it; they count as verified from their
 * creation, rather than locking their owners out of their orders. Memberships they obtained by signing up with an
 * invited address are not revisited here. Invitations still pending have no link to accept them by: they lapse,
 * and owners invite again. Organization audit entries record who changed payout accounts and who joined.
 */
export class EmailVerification1765000000101 implements MigrationInterface {
  name = 'EmailVerification1765000000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_email_key`);
    await q.query(`CREATE UNIQUE INDEX users_verified_email ON users (email) WHERE email_verified_at IS NOT NULL`);
    await q.query(`CREATE INDEX users_email ON users (email)`);
    await q.query(`
      CREATE TABLE email_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        email text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX email_verifications_user ON email_verifications (user_id) WHERE used_at IS NULL`);

    await q.query(`ALTER TABLE invitations ADD COLUMN token_hash text UNIQUE, ADD COLUMN expires_at timestamptz,
                   ADD COLUMN accepted_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`UPDATE invitations SET expires_at = now() WHERE accepted_at IS NULL`);
    await q.query(`UPDATE invitations SET expires_at = accepted_at WHERE accepted_at IS NOT NULL`);
    await q.query(`ALTER TABLE invitations ALTER COLUMN expires_at SET NOT NULL`);
    await q.query(
      `CREATE INDEX invitations_pending_org ON invitations (organization_id, email) WHERE accepted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE organization_audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organization_audit_entries_org ON organization_audit_entries (organization_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_audit_entries`);
    await q.query(`DROP INDEX invitations_pending_org`);
    await q.query(`ALTER TABLE invitations DROP COLUMN token_hash, DROP COLUMN expires_at, DROP COLUMN accepted_by`);
    await q.query(`DROP TABLE email_verifications`);
    await q.query(`DELETE FROM users WHERE email_verified_at IS NULL`);
    await q.query(`DROP INDEX users_email`);
    await q.query(`DROP INDEX users_verified_email`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
