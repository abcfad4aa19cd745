import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CopyTextToCrlfLines, csvLineSql, csvRow, CsvValue, inlineParams } from './csv';
import {
  readRoyaltyAmounts,
  RoyaltyAmountsRow,
  RoyaltyReportFilter,
  royaltyLinesSql,
  royaltyTotalsSql,
} from './royalty-report.repository';
import { RoyaltyStatementEntity } from './royalty-statement.entity';
import type { ReportLanguage } from './statement-pdf';

export const ROYALTY_CSV_HEADER = [
  'order_line_id',
  'order_id',
  'paid_at',
  'product_id',
  'product_name',
  'merchant_id',
  'merchant_name',
  'license_id',
  'film_ip_id',
  'currency',
  'gross_minor',
  'refunded_minor',
  'royalty_minor',
  // Added for people reading the file (#17); the columns above keep their places for existing imports.
  'gross_yuan',
  'refunded_yuan',
  'royalty_yuan',
  // MARKETPLACE or REPORTED (a merchant's sales report, whose lines have no order_id), added last for the same reason.
  'source',
] as const;

export const STATEMENT_CSV_HEADER = [
  'line_no',
  'kind',
  'source_id',
  'order_line_id',
  'occurred_at',
  'is_adjustment',
  'product_name',
  'merchant_name',
  'license_id',
  'film_ip_id',
  'currency',
  'gross_minor',
  'refunded_minor',
  'royalty_minor',
  // Added for people reading the file (#17); the columns above keep their places for existing imports.
  'merchant_id',
  'unstated_earlier',
  'gross_yuan',
  'refunded_yuan',
  'royalty_yuan',
] as const;

/**
 * The CSV downloads of the ledger's reports, each one COPY formatted by the database and streamed to `out` (see
 * `streamCsv`), never held in memory.
 */
@Injectable()
export class CsvExportRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Every line of the royalty report; a final row has the totals, read in the same snapshot. Returns the line count. */
  royaltyReport(filter: RoyaltyReportFilter, out: Writable, lang: ReportLanguage = 'en'): Promise<number> {
    const lines = royaltyLinesSql(filter);
    const line = csvLineSql([
      { plain: 'l.order_line_id' },
      { plain: 'l.order_id' },
      { timestamp: 'l.paid_at' },
      { plain: 'l.product_id' },
      // The interface's language picks the name; a product without a Chinese name keeps its English one.
      { text: lang === 'zh' ? 'coalesce(l.product_name_zh, l.product_name)' : 'l.product_name' },
      { plain: 'l.merchant_id' },
      { text: 'l.merchant_name' },
      { plain: 'l.license_id' },
      { plain: 'l.film_ip_id' },
      { plain: 'l.currency' },
      { plain: 'l.gross' },
      { plain: 'l.refunded' },
      { plain: 'l.royalty' },
      { major: 'l.gross' },
      { major: 'l.refunded' },
      { major: 'l.royalty' },
      { plain: 'l.source' },
    ]);
    const query = {
      sql: `SELECT ${line} FROM (${lines.sql}) l ORDER BY l.paid_at, l.order_line_id`,
      params: lines.params,
    };
    return streamCsv(this.manager.connection, out, query, ROYALTY_CSV_HEADER, async (read) => {
      const totals = royaltyTotalsSql(filter);
      const [row] = await read<RoyaltyAmountsRow>(totals.sql, totals.params);
      const amounts = readRoyaltyAmounts(row);
      return [
        [
          'TOTAL',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          filter.currency,
          amounts.grossMinor,
          amounts.refundedMinor,
          amounts.royaltyMinor,
          { major: amounts.grossMinor },
          { major: amounts.refundedMinor },
          { major: amounts.royaltyMinor },
          '',
        ],
      ];
    });
  }

  /** The issued statement's frozen lines, then its totals and what is due, from the statement itself. */
  async statement(statement: RoyaltyStatementEntity, out: Writable, lang: ReportLanguage = 'en'): Promise<void> {
    const line = csvLineSql([
      { plain: 'line_no' },
      { plain: 'kind' },
      { plain: 'source_id' },
      { plain: 'order_line_id' },
      { timestamp: 'occurred_at' },
      { plain: 'is_adjustment' },
      { text: lang === 'zh' ? 'coalesce(product_name_zh, product_name)' : 'product_name' },
      { text: 'merchant_name' },
      { plain: 'license_id' },
      { plain: 'film_ip_id' },
      { plain: '$2::text' },
      { plain: 'gross_minor' },
      { plain: 'refunded_minor' },
      { plain: 'royalty_minor' },
      { plain: 'merchant_id' },
      { plain: 'unstated_earlier' },
      { major: 'gross_minor' },
      { major: 'refunded_minor' },
      { major: 'royalty_minor' },
    ]);
    const amount = (kind: string, value: number) => [
      kind,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      statement.currency,
      '',
      '',
      value,
      '',
      '',
      '',
      '',
      { major: value },
    ];
    await streamCsv(
      this.manager.connection,
      out,
      {
        sql: `SELECT ${line} FROM royalty_statement_lines WHERE statement_id = $1 ORDER BY line_no`,
        params: [statement.id, statement.currency],
      },
      STATEMENT_CSV_HEADER,
      async () => [
        [
          'TOTAL',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          statement.currency,
          statement.grossMinor,
          statement.refundedMinor,
          statement.royaltyMinor,
          '',
          '',
          { major: statement.grossMinor },
          { major: statement.refundedMinor },
          { major: statement.royaltyMinor },
        ],
        amount('PERIOD_ROYALTY', statement.royaltyMinor - statement.adjustmentsMinor - statement.unstatedEarlierMinor),
        amount('UNSTATED_EARLIER', statement.unstatedEarlierMinor),
        amount('ADJUSTMENTS', statement.adjustmentsMinor),
        amount('ADVANCE_RECOUPED', -statement.advanceRecoupedMinor),
        amount('GUARANTEE_SHORTFALL', statement.guaranteeShortfallMinor),
        amount('PREVIOUSLY_PAID', -statement.previouslyPaidMinor),
        amount('AMOUNT_DUE', statement.amountDueMinor),
      ],
    );
  }
}

