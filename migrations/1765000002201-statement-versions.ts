import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The studio's side of statements (#17).
 *
 * Versions: a studio re-issues a month's statement; the new version supersedes the old one and both are kept. The
 * old version turns SUPERSEDED (the one change an issued statement still allows) and points at its successor; at
 * most one ISSUED statement per studio, month and currency (issuers of a studio also queue on an advisory lock). A re-issued version copies its
 * predecessor's lines (`restated`), so the split and refund rows keep the stamp of the version that first stated
 * them; `previously_paid_minor` is what payouts already transferred for the versions it supersedes, deducted from
 * its amount due so a month is never paid twice.
 *
 * Earlier unstated months: a statement takes every unstated row dated before its month's end, so the first
 * statement of a studio also takes the months before it that never had a statement. Those rows were flagged
 * `is_adjustment`, and the statement called them "adjustments to an earlier, already stated period" although no
 * such statement existed (the demo's October statement took September's sales: ¥94.68 beside October's ¥35.28 on
 * the dashboard). Now `is_adjustment` means a row dated in a month that has an issued statement, and
 * `unstated_earlier` a row dated in an earlier month that has none; issued statements are relabelled accordingly
 * (labels only: no amount changes).
 *
 * Held licenses: at most one ACTIVE or SUSPENDED license per merchant and offer, so two applications racing past
 * the service's check cannot both end in a license.
 */
export class StatementVersions1765000002201 implements MigrationInterface {
  name = 'StatementVersions1765000002201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE royalty_statements DROP CONSTRAINT royalty_statements_period`);
    await q.query(`ALTER TABLE royalty_statements DROP CONSTRAINT royalty_statements_status_check`);
    await q.query(`ALTER TABLE royalty_statements
      ADD CONSTRAINT royalty_statements_status_check CHECK (status IN ('DRAFT', 'ISSUED', 'SUPERSEDED')),
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN supersedes uuid REFERENCES royalty_statements(id),
      ADD COLUMN superseded_by uuid REFERENCES royalty_statements(id),
      ADD COLUMN unstated_earlier_minor bigint NOT NULL DEFAULT 0,
      ADD COLUMN previously_paid_minor bigint NOT NULL DEFAULT 0 CHECK (previously_paid_minor >= 0),
      ADD CONSTRAINT royalty_statements_version UNIQUE (studio_id, period_month, currency, version),
      ADD CONSTRAINT royalty_statements_superseded CHECK ((status = 'SUPERSEDED') = (superseded_by IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX royalty_statements_one_issued ON royalty_statements (studio_id, period_month, currency)
                   WHERE status = 'ISSUED'`);
    await q.query(`ALTER TABLE royalty_statement_lines
      ADD COLUMN unstated_earlier boolean NOT NULL DEFAULT false,
      ADD COLUMN restated boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT royalty_statement_lines_one_label CHECK (NOT (is_adjustment AND unstated_earlier))`);

    // An issued statement never changes, except that a newer version supersedes it: its status and successor move,
    // nothing else. Lines and license rows are frozen once their statement has left DRAFT.
    await q.query(`
      CREATE OR REPLACE FUNCTION royalty_statement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN RETURN NEW; END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = 'ISSUED' AND NEW.status = 'SUPERSEDED'
           AND (to_jsonb(NEW) - 'status' - 'superseded_by') = (to_jsonb(OLD) - 'status' - 'superseded_by') THEN
          RETURN NEW;
        END IF;
        IF OLD.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'statement % is issued and never changes', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION royalty_statement_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.statement_id ELSE OLD.statement_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM royalty_statements WHERE id = sid AND status <> 'DRAFT') THEN
          RAISE EXCEPTION 'statement % is issued and never changes', sid USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);

    // Relabel the lines of statements already issued: an adjustment only when its month had a statement issued
    // before this one. The freeze triggers are off for this one correction of labels.
    await q.query(`ALTER TABLE royalty_statement_lines DISABLE TRIGGER royalty_statement_lines_frozen`);
    await q.query(`ALTER TABLE royalty_statements DISABLE TRIGGER royalty_statements_frozen`);
    await q.query(`
      UPDATE royalty_statement_lines l
         SET is_adjustment = x.stated, unstated_earlier = NOT x.stated
        FROM (SELECT l2.statement_id, l2.line_no, EXISTS (
                SELECT 1 FROM royalty_statements prior
                 WHERE prior.studio_id = st.studio_id AND prior.currency = st.currency AND prior.status = 'ISSUED'
                   AND prior.issued_at < st.issued_at
                   AND prior.period_month = date_trunc('month', l2.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
              ) AS stated
                FROM royalty_statement_lines l2 JOIN royalty_statements st ON st.id = l2.statement_id
               WHERE l2.is_adjustment) x
       WHERE l.statement_id = x.statement_id AND l.line_no = x.line_no`);
    await q.query(`
      UPDATE royalty_statements st
         SET adjustments_minor = t.adjustments, unstated_earlier_minor = t.unstated
        FROM (SELECT statement_id,
                     coalesce(sum(royalty_minor) FILTER (WHERE is_adjustment), 0) AS adjustments,
                     coalesce(sum(royalty_minor) FILTER (WHERE unstated_earlier), 0) AS unstated
                FROM royalty_statement_lines GROUP BY statement_id) t
       WHERE t.statement_id = st.id`);
    await q.query(`ALTER TABLE royalty_statements ENABLE TRIGGER royalty_statements_frozen`);
    await q.query(`ALTER TABLE royalty_statement_lines ENABLE TRIGGER royalty_statement_lines_frozen`);

    await q.query(`CREATE UNIQUE INDEX licenses_one_held ON licenses (offer_id, merchant_id)
                   WHERE status IN ('ACTIVE', 'SUSPENDED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX licenses_one_held`);
    await q.query(`
      CREATE OR REPLACE FUNCTION royalty_statement_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.statement_id ELSE OLD.statement_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM royalty_statements WHERE id = sid AND status = 'ISSUED') THEN
          RAISE EXCEPTION 'statement % is issued and never changes', sid USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION royalty_statement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN RETURN NEW; END IF;
        IF OLD.status = 'ISSUED' THEN
          RAISE EXCEPTION 'statement % is issued and never changes', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE royalty_statement_lines DROP CONSTRAINT royalty_statement_lines_one_label,
      DROP COLUMN restated, DROP COLUMN unstated_earlier`);
    await q.query(`DROP INDEX royalty_statements_one_issued`);
    await q.query(`ALTER TABLE royalty_statements DROP CONSTRAINT royalty_statements_superseded,
      DROP CONSTRAINT royalty_statements_version, DROP COLUMN previously_paid_minor, DROP COLUMN unstated_earlier_minor,
      DROP COLUMN superseded_by, DROP COLUMN supersedes, DROP COLUMN version,
      DROP CONSTRAINT royalty_statements_status_check`);
    await q.query(`ALTER TABLE royalty_statements ADD CONSTRAINT royalty_statements_status_check CHECK (status IN ('DRAFT', 'ISSUED')),
      ADD CONSTRAINT royalty_statements_period UNIQUE (studio_id, period_month, currency)`);
  }
}
