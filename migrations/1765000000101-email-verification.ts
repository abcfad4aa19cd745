import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proof that a person owns their email address, and invitations accepted only through a link sent to it.
 * Existing accounts stay unverified: nobody ever proved their addresses, so they verify (with their password) the
 * next time they log in. Invitations still pending have no link to accept them by; they lapse, and owners invite
 * again. Organization-level audit entries record who changed payout accounts and who joined.
 */
export class EmailVerification1765000000101 implements MigrationInterface {
  name = 'EmailVerification1765000000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
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
    await q.query(`CREATE INDEX invitations_pending_org ON invitations (organization_id, email) WHERE accepted_at IS NULL`);

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
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
