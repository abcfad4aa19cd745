import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Double-entry journal, revenue-split rows and royalty statements. The database itself keeps the journal
 * balanced and append-only and issued statements frozen, so no code path (or hand-written SQL) can break them.
 * No foreign keys leave the ledger: order lines, licenses and organizations belong to other contexts.
 */
export class Ledger1764500000001 implements MigrationInterface {
  name = 'Ledger1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CHECK (purpose IN ('PAYMENT_CLEARING', 'STUDIO_ROYALTIES_PAYABLE', 'MERCHANT_PAYABLE',
          'PLATFORM_FEE_REVENUE', 'ADVANCES_RECEIVABLE', 'ADVANCES_RECOUPED', 'PAYOUTS_IN_TRANSIT')),
        party_id uuid,
        currency char(3) NOT NULL,
        balance_minor bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_accounts_identity UNIQUE NULLS NOT DISTINCT (purpose, party_id, currency)
      )`);
    await q.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SALE', 'REFUND', 'ADJUSTMENT', 'PAYOUT')),
        source_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        memo text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT journal_entries_source UNIQUE (kind, source_id)
      )`);
    await q.query(`CREATE INDEX journal_entries_occurred ON journal_entries (occurred_at)`);
    await q.query(`
      CREATE TABLE ledger_postings (
        id bigserial PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        account_id uuid NOT NULL REFERENCES ledger_accounts(id),
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency char(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX ledger_postings_entry ON ledger_postings (entry_id)`);
    await q.query(`CREATE INDEX ledger_postings_account ON ledger_postings (account_id)`);

    // Balanced: checked at commit (deferred), so an entry's postings may be inserted one by one.
    await q.query(`
      CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad record;
      BEGIN
        SELECT currency, sum(amount_minor) AS total INTO bad
          FROM ledger_postings WHERE entry_id = NEW.entry_id
         GROUP BY currency HAVING sum(amount_minor) <> 0 LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'journal entry % is unbalanced: % postings sum to %', NEW.entry_id, bad.currency, bad.total
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced()`);

    // A posting's currency is its account's, and the account's running balance moves with it.
    await q.query(`
      CREATE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_accounts SET balance_minor = balance_minor + NEW.amount_minor
         WHERE id = NEW.account_id AND currency = NEW.currency;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'posting currency % does not match account %', NEW.currency, NEW.account_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
        FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting()`);

    await q.query(`
      CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused; post a correcting entry instead', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['journal_entries', 'ledger_postings']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ledger_reject_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change()`);
    }

    await q.query(`
      CREATE TABLE merchant_fee_rates (
        merchant_id uuid PRIMARY KEY,
        fee_bps integer NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE royalty_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        studio_id uuid NOT NULL,
        studio_name text NOT NULL,
        period_month date NOT NULL CHECK (extract(day FROM period_month) = 1),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        currency char(3) NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED')),
        line_count integer NOT NULL DEFAULT 0,
        gross_minor bigint NOT NULL DEFAULT 0,
        refunded_minor bigint NOT NULL DEFAULT 0,
        royalty_minor bigint NOT NULL DEFAULT 0,
        adjustments_minor bigint NOT NULL DEFAULT 0,
        amount_due_minor bigint NOT NULL DEFAULT 0,
        issued_at timestamptz,
        issued_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT royalty_statements_period UNIQUE (studio_id, period_month, currency)
      )`);

    await q.query(`
      CREATE TABLE sale_line_splits (
        order_line_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        studio_id uuid NOT NULL,
        studio_name text NOT NULL,
        merchant_id uuid NOT NULL,
        merchant_name text NOT NULL,
        license_id uuid NOT NULL,
        film_ip_id uuid NOT NULL,
        product_id uuid NOT NULL,
        product_name text NOT NULL,
        currency char(3) NOT NULL,
        gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
        royalty_bps integer NOT NULL CHECK (royalty_bps BETWEEN 0 AND 10000),
        fee_bps integer NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
        royalty_minor bigint NOT NULL CHECK (royalty_minor >= 0),
        fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
        merchant_minor bigint NOT NULL CHECK (merchant_minor >= 0),
        refunded_minor bigint NOT NULL DEFAULT 0,
        royalty_reversed_minor bigint NOT NULL DEFAULT 0,
        fee_reversed_minor bigint NOT NULL DEFAULT 0,
        merchant_reversed_minor bigint NOT NULL DEFAULT 0,
        paid_at timestamptz NOT NULL,
        statement_id uuid REFERENCES royalty_statements(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (gross_minor = royalty_minor + fee_minor + merchant_minor),
        CHECK (refunded_minor BETWEEN 0 AND gross_minor),
        CHECK (refunded_minor = royalty_reversed_minor + fee_reversed_minor + merchant_reversed_minor)
      )`);
    await q.query(`CREATE INDEX sale_line_splits_studio_paid ON sale_line_splits (studio_id, paid_at, order_line_id)`);
    await q.query(`CREATE INDEX sale_line_splits_merchant_paid ON sale_line_splits (merchant_id, paid_at)`);
    await q.query(
      `CREATE INDEX sale_line_splits_unstated ON sale_line_splits (studio_id, paid_at) WHERE statement_id IS NULL`,
    );

    await q.query(`
      CREATE TABLE sale_line_refunds (
        refund_id uuid PRIMARY KEY,
        order_line_id uuid NOT NULL REFERENCES sale_line_splits(order_line_id),
        entry_id uuid NOT NULL REFERENCES journal_entries(id),
        studio_id uuid NOT NULL,
        merchant_id uuid NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        refunded_before_minor bigint NOT NULL,
        refunded_after_minor bigint NOT NULL,
        royalty_reversal_minor bigint NOT NULL,
        fee_reversal_minor bigint NOT NULL,
        merchant_reversal_minor bigint NOT NULL,
        refunded_at timestamptz NOT NULL,
        statement_id uuid REFERENCES royalty_statements(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (refunded_after_minor = refunded_before_minor + amount_minor),
        CHECK (amount_minor = royalty_reversal_minor + fee_reversal_minor + merchant_reversal_minor)
      )`);
    await q.query(`CREATE INDEX sale_line_refunds_studio_at ON sale_line_refunds (studio_id, refunded_at)`);
    await q.query(`CREATE INDEX sale_line_refunds_line ON sale_line_refunds (order_line_id)`);
    await q.query(`CREATE INDEX sale_line_refunds_merchant_at ON sale_line_refunds (merchant_id, refunded_at)`);

    // Split and refund rows record money: only the running refund totals move, and a statement stamp, once set, stays.
    await q.query(`
      CREATE FUNCTION ledger_guard_split_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.statement_id IS NOT NULL AND NEW.statement_id IS DISTINCT FROM OLD.statement_id THEN
          RAISE EXCEPTION 'row already belongs to statement %', OLD.statement_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_TABLE_NAME = 'sale_line_splits' THEN
          IF (NEW.order_line_id, NEW.order_id, NEW.entry_id, NEW.studio_id, NEW.merchant_id, NEW.license_id, NEW.film_ip_id,
              NEW.product_id, NEW.currency, NEW.gross_minor, NEW.royalty_bps, NEW.fee_bps, NEW.royalty_minor, NEW.fee_minor,
              NEW.merchant_minor, NEW.paid_at)
             IS DISTINCT FROM
             (OLD.order_line_id, OLD.order_id, OLD.entry_id, OLD.studio_id, OLD.merchant_id, OLD.license_id, OLD.film_ip_id,
              OLD.product_id, OLD.currency, OLD.gross_minor, OLD.royalty_bps, OLD.fee_bps, OLD.royalty_minor, OLD.fee_minor,
              OLD.merchant_minor, OLD.paid_at) THEN
            RAISE EXCEPTION 'the split of a paid line never changes; refunds post reversals' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF (to_jsonb(NEW) - 'statement_id') IS DISTINCT FROM (to_jsonb(OLD) - 'statement_id') THEN
          RAISE EXCEPTION 'a refund row never changes' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['sale_line_splits', 'sale_line_refunds']) {
      await q.query(`CREATE TRIGGER ${table}_guard BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ledger_guard_split_row()`);
    }

    await q.query(`
      CREATE TABLE royalty_statement_lines (
        statement_id uuid NOT NULL REFERENCES royalty_statements(id),
        line_no integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SALE', 'REFUND')),
        source_id uuid NOT NULL,
        order_line_id uuid NOT NULL,
        product_name text NOT NULL,
        merchant_id uuid NOT NULL,
        merchant_name text NOT NULL,
        license_id uuid NOT NULL,
        film_ip_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        is_adjustment boolean NOT NULL,
        gross_minor bigint NOT NULL,
        refunded_minor bigint NOT NULL,
        royalty_minor bigint NOT NULL,
        PRIMARY KEY (statement_id, line_no)
      )`);

    // An ISSUED statement and its lines never change. Lines are written while the statement is a DRAFT,
    // inside the one transaction that then issues it.
    await q.query(`
      CREATE FUNCTION royalty_statement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN RETURN NEW; END IF;
        IF OLD.status = 'ISSUED' THEN
          RAISE EXCEPTION 'statement % is issued and never changes', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER royalty_statements_frozen BEFORE UPDATE OR DELETE ON royalty_statements
      FOR EACH ROW EXECUTE FUNCTION royalty_statement_frozen()`);
    await q.query(`
      CREATE FUNCTION royalty_statement_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.statement_id ELSE OLD.statement_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM royalty_statements WHERE id = sid AND status = 'ISSUED') THEN
          RAISE EXCEPTION 'statement % is issued and never changes', sid USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER royalty_statement_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON royalty_statement_lines
      FOR EACH ROW EXECUTE FUNCTION royalty_statement_line_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS royalty_statement_lines, sale_line_refunds, sale_line_splits, royalty_statements,
      merchant_fee_rates, ledger_postings, journal_entries, ledger_accounts`);
    await q.query(`DROP FUNCTION IF EXISTS royalty_statement_line_frozen(), royalty_statement_frozen(), ledger_guard_split_row(),
      ledger_reject_change(), ledger_apply_posting(), ledger_check_entry_balanced()`);
  }
}
