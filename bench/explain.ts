import { Client } from 'pg';
import { BASELINE_USER, PG_USER } from './postgres';

export interface SeqScanFinding {
  source: 'api' | 'baseline';
  query: string;
  table: string;
  rows: number;
}

export interface ExplainReport {
  /** Tables counted as large: at least this many rows (estimated). */
  largeTableRows: number;
  statements: number;
  explained: number;
  /** Statements EXPLAIN could not plan without their values (reported, not hidden). */
  unexplained: { source: 'api' | 'baseline'; query: string; error: string }[];
  seqScans: SeqScanFinding[];
}

interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScannedTables(node: PlanNode, into: string[]): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) into.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScannedTables(child, into);
  return into;
}

const SKIP = /^\s*(BEGIN|COMMIT|ROLLBACK|START|SET|SHOW|RESET|DEALLOCATE|DISCARD|SELECT\s+set_config|SELECT\s+pg_advisory|SELECT\s+version\(\))/i;
const CATALOG = /\b(pg_catalog|information_schema|pg_stat_statements|typeorm_metadata|migrations)\b|\bpg_[a-z_]+\(/i;

/**
 * Lists what the API (and the baseline) ran during the load scenarios from pg_stat_statements, then asks the
 * planner, with EXPLAIN (GENERIC_PLAN, FORMAT JSON) and no ANALYZE, how it would run each one, and reports every
 * sequential scan of a large table. A generic plan knows less than the custom plan node-postgres's unnamed
 * statements get, so a clean generic plan is the stricter of the two.
 */
export async function explainCapturedStatements(url: string, largeTableRows: number): Promise<ExplainReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const large = new Map(
      (
        await client.query<{ relname: string; reltuples: number }>(
          `SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`,
          [largeTableRows],
        )
      ).rows.map((r) => [r.relname, Math.round(r.reltuples)]),
    );
    const { rows } = await client.query<{ query: string; role: string }>(
      `SELECT s.query, r.rolname AS role
         FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND r.rolname IN ($1, $2) AND s.calls > 0
        ORDER BY s.total_exec_time DESC`,
      [PG_USER, BASELINE_USER],
    );
    const report: ExplainReport = { largeTableRows, statements: 0, explained: 0, unexplained: [], seqScans: [] };
    for (const { query, role } of rows) {
      if (SKIP.test(query) || CATALOG.test(query)) continue;
      const source = role === BASELINE_USER ? 'baseline' : 'api';
      report.statements += 1;
      try {
        const plan = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${query}`);
        report.explained += 1;
        const root = plan.rows[0]?.['QUERY PLAN'][0]?.Plan;
        for (const table of root ? seqScannedTables(root, []) : []) {
          const count = large.get(table);
          if (count !== undefined) report.seqScans.push({ source, query: query.replace(/\s+/g, ' ').slice(0, 300), table, rows: count });
        }
      } catch (error) {
        report.unexplained.push({ source, query: query.replace(/\s+/g, ' ').slice(0, 200), error: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  } finally {
    await client.end();
  }
}

export async function resetStatementStats(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_statements_reset()');
  } finally {
    await client.end();
  }
}
