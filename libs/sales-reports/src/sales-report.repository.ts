import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { SalesReportStatus } from './sales-report-lifecycle';

/** One license-month's report, as stored. */
export interface SalesReportRecord {
  id: string;
  licenseId: string;
  merchantId: string;
  studioId: string;
  month: string;
  status: SalesReportStatus;
  noSales: boolean;
  currency: string;
  royaltyBps: number;
  grossMinor: number;
  royaltyMinor: number;
  revision: number;
  disputeReason: string | null;
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface SalesReportLineRecord {
  id: string;
  reportId: string;
  lineNo: number;
  productId: string;
  productName: string;
  productNameZh: string | null;
  channel: string;
  quantity: number;
  grossMinor: number;
  royaltyMinor: number;
}

/** A report's content as the merchant submits it (a first submission or a revision). */
export interface ReportContent {
  noSales: boolean;
  currency: string;
  royaltyBps: number;
  grossMinor: number;
  royaltyMinor: number;
  submittedBy: string;
  submittedAt: Date;
  lines: readonly Omit<SalesReportLineRecord, 'id' | 'reportId'>[];
}

type ReportRow = Omit<SalesReportRecord, 'grossMinor' | 'royaltyMinor'> & { grossMinor: string; royaltyMinor: string };
type LineRow = Omit<SalesReportLineRecord, 'grossMinor' | 'royaltyMinor'> & {
  grossMinor: string;
  royaltyMinor: string;
};

const REPORT_COLUMNS = `r.id, r.license_id AS "licenseId", r.merchant_id AS "merchantId", r.studio_id AS "studioId", r.month,
  r.status, r.no_sales AS "noSales", r.currency, r.royalty_bps AS "royaltyBps", r.gross_minor::text AS "grossMinor",
  r.royalty_minor::text AS "royaltyMinor", r.revision, r.dispute_reason AS "disputeReason", r.submitted_by AS "submittedBy",
  r.submitted_at AS "submittedAt", r.decided_by AS "decidedBy", r.decided_at AS "decidedAt"`;

function toReport(r: ReportRow): SalesReportRecord {
  return { ...r, grossMinor: readMinorUnits(r.grossMinor), royaltyMinor: readMinorUnits(r.royaltyMinor) };
}

/** The `sales_reports`, `sales_report_lines` and `sales_report_reminders` tables. */
@Injectable()
export class SalesReportRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): SalesReportRepository {
    return new SalesReportRepository(manager);
  }

  async findById(id: string): Promise<SalesReportRecord | null> {
    const rows: ReportRow[] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM sales_reports r WHERE r.id = $1`,
      [id],
    );
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** Locked for the rest of the transaction: decisions and revisions of one report take turns. */
  async lockById(id: string): Promise<SalesReportRecord | null> {
    const rows: ReportRow[] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM sales_reports r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toReport(rows[0]) : null;
  }

  async lockOfMonth(licenseId: string, month: string): Promise<SalesReportRecord | null> {
    const rows: ReportRow[] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM sales_reports r WHERE r.license_id = $1 AND r.month = $2 FOR UPDATE`,
      [licenseId, month],
    );
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** The month's first report; null when another transaction wrote it first (lock it and revise instead). */
  async insertIfAbsent(
    report: { licenseId: string; merchantId: string; studioId: string; month: string; status: SalesReportStatus },
    content: ReportContent,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO sales_reports (license_id, merchant_id, studio_id, month, status, no_sales, currency, royalty_bps,
         gross_minor, royalty_minor, revision, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12)
       ON CONFLICT ON CONSTRAINT sales_reports_license_month DO NOTHING RETURNING id`,
      [
        report.licenseId,
        report.merchantId,
        report.studioId,
        report.month,
        report.status,
        content.noSales,
        content.currency,
        content.royaltyBps,
        content.grossMinor,
        content.royaltyMinor,
        content.submittedBy,
        content.submittedAt,
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id) await this.insertLines(id, content.lines);
    return id;
  }

  /** Replaces the report's content and lines: a revision, while the studio has not accepted it. */
  async revise(id: string, status: SalesReportStatus, content: ReportContent): Promise<void> {
    await this.manager.query(
      `UPDATE sales_reports SET status = $2, no_sales = $3, currency = $4, royalty_bps = $5, gross_minor = $6,
         royalty_minor = $7, revision = revision + 1, dispute_reason = NULL, submitted_by = $8, submitted_at = $9,
         decided_by = NULL, decided_at = NULL
       WHERE id = $1`,
      [
        id,
        status,
        content.noSales,
        content.currency,
        content.royaltyBps,
        content.grossMinor,
        content.royaltyMinor,
        content.submittedBy,
        content.submittedAt,
      ],
    );
    await this.manager.query(`DELETE FROM sales_report_lines WHERE report_id = $1`, [id]);
    await this.insertLines(id, content.lines);
  }

  async decide(
    id: string,
    decision: { status: SalesReportStatus; reason: string | null; by: string; at: Date },
  ): Promise<void> {
    await this.manager.query(
      `UPDATE sales_reports SET status = $2, dispute_reason = $3, decided_by = $4, decided_at = $5 WHERE id = $1`,
      [id, decision.status, decision.reason, decision.by, decision.at],
    );
  }

  private async insertLines(reportId: string, lines: ReportContent['lines']): Promise<void> {
    if (lines.length === 0) return;
    await this.manager.query(
      `INSERT INTO sales_report_lines (report_id, line_no, product_id, product_name, product_name_zh, channel, quantity,
         gross_minor, royalty_minor)
       SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bigint[],
         $9::bigint[])`,
      [
        reportId,
        lines.map((l) => l.lineNo),
        lines.map((l) => l.productId),
        lines.map((l) => l.productName),
        lines.map((l) => l.productNameZh),
        lines.map((l) => l.channel),
        lines.map((l) => l.quantity),
        lines.map((l) => l.grossMinor),
        lines.map((l) => l.royaltyMinor),
      ],
    );
  }

  /** The lines of these reports, in report and line order. */
  async linesOf(reportIds: readonly string[]): Promise<SalesReportLineRecord[]> {
    if (reportIds.length === 0) return [];
    const rows: LineRow[] = await this.manager.query(
      `SELECT id, report_id AS "reportId", line_no AS "lineNo", product_id AS "productId", product_name AS "productName",
              product_name_zh AS "productNameZh", channel, quantity, gross_minor::text AS "grossMinor", royalty_minor::text AS "royaltyMinor"
         FROM sales_report_lines WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, line_no`,
      [reportIds],
    );
    return rows.map((r) => ({
      ...r,
      grossMinor: readMinorUnits(r.grossMinor),
      royaltyMinor: readMinorUnits(r.royaltyMinor),
    }));
  }

  /** A license's reports, newest month first. */
  async ofLicense(licenseId: string): Promise<SalesReportRecord[]> {
    const rows: ReportRow[] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM sales_reports r WHERE r.license_id = $1 ORDER BY r.month DESC`,
      [licenseId],
    );
    return rows.map(toReport);
  }

  /** A studio's reports (of one status when given), oldest month first: the queue it works through. */
  async ofStudio(studioId: string, status: SalesReportStatus | null, limit: number): Promise<SalesReportRecord[]> {
    const rows: ReportRow[] = await this.manager.query(
      `SELECT ${REPORT_COLUMNS} FROM sales_reports r WHERE r.studio_id = $1 AND ($2::text IS NULL OR r.status = $2)
        ORDER BY r.month, r.submitted_at, r.id LIMIT $3`,
      [studioId, status, limit],
    );
    return rows.map(toReport);
  }

  /** The months each license has a report for (any status). */
  async monthsReported(licenseIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const months = new Map<string, Set<string>>();
    if (licenseIds.length === 0) return months;
    const rows: { licenseId: string; month: string }[] = await this.manager.query(
      `SELECT license_id AS "licenseId", month FROM sales_reports WHERE license_id = ANY($1::uuid[])`,
      [licenseIds],
    );
    for (const r of rows) months.set(r.licenseId, (months.get(r.licenseId) ?? new Set()).add(r.month));
    return months;
  }

  /** True the first time for a license-month, false ever after: a reminder is sent once. */
  async markReminded(licenseId: string, month: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO sales_report_reminders (license_id, month, sent_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING license_id`,
      [licenseId, month, at],
    );
    return rows.length > 0;
  }
}
