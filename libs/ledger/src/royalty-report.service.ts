import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { ConnectionShape, decodeCursor, DomainError, Money, readMinorUnits, MoneyType, toConnection } from '@chedun/kernel';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvLineSql, streamCsv } from './csv';
import { LedgerPolicy } from './ledger.policy';
import { RoyaltyReportLine, RoyaltySeriesPoint, RoyaltyTotals } from './ledger.types';
import { RoyaltyLineRow, RoyaltyReportFilter, royaltyLinesSql, RoyaltySeriesDimension, royaltySeriesSql, royaltyTotalsSql } from './royalty-report.query';

/** Above this many lines the plain list refuses and points at the paginated lines or the CSV. */
export const ROYALTY_REPORT_LIST_LIMIT = 10_000;

export const ROYALTY_CSV_HEADER = [
  'order_line_id', 'order_id', 'paid_at', 'product_id', 'product_name', 'merchant_id', 'merchant_name', 'license_id',
  'film_ip_id', 'currency', 'gross_minor', 'refunded_minor', 'royalty_minor',
] as const;

/** The live royalty report: computed from the split and refund rows on every call. */
@Injectable()
export class RoyaltyReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  authorize(actor: Actor, filter: RoyaltyReportFilter): void {
    LedgerPolicy.readStudioRoyalties(actor, filter.studioId);
  }

  async totals(filter: RoyaltyReportFilter): Promise<RoyaltyTotals> {
    const { sql, params } = royaltyTotalsSql(filter);
    const [row] = (await this.dataSource.query(sql, params)) as { gross: string; refunded: string; royalty: string; line_count: number }[];
    const money = (v: string | undefined) => MoneyType.from(Money.of(readMinorUnits(v ?? '0'), filter.currency));
    return { gross: money(row?.gross), refunded: money(row?.refunded), royalty: money(row?.royalty), lineCount: row?.line_count ?? 0 };
  }

  async lines(filter: RoyaltyReportFilter): Promise<RoyaltyReportLine[]> {
    const { sql, params } = royaltyLinesSql(filter, { limit: ROYALTY_REPORT_LIST_LIMIT + 1 });
    const rows = (await this.dataSource.query(sql, params)) as RoyaltyLineRow[];
    if (rows.length > ROYALTY_REPORT_LIST_LIMIT) {
      throw DomainError.badInput(
        `More than ${ROYALTY_REPORT_LIST_LIMIT} lines: page through royaltyReportLines or download /reports/royalties.csv`,
      );
    }
    return rows.map(toLine);
  }

  async page(filter: RoyaltyReportFilter, first: number, after?: string | null): Promise<ConnectionShape<RoyaltyReportLine>> {
    let keyset: [string, string] | null = null;
    if (after) {
      const [paidAt, id] = decodeCursor(after, 2);
      if (typeof paidAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(paidAt))) {
        throw DomainError.badInput('The cursor is not one this API handed out', { after });
      }
      keyset = [paidAt, id];
    }
    const { sql, params } = royaltyLinesSql(filter, { after: keyset, limit: first + 1 });
    const [rows, totals] = await Promise.all([this.dataSource.query(sql, params) as Promise<RoyaltyLineRow[]>, this.totals(filter)]);
    return toConnection(rows.map(toLine), first, totals.lineCount, (l) => [l.paidAt.toISOString(), l.orderLineId]);
  }

  async series(filter: RoyaltyReportFilter, by: RoyaltySeriesDimension): Promise<RoyaltySeriesPoint[]> {
    const { sql, params } = royaltySeriesSql(filter, by);
    const rows = (await this.dataSource.query(sql, params)) as Record<string, string | null>[];
    const money = (v: string | null | undefined) => MoneyType.from(Money.of(readMinorUnits(v ?? '0'), filter.currency));
    return rows.map((r) => ({
      month: r['month']!,
      key: r['key'] ?? null,
      label: r['label'] ?? '',
      gross: money(r['gross']),
      refunded: money(r['refunded']),
      royalty: money(r['royalty']),
    }));
  }

  /** Every line as CSV, formatted by the database; a final row has the totals, read in the same snapshot. */
  async writeCsv(filter: RoyaltyReportFilter, out: Writable): Promise<number> {
    const lines = royaltyLinesSql(filter);
    const line = csvLineSql([
      { plain: 'l.order_line_id' }, { plain: 'l.order_id' }, { timestamp: 'l.paid_at' }, { plain: 'l.product_id' }, { text: 'l.product_name' },
      { plain: 'l.merchant_id' }, { text: 'l.merchant_name' }, { plain: 'l.license_id' }, { plain: 'l.film_ip_id' }, { plain: 'l.currency' },
      { plain: 'l.gross' }, { plain: 'l.refunded' }, { plain: 'l.royalty' },
    ]);
    const query = { sql: `SELECT ${line} FROM (${lines.sql}) l ORDER BY l.paid_at, l.order_line_id`, params: lines.params };
    return streamCsv(this.dataSource, out, query, ROYALTY_CSV_HEADER, async (read) => {
      const totals = royaltyTotalsSql(filter);
      const [row] = await read<{ gross: string; refunded: string; royalty: string }>(totals.sql, totals.params);
      return [['TOTAL', '', '', '', '', '', '', '', '', filter.currency, readMinorUnits(row?.gross ?? '0'), readMinorUnits(row?.refunded ?? '0'), readMinorUnits(row?.royalty ?? '0')]];
    });
  }
}

function toLine(r: RoyaltyLineRow): RoyaltyReportLine {
  const money = (v: string) => MoneyType.from(Money.of(readMinorUnits(v), r.currency));
  return {
    orderLineId: r.order_line_id,
    orderId: r.order_id,
    productId: r.product_id,
    productName: r.product_name,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    licenseId: r.license_id,
    filmIpId: r.film_ip_id,
    paidAt: new Date(r.paid_at),
    gross: money(r.gross),
    refunded: money(r.refunded),
    royalty: money(r.royalty),
  };
}
