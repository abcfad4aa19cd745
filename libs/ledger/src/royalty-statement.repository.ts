import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { LicenseStanding } from './license-settlement';
import { RoyaltyStatementLineEntity } from './royalty-statement-line.entity';
import { RoyaltyStatementEntity, RoyaltyStatementStatus } from './royalty-statement.entity';
import { StatementPdfLine } from './statement-pdf';

/** A statement as first written: a DRAFT of one studio, month and currency. */
export interface NewStatementDraft {
  studioId: string;
  studioName: string;
  periodMonth: string;
  periodStart: Date;
  periodEnd: Date;
  currency: string;
  version: number;
  supersedes: string | null;
}

/** Which rows a statement takes: the studio's, in its currency, dated before the month's end and in no statement yet. */
export interface StatementScope {
  statementId: string;
  studioId: string;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
}

/** A license the statement settles (it has lines in it, or its guarantee has come due), with where it stands. */
export interface LicenseToSettle {
  licenseId: string;
  merchantId: string;
  standing: LicenseStanding;
}

/** What a statement settled of one license. */
export interface StatementLicense {
  licenseId: string;
  royaltyMinor: number;
  advanceRecoupedMinor: number;
  guaranteeShortfallMinor: number;
}

export interface StatementIssue {
  status: RoyaltyStatementStatus;
  issuedAt: Date;
  issuedBy: string;
  advanceRecoupedMinor: number;
  guaranteeShortfallMinor: number;
  previouslyPaidMinor: number;
}

interface IdRow {
  id: string;
}

/** As pg returns the amounts: bigint as text. */
interface LicenseToSettleRow {
  licenseId: string;
  merchantId: string;
  advance: string;
  recouped: string;
  guarantee: string;
  guaranteeDue: boolean;
  royaltyNow: string;
  royaltyLifetime: string;
}

type PdfLineRow = Omit<StatementPdfLine, 'grossMinor' | 'refundedMinor' | 'royaltyMinor'> & {
  gross: string;
  refunded: string;
  royalty: string;
};

/**
 * The `royalty_statements`, `royalty_statement_lines` and `royalty_statement_licenses` tables, and the stamp that
 * puts a split or refund row into a statement.
 */
