import { MigrationInterface, QueryRunner } from 'typeorm';

const ORDER_KINDS = `'ORDER_CONFIRMATION', 'SLOT_CANCELLED', 'LATE_PAYMENT_REFUNDED', 'ORDER_SHIPPED', 'REFUND_REQUESTED', 'REFUND_REQUEST_DECIDED'`;
const ACCOUNT_KINDS = `'EMAIL_VERIFICATION', 'SIGN_UP_EXISTING_ACCOUNT', 'INVITATION', 'PAYOUT_ACCOUNT_CHANGED'`;

/**
 * Sales reported from shops (#17). The sales-reports context keeps each license-month's report and its lines
 * (revised in place until the studio accepts) and the reminders it sent; the ledger keeps what an accepted report
 * posted: one REPORTED_ROYALTY entry per report, a frozen row per line (which statements take like sale splits), and
 * the merchant's receivable for the part of the royalty its payable could not cover.
 */
export class SalesReports1765000002001 implements MigrationInterface {
  name = 'SalesReports1765000002001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        license_id uuid NOT NULL REFERENCES licenses(id),
        merchant_id uuid NOT NULL REFERENCES organizations(id),
        studio_id uuid NOT NULL REFERENCES organizations(id),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'DISPUTED')),
        no_sales boolean NOT NULL,
        currency char(3) NOT NULL,
        royalty_bps integer NOT NULL CHECK (royalty_bps BETWEEN 0 AND 10000),
        gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
        royalty_minor bigint NOT NULL CHECK (royalty_minor >= 0),
        revision integer NOT NULL CHECK (revision > 0),
        dispute_reason text CHECK (length(dispute_reason) <= 2000),
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        CONSTRAINT sales_reports_license_month UNIQUE (license_id, month),
        CHECK (NOT no_sales OR (gross_minor = 0 AND royalty_minor = 0)),
        CHECK ((status = 'DISPUTED') = (dispute_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX sales_reports_studio ON sales_reports (studio_id, status, month)`);
    await q.query(`CREATE INDEX sales_reports_merchant ON sales_reports (merchant_id, month)`);
    await q.query(`
      CREATE TABLE sales_report_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES sales_reports(id) ON DELETE CASCADE,
        line_no integer NOT NULL CHECK (line_no > 0),
        product_id uuid NOT NULL REFERENCES products(id),
        product_name text NOT NULL,
        product_name_zh text,
        channel text NOT NULL CHECK (channel IN ('VENUE', 'RETAIL')),
        quantity integer NOT NULL CHECK (quantity > 0),
        gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
        royalty_minor bigint NOT NULL CHECK (royalty_minor >= 0),
        CONSTRAINT sales_report_lines_no UNIQUE (report_id, line_no)
      )`);
    // One reminder per license-month, ever: the job may run any number of times.
    await q.query(`
      CREATE TABLE sales_report_reminders (
        license_id uuid NOT NULL REFERENCES licenses(id),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (license_id, month)
      )`);

    await q.query(`ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_purpose_check`);
    await q.query(`ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_purpose_check CHECK (purpose IN (
      'PAYMENT_CLEARING', 'STUDIO_ROYALTIES_PAYABLE', 'MERCHANT_PAYABLE', 'PLATFORM_FEE_REVENUE', 'ADVANCES_RECEIVABLE',
      'ADVANCES_RECOUPED', 'PAYOUTS_IN_TRANSIT', 'MERCHANT_ROYALTIES_RECEIVABLE'))`);
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check`);
    await q.query(`ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check
      CHECK (kind IN ('SALE', 'REFUND', 'ADJUSTMENT', 'PAYOUT', 'REPORTED_ROYALTY'))`);
    await q.query(`ALTER TABLE royalty_statement_lines DROP CONSTRAINT royalty_statement_lines_kind_check`);
    await q.query(`ALTER TABLE royalty_statement_lines ADD CONSTRAINT royalty_statement_lines_kind_check
      CHECK (kind IN ('SALE', 'REFUND', 'REPORTED'))`);

    await q.query(`
      CREATE TABLE reported_royalty_lines (
        line_id uuid PRIMARY KEY,
        report_id uuid NOT NULL,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        studio_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        merchant_name text NOT NULL,
        license_id uuid NOT NULL,
        film_ip_id uuid NOT NULL,
        product_id uuid NOT NULL,
        product_name text NOT NULL,
        product_name_zh text,
        channel text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        month text NOT NULL,
        currency char(3) NOT NULL,
        gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
        royalty_bps integer NOT NULL CHECK (royalty_bps BETWEEN 0 AND 10000),
        royalty_minor bigint NOT NULL CHECK (royalty_minor BETWEEN 0 AND gross_minor),
        occurred_at timestamptz NOT NULL,
        accepted_at timestamptz NOT NULL,
        statement_id uuid REFERENCES royalty_statements(id)
      )`);
    await q.query(
      `CREATE INDEX reported_royalty_lines_studio ON reported_royalty_lines (studio_id, currency, occurred_at)`,
    );
    await q.query(`CREATE INDEX reported_royalty_lines_report ON reported_royalty_lines (report_id)`);
    await q.query(`CREATE INDEX reported_royalty_lines_unstated ON reported_royalty_lines (studio_id, currency)
                   WHERE statement_id IS NULL`);
    // Like a sale's split: posted once, only ever stamped by the statement that takes it.
    await q.query(`
      CREATE FUNCTION ledger_guard_reported_line() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (OLD.statement_id IS NOT NULL AND NEW.statement_id IS DISTINCT FROM OLD.statement_id)
           OR (to_jsonb(NEW) - 'statement_id') IS DISTINCT FROM (to_jsonb(OLD) - 'statement_id') THEN
          RAISE EXCEPTION 'a posted reported line never changes; post a correcting entry instead'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER reported_royalty_lines_guard BEFORE UPDATE OR DELETE ON reported_royalty_lines
      FOR EACH ROW EXECUTE FUNCTION ledger_guard_reported_line()`);

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN (${ORDER_KINDS}, ${ACCOUNT_KINDS}, 'SALES_REPORT_REMINDER'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'SALES_REPORT_REMINDER'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${ORDER_KINDS}, ${ACCOUNT_KINDS}))`,
    );
    await q.query(`DROP TABLE reported_royalty_lines`);
    await q.query(`DROP FUNCTION ledger_guard_reported_line()`);
    await q.query(`ALTER TABLE royalty_statement_lines DROP CONSTRAINT royalty_statement_lines_kind_check`);
    await q.query(`ALTER TABLE royalty_statement_lines ADD CONSTRAINT royalty_statement_lines_kind_check
      CHECK (kind IN ('SALE', 'REFUND'))`);
    await q.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_kind_check`);
    await q.query(`ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_kind_check
      CHECK (kind IN ('SALE', 'REFUND', 'ADJUSTMENT', 'PAYOUT'))`);
    await q.query(`ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_purpose_check`);
    await q.query(`ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_purpose_check CHECK (purpose IN (
      'PAYMENT_CLEARING', 'STUDIO_ROYALTIES_PAYABLE', 'MERCHANT_PAYABLE', 'PLATFORM_FEE_REVENUE', 'ADVANCES_RECEIVABLE',
      'ADVANCES_RECOUPED', 'PAYOUTS_IN_TRANSIT'))`);
    await q.query(`DROP TABLE sales_report_reminders, sales_report_lines, sales_reports`);
  }
}
