/** Settings of one bench run, from BENCH_* variables (the bench is a tool, not the app: its own small schema). */
export interface BenchConfig {
  /** 1 = the full marketplace (100,000 products, 20,000 slots); 0.05 for a quick run. */
  scale: number;
  seed: number;
  /** Seconds of measured load per scenario (the issue bounds this to 10-20 s). */
  durationSeconds: number;
  warmupSeconds: number;
  /** Fixed concurrency: HTTP connections for the API, pool size and workers for the baseline. */
  connections: number;
  coldStartRuns: number;
  keepData: boolean;
  /** Whether the baselines prepare their statements as the API does (BENCH_BASELINE_PREPARED, on unless `0`). */
  baselinePrepared: boolean;
  /** Names of the scenarios to run (BENCH_ONLY, comma-separated); null = all, with the EXPLAIN check and cold start. */
  only: ReadonlySet<string> | null;
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max}`);
  return value;
}

/** Extra Node flags for the API processes, to look inside a run (`BENCH_API_NODE_ARGS="--cpu-prof --trace-gc"`); none by default. */
export function apiNodeArgs(): string[] {
  return (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg.length > 0);
}

export function loadBenchConfig(): BenchConfig {
  return {
    scale: numberFrom('BENCH_SCALE', 1, 0.001, 10),
    seed: Math.trunc(numberFrom('BENCH_SEED', 20261125, 1, 2 ** 31)),
    durationSeconds: numberFrom('BENCH_DURATION', 10, 1, 20),
    warmupSeconds: numberFrom('BENCH_WARMUP', 2, 0, 10),
    connections: Math.trunc(numberFrom('BENCH_CONNECTIONS', 10, 1, 50)),
    coldStartRuns: Math.trunc(numberFrom('BENCH_COLD_STARTS', 3, 1, 10)),
    keepData: process.env['BENCH_KEEP_DATA'] === '1',
    baselinePrepared: process.env['BENCH_BASELINE_PREPARED'] !== '0',
    only: process.env['BENCH_ONLY'] ? new Set(process.env['BENCH_ONLY'].split(',').map((name) => name.trim())) : null,
  };
}
