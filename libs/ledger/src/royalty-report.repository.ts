import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { parseId, readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { shanghaiRange } from './shanghai-period';

export interface RoyaltyReportFilter {
  studioId: string;
  from: string;
  to: string;
  currency: string;
  filmIpId?: string | null;
  merchantId?: string | null;
  licenseId?: string | null;
}

/** One contributing order line of the report, its amounts net over the range. */
export interface RoyaltyLine {
  orderLineId: string;
  /** Null for a reported line: it was sold outside the marketplace, in no order. */
  orderId: string | null;
  source: RoyaltySourceValue;
  productId: string;
  productName: string;
  productNameZh: string | null;
  merchantId: string;
  merchantName: string;
  licenseId: string;
  filmIpId: string;
  paidAt: Date;
  currency: string;
  grossMinor: number;
  refundedMinor: number;
  royaltyMinor: number;
}

export interface RoyaltyAmounts {
  grossMinor: number;
  refundedMinor: number;
  royaltyMinor: number;
}

export interface RoyaltyReportTotals extends RoyaltyAmounts {
  lineCount: number;
}

/** One month of one series (`key` null for NONE; `label` the merchant's name for MERCHANT, else empty). */
export interface RoyaltySeriesRow extends RoyaltyAmounts {
  month: string;
  key: string | null;
  label: string;
}

/** As pg returns a line: sums of bigints as text, columns as the SQL (and the CSV built on it) names them. */
interface RoyaltyLineRow {
  order_line_id: string;
  order_id: string | null;
  source: RoyaltySourceValue;
  product_id: string;
  product_name: string;
  product_name_zh: string | null;
  merchant_id: string;
  merchant_name: string;
  license_id: string;
  film_ip_id: string;
  paid_at: Date;
  currency: string;
  gross: string;
  refunded: string;
  royalty: string;
}

/** As pg returns sums: text. */
export interface RoyaltyAmountsRow {
  gross: string | null;
  refunded: string | null;
  royalty: string | null;
}

interface RoyaltyTotalsRow extends RoyaltyAmountsRow {
  line_count: number;
}

interface RoyaltySeriesSqlRow extends RoyaltyAmountsRow {
  month: string;
  key: string | null;
  label: string | null;
}

/** Where a royalty line comes from: a sale on this marketplace, or an accepted sales report from a shop. */
export type RoyaltySourceValue = 'MARKETPLACE' | 'REPORTED';

/**
 * Every royalty line the ledger holds, whatever its source, with the columns the report shows. A derived table, not a
 * CTE, so the planner pushes each filter and join into both sides of the UNION ALL and keeps using their indexes.
 */
const ALL_ROYALTY_LINES = `(
  SELECT order_line_id, order_id, 'MARKETPLACE'::text AS source, product_id, product_name, product_name_zh, merchant_id,
         merchant_name, license_id, film_ip_id, paid_at, currency
    FROM sale_line_splits
  UNION ALL
  SELECT line_id, NULL::uuid, 'REPORTED', product_id, product_name, product_name_zh, merchant_id, merchant_name, license_id,
         film_ip_id, occurred_at, currency
    FROM reported_royalty_lines)`;

/**
 * The studio's activity in [from, to] (Asia/Shanghai days): each line paid in the range counts its gross and
 * royalty; each refund dated in the range counts its amount and takes back its royalty reversal. So a line's
 * royalty is net of refund reversals and the reports of adjacent ranges add up to the report of both.
 */
function royaltyActivity(filter: RoyaltyReportFilter): { sql: string; params: unknown[] } {
  const { start, end } = shanghaiRange(filter.from, filter.to);
  const params: unknown[] = [parseId(filter.studioId, 'studioId'), filter.currency, start, end];
  const extra: string[] = [];
  for (const [column, value] of [
    ['film_ip_id', filter.filmIpId],
    ['merchant_id', filter.merchantId],
    ['license_id', filter.licenseId],
  ] as const) {
    if (value) {
      params.push(parseId(value, column));
      extra.push(`AND s.${column} = $${params.length}`);
    }
  }
  const and = extra.join(' ');
  const reportedAnd = and.replaceAll('AND s.', 'AND p.');
  const sql = `
    SELECT s.order_line_id, s.paid_at AS occurred_at, s.gross_minor AS gross, 0::bigint AS refunded, s.royalty_minor AS royalty
      FROM sale_line_splits s
     WHERE s.studio_id = $1 AND s.currency = $2 AND s.paid_at >= $3 AND s.paid_at < $4 ${and}
    UNION ALL
    SELECT r.order_line_id, r.refunded_at, 0::bigint, r.amount_minor, -r.royalty_reversal_minor
      FROM sale_line_refunds r JOIN sale_line_splits s ON s.order_line_id = r.order_line_id
     WHERE r.studio_id = $1 AND r.currency = $2 AND r.refunded_at >= $3 AND r.refunded_at < $4 ${and}
    UNION ALL
    SELECT p.line_id, p.occurred_at, p.gross_minor, 0::bigint, p.royalty_minor
      FROM reported_royalty_lines p
     WHERE p.studio_id = $1 AND p.currency = $2 AND p.occurred_at >= $3 AND p.occurred_at < $4 ${reportedAnd}`;
  return { sql, params };
}

/** One row per contributing line (an order line, or a line of an accepted sales report), ordered by (paid_at, order_line_id); `after` continues a keyset. */
export function royaltyLinesSql(
  filter: RoyaltyReportFilter,
  page?: { after?: [string, string] | null; limit?: number },
): { sql: string; params: unknown[] } {
  const { sql: activity, params } = royaltyActivity(filter);
  let keyset = '';
  if (page?.after) {
    params.push(page.after[0], page.after[1]);
    keyset = `WHERE (s.paid_at, s.order_line_id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  let limit = '';
  if (page?.limit !== undefined) {
    params.push(page.limit);
    limit = `LIMIT $${params.length}`;
  }
  const sql = `
    WITH activity AS (${activity})
    SELECT s.order_line_id, s.order_id, s.source, s.product_id, s.product_name, s.product_name_zh, s.merchant_id,
           s.merchant_name, s.license_id, s.film_ip_id, s.paid_at, s.currency,
           sum(a.gross)::text AS gross, sum(a.refunded)::text AS refunded, sum(a.royalty)::text AS royalty
      FROM activity a JOIN ${ALL_ROYALTY_LINES} s ON s.order_line_id = a.order_line_id
      ${keyset}
     GROUP BY s.order_line_id, s.order_id, s.source, s.product_id, s.product_name, s.product_name_zh, s.merchant_id,
              s.merchant_name, s.license_id, s.film_ip_id, s.paid_at, s.currency
     ORDER BY s.paid_at, s.order_line_id
     ${limit}`;
  return { sql, params };
}

export function royaltyTotalsSql(filter: RoyaltyReportFilter): { sql: string; params: unknown[] } {
  const { sql: activity, params } = royaltyActivity(filter);
  return {
    sql: `WITH activity AS (${activity})
          SELECT coalesce(sum(gross), 0)::text AS gross, coalesce(sum(refunded), 0)::text AS refunded,
                 coalesce(sum(royalty), 0)::text AS royalty, count(DISTINCT order_line_id)::int AS line_count
            FROM activity`,
    params,
  };
}

export type RoyaltySeriesDimension = 'NONE' | 'FILM_IP' | 'MERCHANT' | 'LICENSE';

const DIMENSION_COLUMNS: Record<RoyaltySeriesDimension, { key: string; label: string }> = {
  NONE: { key: 'NULL::uuid', label: "''" },
  FILM_IP: { key: 's.film_ip_id', label: "''" },
  MERCHANT: { key: 's.merchant_id', label: 'min(s.merchant_name)' },
  LICENSE: { key: 's.license_id', label: "''" },
};

/** Monthly (Asia/Shanghai) totals of the same activity, optionally one series per IP, merchant or license. */
function royaltySeriesSql(filter: RoyaltyReportFilter, by: RoyaltySeriesDimension): { sql: string; params: unknown[] } {
  const { sql: activity, params } = royaltyActivity(filter);
  const dim = DIMENSION_COLUMNS[by];
  return {
    sql: `WITH activity AS (${activity})
          SELECT to_char(a.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, ${dim.key} AS key, ${dim.label} AS label,
                 sum(a.gross)::text AS gross, sum(a.refunded)::text AS refunded, sum(a.royalty)::text AS royalty
            FROM activity a JOIN ${ALL_ROYALTY_LINES} s ON s.order_line_id = a.order_line_id
           GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  };
}

export function readRoyaltyAmounts(row: RoyaltyAmountsRow | undefined): RoyaltyAmounts {
  return {
    grossMinor: readMinorUnits(row?.gross ?? '0'),
    refundedMinor: readMinorUnits(row?.refunded ?? '0'),
    royaltyMinor: readMinorUnits(row?.royalty ?? '0'),
  };
}

/** The live royalty report's reads: computed from the split and refund rows on every call. */
@Injectable()
export class RoyaltyReportRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RoyaltyReportRepository {
    return new RoyaltyReportRepository(manager);
  }

  async totals(filter: RoyaltyReportFilter): Promise<RoyaltyReportTotals> {
    const { sql, params } = royaltyTotalsSql(filter);
    const rows: RoyaltyTotalsRow[] = await this.manager.query(sql, params);
    const row = rows[0];
    return { ...readRoyaltyAmounts(row), lineCount: row?.line_count ?? 0 };
  }

  /** The lines in (paid_at, order_line_id) order; `after` continues a keyset. */
  async lines(
    filter: RoyaltyReportFilter,
    page?: { after?: [string, string] | null; limit?: number },
  ): Promise<RoyaltyLine[]> {
    const { sql, params } = royaltyLinesSql(filter, page);
    const rows: RoyaltyLineRow[] = await this.manager.query(sql, params);
    return rows.map((r) => ({
      orderLineId: r.order_line_id,
      orderId: r.order_id,
      source: r.source,
      productId: r.product_id,
      productName: r.product_name,
      productNameZh: r.product_name_zh,
      merchantId: r.merchant_id,
      merchantName: r.merchant_name,
      licenseId: r.license_id,
      filmIpId: r.film_ip_id,
      paidAt: new Date(r.paid_at),
      currency: r.currency,
      ...readRoyaltyAmounts(r),
    }));
  }

  async series(filter: RoyaltyReportFilter, by: RoyaltySeriesDimension): Promise<RoyaltySeriesRow[]> {
    const { sql, params } = royaltySeriesSql(filter, by);
    const rows: RoyaltySeriesSqlRow[] = await this.manager.query(sql, params);
    return rows.map((r) => ({ month: r.month, key: r.key ?? null, label: r.label ?? '', ...readRoyaltyAmounts(r) }));
  }
}
