import { Client } from 'pg';
import { BASELINE_USER, BenchPostgres } from './postgres';

export interface SeqScanFinding {
  source: 'api' | 'baseline';
  query: string;
  table: string;
  rows: number;
}

export interface ExplainReport {
  /** Tables counted as large: at least this many rows (estimated by the planner's statistics). */
  largeTableRows: number;
  /** Plans logged while the sample ran, and how many distinct statements they covered per side. */
  plans: number;
  statements: { api: number; baseline: number };
  /** Log entries that could not be read back as JSON (reported, not hidden). */
  unreadable: number;
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

/** The JSON object starting at `from` (the first `{` at or after it), honouring strings; null when cut short. */
function jsonObjectAt(text: string, from: number): { value: string; end: number } | null {
  const start = text.indexOf('{', from);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return { value: text.slice(start, i + 1), end: i + 1 };
    }
  }
  return null;
}

export interface LoggedPlan {
  role: string;
  query: string;
  plan: PlanNode;
}

/** Reads auto_explain's JSON plans back from the server log (log_line_prefix `@role@ `). */
export function parseLoggedPlans(log: string): { plans: LoggedPlan[]; unreadable: number } {
  const plans: LoggedPlan[] = [];
  let unreadable = 0;
  const entry = /@(\w+)@ LOG:\s+duration: [\d.]+ ms\s+plan:/g;
  for (let match = entry.exec(log); match; match = entry.exec(log)) {
    const object = jsonObjectAt(log, match.index + match[0].length);
    if (!object) {
      unreadable += 1;
      continue;
    }
    try {
      const parsed = JSON.parse(object.value) as { 'Query Text': string; Plan: PlanNode };
      plans.push({ role: match[1] as string, query: parsed['Query Text'], plan: parsed.Plan });
    } catch {
      unreadable += 1;
    }
  }
  return { plans, unreadable };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Turns auto_explain on for every statement (ANALYZE off, FORMAT JSON: the plan each statement actually ran with,
 * its real values included), runs `sample` (a few requests of each scenario through the API and the baseline),
 * turns it off again and reports every sequential scan of a large table. The load runs happen before, with
 * auto_explain silent, so logging costs the measurements nothing.
 */
export async function explainSample(
  pg: BenchPostgres,
  largeTableRows: number,
  sample: () => Promise<void>,
): Promise<ExplainReport> {
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  try {
    const large = new Map(
      (
        await admin.query<{ relname: string; reltuples: number }>(
          `SELECT relname, reltuples::float8 AS reltuples FROM pg_class
            WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`,
          [largeTableRows],
        )
      ).rows.map((r) => [r.relname, Math.round(r.reltuples)]),
    );
    await admin.query(`ALTER SYSTEM SET auto_explain.log_min_duration = 0`);
    await admin.query(`SELECT pg_reload_conf()`);
    await sleep(500);
    pg.captureLog();
    try {
      await sample();
      await sleep(500);
    } finally {
      await admin.query(`ALTER SYSTEM RESET auto_explain.log_min_duration`);
      await admin.query(`SELECT pg_reload_conf()`);
    }
    const { plans, unreadable } = parseLoggedPlans(pg.takeLog());
    const seen = { api: new Set<string>(), baseline: new Set<string>() };
    const findings = new Map<string, SeqScanFinding>();
    for (const { role, query, plan } of plans) {
      const source = role === BASELINE_USER ? 'baseline' : 'api';
      seen[source].add(query);
      for (const table of seqScannedTables(plan, [])) {
        const rows = large.get(table);
        const text = query.replace(/\s+/g, ' ').trim().slice(0, 240);
        if (rows !== undefined) findings.set(`${source}|${table}|${text}`, { source, query: text, table, rows });
      }
    }
    return {
      largeTableRows,
      plans: plans.length,
      statements: { api: seen.api.size, baseline: seen.baseline.size },
      unreadable,
      seqScans: [...findings.values()],
    };
  } finally {
    await admin.end();
  }
}
