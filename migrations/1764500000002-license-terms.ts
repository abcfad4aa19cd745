import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A license's money terms as signed (advance, minimum guarantee, term) and what each statement recouped or
 * charged under them. Statements gain the two figures; the per-license rows are frozen with their statement.
 */
export class LicenseTerms1764500000002 implements MigrationInterface {
  name = 'LicenseTerms1764500000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE license_terms (
        license_id uuid PRIMARY KEY,
        studio_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        currency char(3) NOT NULL,
        advance_minor bigint NOT NULL CHECK (advance_minor >= 0),
        minimum_guarantee_minor bigint NOT NULL CHECK (minimum_guarantee_minor >= 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        advance_recouped_minor bigint NOT NULL DEFAULT 0 CHECK (advance_recouped_minor BETWEEN 0 AND advance_minor),
        guarantee_settled_by uuid REFERENCES royalty_statements(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX license_terms_studio_end ON license_terms (studio_id, ends_on)`);
    await q.query(`ALTER TABLE royalty_statements
      ADD COLUMN advance_recouped_minor bigint NOT NULL DEFAULT 0,
      ADD COLUMN guarantee_shortfall_minor bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE royalty_statement_licenses (
        statement_id uuid NOT NULL REFERENCES royalty_statements(id),
        license_id uuid NOT NULL,
        royalty_minor bigint NOT NULL,
        advance_recouped_minor bigint NOT NULL,
        guarantee_shortfall_minor bigint NOT NULL,
        PRIMARY KEY (statement_id, license_id)
      )`);
    await q.query(`CREATE TRIGGER royalty_statement_licenses_frozen BEFORE INSERT OR UPDATE OR DELETE ON royalty_statement_licenses
      FOR EACH ROW EXECUTE FUNCTION royalty_statement_line_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS royalty_statement_licenses, license_terms`);
    await q.query(
      `ALTER TABLE royalty_statements DROP COLUMN advance_recouped_minor, DROP COLUMN guarantee_shortfall_minor`,
    );
  }
}
