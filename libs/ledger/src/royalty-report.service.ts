import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { ConnectionShape, decodeCursor, DomainError, Money, MoneyType, toConnection } from '@chedun/kernel';
import type { Writable } from 'node:stream';
import { CsvExportRepository } from './csv-export.repository';
import type { ReportLanguage } from './statement-pdf';
import { LedgerPolicy } from './ledger.policy';
import { RoyaltyReportLine, RoyaltySeriesPoint, RoyaltySource, RoyaltyTotals } from './ledger.types';
import {
  RoyaltyLine,
  RoyaltyReportFilter,
  RoyaltyReportRepository,
  RoyaltySeriesDimension,
} from './royalty-report.repository';

/** Above this many lines the plain list refuses and points at the paginated lines or the CSV. */
export const ROYALTY_REPORT_LIST_LIMIT = 10_000;

/** The live royalty report: computed from the split and refund rows on every call. */
@Injectable()
export class RoyaltyReportService {
  constructor(
    private readonly reports: RoyaltyReportRepository,
    private readonly csv: CsvExportRepository,
  ) {}

  authorize(actor: Actor, filter: RoyaltyReportFilter): void {
    LedgerPolicy.readStudioRoyalties(actor, filter.studioId);
  }

  async totals(filter: RoyaltyReportFilter): Promise<RoyaltyTotals> {
    const totals = await this.reports.totals(filter);
    const money = (v: number) => MoneyType.from(Money.of(v, filter.currency));
    return {
      gross: money(totals.grossMinor),
      refunded: money(totals.refundedMinor),
      royalty: money(totals.royaltyMinor),
      lineCount: totals.lineCount,
    };
  }

  async lines(filter: RoyaltyReportFilter): Promise<RoyaltyReportLine[]> {
    const rows = await this.reports.lines(filter, { limit: ROYALTY_REPORT_LIST_LIMIT + 1 });
    if (rows.length > ROYALTY_REPORT_LIST_LIMIT) {
      throw DomainError.badInput(
        `More than ${ROYALTY_REPORT_LIST_LIMIT} lines: page through royaltyReportLines or download /reports/royalties.csv`,
      );
    }
    return rows.map(toLine);
  }

  async page(
    filter: RoyaltyReportFilter,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<RoyaltyReportLine>> {
    let keyset: [string, string] | null = null;
    if (after) {
      const [paidAt, id] = decodeCursor(after, 2);
      if (typeof paidAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(paidAt))) {
        throw DomainError.badInput('The cursor is not one this API handed out', { after });
      }
      keyset = [paidAt, id];
    }
    const [rows, totals] = await Promise.all([
      this.reports.lines(filter, { after: keyset, limit: first + 1 }),
      this.totals(filter),
    ]);
    return toConnection(rows.map(toLine), first, totals.lineCount, (l) => [l.paidAt.toISOString(), l.orderLineId]);
  }

  async series(filter: RoyaltyReportFilter, by: RoyaltySeriesDimension): Promise<RoyaltySeriesPoint[]> {
    const rows = await this.reports.series(filter, by);
    const money = (v: number) => MoneyType.from(Money.of(v, filter.currency));
    return rows.map((r) => ({
      month: r.month,
      key: r.key,
      label: r.label,
      gross: money(r.grossMinor),
      refunded: money(r.refundedMinor),
      royalty: money(r.royaltyMinor),
    }));
  }

  /** Every line as CSV, formatted by the database; a final row has the totals, read in the same snapshot. */
  writeCsv(filter: RoyaltyReportFilter, out: Writable, lang: ReportLanguage = 'en'): Promise<number> {
    return this.csv.royaltyReport(filter, out, lang);
  }
}

function toLine(r: RoyaltyLine): RoyaltyReportLine {
  const money = (v: number) => MoneyType.from(Money.of(v, r.currency));
  return {
    orderLineId: r.orderLineId,
    orderId: r.orderId,
    source: RoyaltySource[r.source],
    productId: r.productId,
    productName: r.productName,
    productNameZh: r.productNameZh,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    licenseId: r.licenseId,
    filmIpId: r.filmIpId,
    paidAt: r.paidAt,
    gross: money(r.grossMinor),
    refunded: money(r.refundedMinor),
    royalty: money(r.royaltyMinor),
  };
}