@Injectable()
export class RoyaltyStatementRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RoyaltyStatementRepository {
    return new RoyaltyStatementRepository(manager);
  }

  /** One issuer per studio and currency until the transaction ends: the second waits, then finds the month taken. */
  async lockIssuer(studioId: string, currency: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `royalty-statement:${studioId}:${currency}`,
    ]);
  }

  /** The month's live (issued) statement: its latest version. */
  findOfMonth(studioId: string, periodMonth: string, currency: string): Promise<RoyaltyStatementEntity | null> {
    return this.manager.findOneBy(RoyaltyStatementEntity, {
      studioId,
      periodMonth,
      currency,
      status: RoyaltyStatementStatus.ISSUED,
    });
  }

  findById(id: string): Promise<RoyaltyStatementEntity | null> {
    return this.manager.findOneBy(RoyaltyStatementEntity, { id });
  }

  /** The studio's issued statements and the versions they superseded, newest month and version first. */
  issuedOfStudio(studioId: string): Promise<RoyaltyStatementEntity[]> {
    return this.manager.find(RoyaltyStatementEntity, {
      where: [
        { studioId, status: RoyaltyStatementStatus.ISSUED },
        { studioId, status: RoyaltyStatementStatus.SUPERSEDED },
      ],
      order: { periodMonth: 'DESC', currency: 'ASC', version: 'DESC' },
    });
  }

  async insertDraft(draft: NewStatementDraft): Promise<string> {
    const rows: IdRow[] = await this.manager.query(
      `INSERT INTO royalty_statements (studio_id, studio_name, period_month, period_start, period_end, currency, status,
         version, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        draft.studioId,
        draft.studioName,
        draft.periodMonth,
        draft.periodStart,
        draft.periodEnd,
        draft.currency,
        RoyaltyStatementStatus.DRAFT,
        draft.version,
        draft.supersedes,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    return row.id;
  }

  /**
   * Stamps the scope's split, refund and reported rows with the statement and copies them into its lines, numbered by
   * date (a sale before its refunds), after the lines of the version it restates, if any. A row dated before the
   * period is an adjustment when its month already has an issued statement, and otherwise an earlier month stated
   * here for the first time.
   */
  async takeRows(scope: StatementScope, restates: string | null = null): Promise<void> {
    const stamp = [scope.statementId, scope.studioId, scope.currency, scope.periodEnd];
    await this.manager.query(
      `UPDATE sale_line_splits SET statement_id = $1
        WHERE studio_id = $2 AND currency = $3 AND paid_at < $4 AND statement_id IS NULL`,
      stamp,
    );
    await this.manager.query(
      `UPDATE sale_line_refunds SET statement_id = $1
        WHERE studio_id = $2 AND currency = $3 AND refunded_at < $4 AND statement_id IS NULL`,
      stamp,
    );
    await this.manager.query(
      `UPDATE reported_royalty_lines SET statement_id = $1
        WHERE studio_id = $2 AND currency = $3 AND occurred_at < $4 AND statement_id IS NULL`,
      stamp,
    );
    await this.manager.query(
      `INSERT INTO royalty_statement_lines (statement_id, line_no, kind, source_id, order_line_id, product_name, product_name_zh, merchant_id,
         merchant_name, license_id, film_ip_id, occurred_at, is_adjustment, unstated_earlier, restated, gross_minor,
         refunded_minor, royalty_minor)
       SELECT $1, row_number() OVER (ORDER BY occurred_at, kind DESC, source_id), kind, source_id, order_line_id, product_name,
              product_name_zh, merchant_id, merchant_name, license_id, film_ip_id, occurred_at,
              CASE WHEN restated THEN was_adjustment ELSE occurred_at < $2 AND month_stated END,
              CASE WHEN restated THEN was_unstated ELSE occurred_at < $2 AND NOT month_stated END,
              restated, gross, refunded, royalty
         FROM (
           SELECT rows.*, EXISTS (
                    SELECT 1 FROM royalty_statements st
                     WHERE st.studio_id = $3 AND st.currency = $4 AND st.status = 'ISSUED'
                       AND st.period_month = date_trunc('month', rows.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
                  ) AS month_stated
             FROM (
               SELECT 'SALE' AS kind, s.order_line_id AS source_id, s.order_line_id, s.product_name, s.product_name_zh, s.merchant_id,
                      s.merchant_name, s.license_id, s.film_ip_id, s.paid_at AS occurred_at, s.gross_minor AS gross,
                      0::bigint AS refunded, s.royalty_minor AS royalty, false AS restated, false AS was_adjustment,
                      false AS was_unstated
                 FROM sale_line_splits s WHERE s.statement_id = $1
               UNION ALL
               SELECT 'REFUND', r.refund_id, r.order_line_id, s.product_name, s.product_name_zh, s.merchant_id, s.merchant_name, s.license_id,
                      s.film_ip_id, r.refunded_at, 0::bigint, r.amount_minor, -r.royalty_reversal_minor, false, false, false
                 FROM sale_line_refunds r JOIN sale_line_splits s ON s.order_line_id = r.order_line_id WHERE r.statement_id = $1
               UNION ALL
               SELECT 'REPORTED', p.line_id, p.line_id, p.product_name, p.product_name_zh, p.merchant_id, p.merchant_name,
                      p.license_id, p.film_ip_id, p.occurred_at, p.gross_minor, 0::bigint, p.royalty_minor, false, false,
                      false
                 FROM reported_royalty_lines p WHERE p.statement_id = $1
               UNION ALL
               SELECT l.kind, l.source_id, l.order_line_id, l.product_name, l.product_name_zh, l.merchant_id, l.merchant_name, l.license_id,
                      l.film_ip_id, l.occurred_at, l.gross_minor, l.refunded_minor, l.royalty_minor, true, l.is_adjustment,
                      l.unstated_earlier
                 FROM royalty_statement_lines l WHERE l.statement_id = $5
             ) rows
         ) labelled`,
      [scope.statementId, scope.periodStart, scope.studioId, scope.currency, restates],
    );
  }

  /** Marks an issued statement as superseded by its newer version (the one change the freeze trigger allows). */
  async supersede(id: string, by: string, status: RoyaltyStatementStatus): Promise<void> {
    await this.manager.query(`UPDATE royalty_statements SET status = $3, superseded_by = $2 WHERE id = $1`, [
      id,
      by,
      status,
    ]);
  }

  /** What payouts transferred (or are transferring) for this statement: PAID and IN_TRANSIT, never FAILED. */
  async payoutsOf(statementId: string): Promise<{ paidMinor: number; inTransit: boolean }> {
    const rows: { paid: string; in_transit: boolean }[] = await this.manager.query(
      `SELECT coalesce(sum(amount_minor) FILTER (WHERE status = 'PAID'), 0)::text AS paid,
              bool_or(status = 'IN_TRANSIT') IS TRUE AS in_transit
         FROM payouts WHERE statement_id = $1`,
      [statementId],
    );
    return { paidMinor: readMinorUnits(rows[0]?.paid ?? '0'), inTransit: rows[0]?.in_transit === true };
  }

  /**
   * The studio's licenses in the currency with lines in the statement or a guarantee due (term ended before
   * `nextMonth`, not yet charged), license order, their terms locked for the rest of the transaction.
   */
  async licensesToSettle(
    statementId: string,
    studioId: string,
    currency: string,
    nextMonth: string,
  ): Promise<LicenseToSettle[]> {
    const rows: LicenseToSettleRow[] = await this.manager.query(
      `SELECT lt.license_id AS "licenseId", lt.merchant_id AS "merchantId", lt.advance_minor::text AS advance,
              lt.advance_recouped_minor::text AS recouped, lt.minimum_guarantee_minor::text AS guarantee,
              (lt.ends_on < $4::date AND lt.guarantee_settled_by IS NULL) AS "guaranteeDue",
              (SELECT coalesce(sum(l.royalty_minor), 0) FROM royalty_statement_lines l
                WHERE l.statement_id = $1 AND l.license_id = lt.license_id AND NOT l.restated)::text AS "royaltyNow",
              (SELECT coalesce(sum(l.royalty_minor), 0) FROM royalty_statement_lines l JOIN royalty_statements s ON s.id = l.statement_id
                WHERE l.license_id = lt.license_id AND (s.status = 'ISSUED' OR s.id = $1))::text AS "royaltyLifetime"
         FROM license_terms lt
        WHERE lt.studio_id = $2 AND lt.currency = $3
          AND (EXISTS (SELECT 1 FROM royalty_statement_lines l
                        WHERE l.statement_id = $1 AND l.license_id = lt.license_id AND NOT l.restated)
               OR (lt.ends_on < $4::date AND lt.guarantee_settled_by IS NULL))
        ORDER BY lt.license_id
        FOR UPDATE OF lt`,
      [statementId, studioId, currency, nextMonth],
    );
    return rows.map((r) => ({
      licenseId: r.licenseId,
      merchantId: r.merchantId,
      standing: {
        advance: readMinorUnits(r.advance),
        advanceRecoupedSoFar: readMinorUnits(r.recouped),
        minimumGuarantee: readMinorUnits(r.guarantee),
        royaltyThisStatement: readMinorUnits(r.royaltyNow),
        royaltyLifetime: readMinorUnits(r.royaltyLifetime),
        guaranteeDue: r.guaranteeDue === true,
      },
    }));
  }

  async recordLicense(statementId: string, license: StatementLicense): Promise<void> {
    await this.manager.query(
      `INSERT INTO royalty_statement_licenses (statement_id, license_id, royalty_minor, advance_recouped_minor, guarantee_shortfall_minor)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        statementId,
        license.licenseId,
        license.royaltyMinor,
        license.advanceRecoupedMinor,
        license.guaranteeShortfallMinor,
      ],
    );
  }

  /** Totals the statement's lines into it and issues it, in one statement; returns it as issued. */
  async issue(id: string, issue: StatementIssue): Promise<RoyaltyStatementEntity> {
    await this.manager.query(
      `UPDATE royalty_statements st SET
         status = $6, issued_at = $2, issued_by = $3,
         line_count = t.line_count, gross_minor = t.gross, refunded_minor = t.refunded, royalty_minor = t.royalty,
         adjustments_minor = t.adjustments, unstated_earlier_minor = t.unstated, advance_recouped_minor = $4::bigint,
         guarantee_shortfall_minor = $5::bigint, previously_paid_minor = $7::bigint,
         amount_due_minor = t.royalty - $4::bigint + $5::bigint - $7::bigint
        FROM (SELECT count(*) AS line_count, coalesce(sum(gross_minor), 0) AS gross, coalesce(sum(refunded_minor), 0) AS refunded,
                     coalesce(sum(royalty_minor), 0) AS royalty,
                     coalesce(sum(royalty_minor) FILTER (WHERE is_adjustment), 0) AS adjustments,
                     coalesce(sum(royalty_minor) FILTER (WHERE unstated_earlier), 0) AS unstated
                FROM royalty_statement_lines WHERE statement_id = $1) t
       WHERE st.id = $1`,
      [
        id,
        issue.issuedAt,
        issue.issuedBy,
        issue.advanceRecoupedMinor,
        issue.guaranteeShortfallMinor,
        issue.status,
        issue.previouslyPaidMinor,
      ],
    );
    return this.manager.findOneByOrFail(RoyaltyStatementEntity, { id });
  }

  /** Up to `limit` lines after line `afterLineNo`, in line order. */
  linesAfter(statementId: string, afterLineNo: number, limit: number): Promise<RoyaltyStatementLineEntity[]> {
    return this.manager
      .getRepository(RoyaltyStatementLineEntity)
      .createQueryBuilder('l')
      .where('l.statement_id = :id AND l.line_no > :from', { id: statementId, from: afterLineNo })
      .orderBy('l.line_no', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** What the PDF prints of up to `limit` lines after line `afterLineNo`, in line order. */
  async pdfLinesAfter(statementId: string, afterLineNo: number, limit: number): Promise<StatementPdfLine[]> {
    const rows: PdfLineRow[] = await this.manager.query(
      `SELECT line_no AS "lineNo", kind, occurred_at AS "occurredAt", is_adjustment AS "isAdjustment",
              unstated_earlier AS "unstatedEarlier", product_name AS "productName",
              product_name_zh AS "productNameZh", merchant_name AS "merchantName", gross_minor::text AS gross, refunded_minor::text AS refunded, royalty_minor::text AS royalty
         FROM royalty_statement_lines WHERE statement_id = $1 AND line_no > $2 ORDER BY line_no LIMIT ${limit}`,
      [statementId, afterLineNo],
    );
    return rows.map(({ gross, refunded, royalty, ...line }) => ({
      ...line,
      lineNo: Number(line.lineNo),
      grossMinor: readMinorUnits(gross),
      refundedMinor: readMinorUnits(refunded),
      royaltyMinor: readMinorUnits(royalty),
    }));
  }
}
