import { Pool } from 'pg';
import { postGraphql } from '../api-process';
import { BENCH_LOGIN } from '../seed';

/** Calendar days (YYYY-MM-DD) of the previous month and of the last 365 days, counted in Asia/Shanghai. */
export function reportRanges(now = new Date()): {
  month: { from: string; to: string };
  year: { from: string; to: string };
} {
  const shanghai = new Date(now.getTime() + 8 * 3600 * 1000);
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  const firstOfThisMonth = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), 1));
  const firstOfLastMonth = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  const lastOfLastMonth = new Date(firstOfThisMonth.getTime() - 24 * 3600 * 1000);
  const yearAgo = new Date(shanghai.getTime() - 365 * 24 * 3600 * 1000);
  return {
    month: { from: day(firstOfLastMonth), to: day(lastOfLastMonth) },
    year: { from: day(yearAgo), to: day(shanghai) },
  };
}

/** The studio with the most paid lines: the report a big studio opens. */
export async function largestStudio(pool: Pool): Promise<{ id: string; lines: number }> {
  const { rows } = await pool.query<{ studio_id: string; lines: string }>(
    `SELECT studio_id, count(*) AS lines FROM sale_line_splits GROUP BY studio_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('no sales seeded');
  return { id: row.studio_id, lines: Number(row.lines) };
}

export async function logIn(graphqlUrl: string): Promise<string> {
  const { text } = await postGraphql(
    graphqlUrl,
    JSON.stringify({
      query: 'mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }',
      variables: { input: BENCH_LOGIN },
    }),
  );
  const token = (JSON.parse(text) as { data?: { logIn: { accessToken: string } } }).data?.logIn.accessToken;
  if (!token) throw new Error(`bench log-in failed: ${text.slice(0, 300)}`);
  return token;
}

export function royaltyBody(studioId: string, range: { from: string; to: string }): string {
  return JSON.stringify({
    query: `query Royalties($studioId: ID!, $from: Date!, $to: Date!) {
      royaltyReport(studioId: $studioId, from: $from, to: $to, currency: "CNY") {
        totals { gross { amountMinor } refunded { amountMinor } royalty { amountMinor } lineCount }
      }
    }`,
    variables: { studioId, ...range },
  });
}

export interface RoyaltyAnswer {
  gross: number;
  refunded: number;
  royalty: number;
  lines: number;
}

export function royaltyAnswerFromApi(text: string): RoyaltyAnswer | null {
  const body = JSON.parse(text) as {
    data?: {
      royaltyReport: {
        totals: {
          gross: { amountMinor: number };
          refunded: { amountMinor: number };
          royalty: { amountMinor: number };
          lineCount: number;
        };
      };
    };
    errors?: unknown[];
  };
  if (body.errors || !body.data) return null;
  const t = body.data.royaltyReport.totals;
  return {
    gross: t.gross.amountMinor,
    refunded: t.refunded.amountMinor,
    royalty: t.royalty.amountMinor,
    lines: t.lineCount,
  };
}

/**
 * The raw aggregate: lines paid in the range count their gross and royalty, refunds dated in the range count their
 * amount and take back their royalty reversal; a line counts once however many of its events fall in the range.
 */
export const ROYALTY_BASELINE_SQL = `
  WITH range AS (
    SELECT ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AS start_at, (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS end_at
  ), activity AS (
    SELECT s.order_line_id, s.gross_minor AS gross, 0::bigint AS refunded, s.royalty_minor AS royalty
      FROM sale_line_splits s, range
     WHERE s.studio_id = $1 AND s.currency = 'CNY' AND s.paid_at >= range.start_at AND s.paid_at < range.end_at
    UNION ALL
    SELECT r.order_line_id, 0, r.amount_minor, -r.royalty_reversal_minor
      FROM sale_line_refunds r, range
     WHERE r.studio_id = $1 AND r.currency = 'CNY' AND r.refunded_at >= range.start_at AND r.refunded_at < range.end_at
  )
  SELECT coalesce(sum(gross), 0)::float8 AS gross, coalesce(sum(refunded), 0)::float8 AS refunded,
         coalesce(sum(royalty), 0)::float8 AS royalty, count(DISTINCT order_line_id)::int AS lines
    FROM activity`;

export async function royaltyBaseline(
  pool: Pool,
  studioId: string,
  range: { from: string; to: string },
): Promise<RoyaltyAnswer | null> {
  const { rows } = await pool.query<RoyaltyAnswer>(ROYALTY_BASELINE_SQL, [studioId, range.from, range.to]);
  return rows[0] ?? null;
}

/** Streams the CSV export, sampling the API process's resident memory every 20 ms. */
export async function measureCsvExport(
  baseUrl: string,
  token: string,
  studioId: string,
  range: { from: string; to: string },
  rss: () => number | null,
): Promise<{ lines: number; seconds: number; rssBeforeBytes: number; peakRssBytes: number }> {
  const rssBefore = rss() ?? 0;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss() ?? 0);
  }, 20);
  const started = process.hrtime.bigint();
  try {
    const query = new URLSearchParams({ studioId, from: range.from, to: range.to, currency: 'CNY' });
    const response = await fetch(`${baseUrl}/reports/royalties.csv?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`CSV export answered ${response.status}: ${await response.text()}`);
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    return {
      lines: Math.max(0, lines - 1),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      rssBeforeBytes: rssBefore,
      peakRssBytes: Math.max(peak, rss() ?? 0),
    };
  } finally {
    clearInterval(sampler);
  }
}