/** Reads within the export's snapshot, for the rows after the lines (totals). */
export type SnapshotQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * Streams a query's rows as CSV: PostgreSQL formats every line (`csvLineSql` as the query's only column) and sends
 * them with `COPY ... TO STDOUT`, and the API passes the bytes on with backpressure, turning COPY's text format into
 * CRLF lines. No row becomes a JavaScript object or string, so the API's memory does not grow with the export.
 * Then `trailer` adds rows read in the same snapshot (totals). REPEATABLE READ, read-only: the file is one
 * consistent snapshot. A client that goes away cuts the COPY short, and its connection is closed, not reused.
 */
export async function streamCsv(
  dataSource: DataSource,
  out: Writable,
  query: { sql: string; params: unknown[] },
  header: readonly string[],
  trailer: (read: SnapshotQuery) => Promise<readonly (readonly CsvValue[])[]> = async () => [],
): Promise<number> {
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainSlaveConnection()) as [
    PoolClient,
    (error?: unknown) => void,
  ];
  let broken: unknown;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (!out.write(`\uFEFF${csvRow(header)}`)) await drainedOrClosed(out);
    const copy = client.query(copyTo(`COPY (${inlineParams(query.sql, query.params)}) TO STDOUT`));
    await pipeline(copy, new CopyTextToCrlfLines(), out, { end: false });
    const rows = await trailer(
      async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[],
    );
    if (!out.destroyed) out.write(rows.map(csvRow).join(''));
    await client.query('COMMIT');
    return copy.rowCount;
  } catch (error) {
    broken = error;
    // The server may still be busy before its first row (sorting a million lines, say) and would only notice the
    // closed connection when it next writes: cancel the statement so it stops now.
    await dataSource
      .query('SELECT pg_cancel_backend($1)', [(client as PoolClient & { processID: number }).processID])
      .catch(() => undefined);
    throw error;
  } finally {
    // A COPY cut short leaves the connection mid-protocol: hand it back broken so the pool closes it.
    release(broken);
  }
}

function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
