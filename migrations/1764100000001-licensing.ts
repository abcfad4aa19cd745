import { MigrationInterface, QueryRunner } from 'typeorm';

/** The terms columns, shared by an offer and by the copy a license keeps of them. */
const TERMS = `
  royalty_bps integer NOT NULL CHECK (royalty_bps BETWEEN 0 AND 10000),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  territory text NOT NULL DEFAULT 'CN' CHECK (territory ~ '^[A-Z]{2}$'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  advance_minor bigint CHECK (advance_minor >= 0),
  advance_currency char(3),
  minimum_guarantee_minor bigint CHECK (minimum_guarantee_minor >= 0),
  minimum_guarantee_currency char(3),
  CHECK (starts_on < ends_on),
  CHECK ((advance_minor IS NULL) = (advance_currency IS NULL)),
  CHECK ((minimum_guarantee_minor IS NULL) = (minimum_guarantee_currency IS NULL))`;

export class Licensing1764100000001 implements MigrationInterface {
  name = 'Licensing1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE license_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        film_ip_id uuid NOT NULL REFERENCES film_ips(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        ${TERMS},
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX license_offers_open ON license_offers (created_at DESC, id DESC) WHERE status = 'OPEN'`,
    );
    await q.query(`CREATE INDEX license_offers_studio ON license_offers (studio_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX license_offers_film_ip ON license_offers (film_ip_id)`);
    await q.query(`
      CREATE TABLE license_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES license_offers(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        pitch text NOT NULL CHECK (length(pitch) BETWEEN 1 AND 4000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        decision_reason text CHECK (length(decision_reason) <= 2000),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        applied_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one open question per merchant and offer; a second one is CONFLICT.
    await q.query(
      `CREATE UNIQUE INDEX license_applications_one_pending ON license_applications (offer_id, merchant_id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX license_applications_studio ON license_applications (studio_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX license_applications_merchant ON license_applications (merchant_id, created_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE licenses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL UNIQUE REFERENCES license_applications(id),
        offer_id uuid NOT NULL REFERENCES license_offers(id),
        film_ip_id uuid NOT NULL REFERENCES film_ips(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        ${TERMS},
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')),
        status_reason text CHECK (length(status_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX licenses_studio ON licenses (studio_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX licenses_merchant ON licenses (merchant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX licenses_expiring ON licenses (ends_on) WHERE status IN ('ACTIVE', 'SUSPENDED')`);
    await q.query(`
      CREATE TABLE licensing_audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        actor_user_id uuid REFERENCES users(id),
        action text NOT NULL,
        entity_type text NOT NULL CHECK (entity_type IN ('LICENSE_OFFER', 'LICENSE_APPLICATION', 'LICENSE')),
        entity_id uuid NOT NULL,
        studio_id uuid NOT NULL REFERENCES organizations(id),
        merchant_id uuid REFERENCES organizations(id),
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX licensing_audit_entries_entity ON licensing_audit_entries (entity_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licensing_audit_entries, licenses, license_applications, license_offers`);
  }
}
