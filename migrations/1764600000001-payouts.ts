import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payouts: Stripe Connect transfers (or development records) that draw a studio's royalties payable (per issued
 * statement) or a merchant's payable (per order) down. At most one live (not FAILED) payout per payee and subject,
 * so a repeated request finds the payout it already made. A payout's money never changes; its status moves once,
 * from IN_TRANSIT to PAID or FAILED, and a payout is never deleted.
 */
export class Payouts1764600000001 implements MigrationInterface {
  name = 'Payouts1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        payee_kind text NOT NULL CHECK (payee_kind IN ('STUDIO', 'MERCHANT')),
        subject text NOT NULL,
        statement_id uuid REFERENCES royalty_statements(id),
        order_id uuid,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        destination_account_id text NOT NULL CHECK (destination_account_id ~ '^acct_[A-Za-z0-9]+$'),
        transfer_group text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('IN_TRANSIT', 'PAID', 'FAILED')),
        provider text,
        provider_transfer_id text,
        failure_code text,
        failure_message text,
        requested_by uuid,
        created_at timestamptz NOT NULL,
        settled_at timestamptz,
        failed_at timestamptz,
        CHECK ((payee_kind = 'STUDIO') = (statement_id IS NOT NULL)),
        CHECK ((payee_kind = 'MERCHANT') = (order_id IS NOT NULL)),
        CHECK ((status = 'PAID') = (settled_at IS NOT NULL AND provider_transfer_id IS NOT NULL)),
        CHECK ((status = 'FAILED') = (failed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX payouts_live_subject ON payouts (organization_id, subject) WHERE status <> 'FAILED'`,
    );
    await q.query(`CREATE INDEX payouts_organization ON payouts (organization_id, created_at DESC)`);
    await q.query(`CREATE INDEX payouts_in_transit ON payouts (created_at) WHERE status = 'IN_TRANSIT'`);
    await q.query(`
      CREATE FUNCTION payouts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'payouts are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'IN_TRANSIT' THEN
          RAISE EXCEPTION 'payout % is % and never changes', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.id, NEW.organization_id, NEW.payee_kind, NEW.subject, NEW.statement_id, NEW.order_id, NEW.currency, NEW.amount_minor,
            NEW.destination_account_id, NEW.transfer_group, NEW.idempotency_key, NEW.requested_by, NEW.created_at)
           IS DISTINCT FROM
           (OLD.id, OLD.organization_id, OLD.payee_kind, OLD.subject, OLD.statement_id, OLD.order_id, OLD.currency, OLD.amount_minor,
            OLD.destination_account_id, OLD.transfer_group, OLD.idempotency_key, OLD.requested_by, OLD.created_at) THEN
          RAISE EXCEPTION 'a payout''s payee and money never change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER payouts_guard BEFORE UPDATE OR DELETE ON payouts FOR EACH ROW EXECUTE FUNCTION payouts_guard()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS payouts`);
    await q.query(`DROP FUNCTION IF EXISTS payouts_guard()`);
  }
}
