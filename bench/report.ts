import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExplainReport } from './explain';
import type { CpuSplit, LoadResult } from './load';

export interface Target {
  name: string;
  limit: string;
  value: number;
  holds: boolean;
}

export interface ScenarioResult {
  name: string;
  description: string;
  api: LoadResult;
  baseline: LoadResult;
  /** API p50 / baseline p50. */
  ratioP50: number;
  answersMatch: boolean | null;
  targets: Target[];
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  scale: number;
  seed: number;
  machine: { cpus: number; node: string };
  load: {
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    apiPoolSize: number;
    baselinePrepared: boolean;
  };
  dataset: { seconds: number; rows: Record<string, number> };
  scenarios: ScenarioResult[];
  csvExport: CsvExportResult | null;
  /** The main API process's RSS: idle after start, peak under the search and detail loads. */
  memory: MemoryResult | null;
  /** `{ __typename }` on the bare stack per adapter and per hot-path layer (bench/floor-app.ts), in this run. */
  floorAdapters: (LoadResult & { name: string })[] | null;
  explain: ExplainReport | null;
  explainHolds: boolean | null;
  /** Scenarios of the issue not measured in this run, and why. */
  notMeasured: { name: string; reason: string }[];
}

export interface MemoryResult {
  idleMb: number;
  searchPeakMb: number | null;
  detailPeakMb: number | null;
  targets: Target[];
}

export interface CsvExportResult {
  range: { from: string; to: string };
  lines: number;
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  /** The same export again on the same process: what a process that has exported once grows by (the target is on the first). */
  repeatRssGrowthMb: number;
  target: Target;
}

export function ratioTarget(name: string, value: number, limit: number): Target {
  return { name, limit: `≤ ${limit}`, value, holds: value <= limit };
}

export function minimumTarget(name: string, value: number, limit: number): Target {
  return { name, limit: `≥ ${limit}`, value, holds: value >= limit };
}

const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(2)) : '—');
const rps = (v: number): string => (Number.isFinite(v) ? v.toFixed(v < 10 ? 1 : 0) : '—');

export function scenarioLine(s: ScenarioResult): string {
  const targets = s.targets
    .map((t) => `${t.name} ${t.value.toFixed(2)} ${t.limit} ${t.holds ? 'HOLDS' : 'FAILS'}`)
    .join('; ');
  const match = s.answersMatch === null ? '' : ` | same answer: ${s.answersMatch ? 'yes' : 'NO'}`;
  return (
    `${s.name.padEnd(12)} API p50 ${ms(s.api.p50)} ms p99 ${ms(s.api.p99)} ms ${rps(s.api.rps)} req/s` +
    ` | baseline p50 ${ms(s.baseline.p50)} ms ${rps(s.baseline.rps)} req/s | ratio ${s.ratioP50.toFixed(2)}` +
    `${match} | ${targets}` +
    (s.api.cpuMsPerRequest !== undefined ? ` | API CPU ${s.api.cpuMsPerRequest.toFixed(1)} ms/req` : '') +
    cpuSplitText(s) +
    (s.api.errors || s.baseline.errors ? ` | errors API ${s.api.errors} baseline ${s.baseline.errors}` : '') +
    (s.api.firstError ? ` | API's first error: ${s.api.firstError}` : '') +
    (s.baseline.firstError ? ` | baseline's first error: ${s.baseline.firstError}` : '')
  );
}

/** The machine's CPU per unit on each side (checkout runs), so a throughput ratio can be read against its cost. */
function cpuSplitText(s: ScenarioResult): string {
  const api = s.api.cpuSplit;
  const baseline = s.baseline.cpuSplit;
  if (!api || !baseline) return '';
  const ms = (value: number | null): string => (value === null ? '?' : value.toFixed(1));
  const total = (split: CpuSplit): string =>
    split.api === null || split.database === null ? '?' : (split.api + split.database + split.bench).toFixed(1);
  return (
    ` | CPU ms per unit: API ${total(api)} (API process ${ms(api.api)}, PostgreSQL ${ms(api.database)}, bench HTTP client ${ms(api.bench)})` +
    `, baseline ${total(baseline)} (PostgreSQL ${ms(baseline.database)}, bench pg client ${ms(baseline.bench)}, API process ${ms(baseline.api)})`
  );
}

export function markdownTable(r: BenchResults): string {
  const rows = r.scenarios.map(
    (s) =>
      `| ${s.name} | ${ms(s.api.p50)} | ${ms(s.api.p99)} | ${rps(s.api.rps)} | ${ms(s.baseline.p50)} | ${rps(s.baseline.rps)} | ${s.ratioP50.toFixed(2)} | ${s.targets
        .map((t) => `${t.name} ${t.holds ? 'holds' : '**fails**'}`)
        .join(', ')} |`,
  );
  return [
    '| scenario | API p50 ms | API p99 ms | API req/s | baseline p50 ms | baseline req/s | ratio p50 | targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function writeResults(dir: string, results: BenchResults, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
