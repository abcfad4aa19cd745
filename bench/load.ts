import autocannon from 'autocannon';
import { Pool } from 'pg';

/** One measured run: latencies in milliseconds (sub-millisecond resolution), throughput in completed requests per second. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  rps: number;
  /** CPU milliseconds the API process spent per answered request (API runs only). */
  cpuMsPerRequest?: number;
  /**
   * Where the machine's CPU went during the measured run, in milliseconds per completed unit (checkout runs): the API
   * process, PostgreSQL (postmaster and backends) and the bench's own process (the HTTP client in an API run; the
   * `pg` client doing the work in a baseline run). Null where a process could not be read.
   */
  cpuSplit?: CpuSplit;
  /** What the first failed unit of work threw (closed-loop runs), so a report never counts errors it cannot explain. */
  firstError?: string;
}

export interface CpuSplit {
  api: number | null;
  database: number | null;
  bench: number;
}

/** CPU seconds used so far by the API process, by PostgreSQL and by this process. */
export interface CpuClocks {
  api: () => number | null;
  database: () => number | null;
}

/** Starts the CPU clocks; the returned function gives each one's milliseconds per unit since then. */
function startCpuSplit(clocks: CpuClocks): (units: number) => CpuSplit | undefined {
  const api = clocks.api();
  const database = clocks.database();
  const bench = process.cpuUsage();
  return (units) => {
    if (units <= 0) return undefined;
    const per = (before: number | null, after: number | null): number | null =>
      before === null || after === null ? null : ((after - before) * 1000) / units;
    const own = process.cpuUsage(bench);
    return {
      api: per(api, clocks.api()),
      database: per(database, clocks.database()),
      bench: (own.user + own.system) / 1000 / units,
    };
  };
}

export interface LoadShape {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
  };
}

/**
 * Closed-loop HTTP load with autocannon: fixed connections, one request in flight per connection. Latencies are
 * taken from autocannon's per-response timings (its own histogram rounds to whole milliseconds). A response counts
 * only when the body passes `check` (a GraphQL error comes back with status 200).
 */
export async function runHttpLoad(
  url: string,
  shape: LoadShape,
  nextBody: () => string,
  check: (body: string) => boolean,
  headers: Record<string, string> = {},
  cpuSeconds: () => number | null = () => null,
): Promise<LoadResult> {
  const run = async (seconds: number, record: boolean): Promise<LoadResult> => {
    const latencies: number[] = [];
    let wrongBodies = 0;
    const started = process.hrtime.bigint();
    const options: autocannon.Options = {
      url,
      connections: shape.connections,
      pipelining: 1,
      // A slow answer is a latency to report, not an error: well past any scenario's duration.
      timeout: 60,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: nextBody() }),
          onResponse: (status, body) => {
            if (record && status === 200 && !check(body)) wrongBodies += 1;
          },
        },
      ],
    };
    const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
      const instance = autocannon(options, (error, finished) => (error ? rejectRun(error) : resolveRun(finished)));
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (record && statusCode === 200) latencies.push(responseTime);
      });
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    return summarise(latencies, wrongBodies + result.non2xx + result.errors, Math.max(elapsed, 0.001));
  };
  if (shape.warmupSeconds > 0) await run(shape.warmupSeconds, false);
  const cpuBefore = cpuSeconds();
  const result = await run(shape.durationSeconds, true);
  const cpuAfter = cpuSeconds();
  if (cpuBefore !== null && cpuAfter !== null && result.requests > 0)
    result.cpuMsPerRequest = ((cpuAfter - cpuBefore) * 1000) / result.requests;
  return result;
}

/**
 * A closed loop of `workers` workers for a duration, after an unmeasured warm-up: each worker starts its next unit
 * of work when the previous one finishes. `work` gets the worker's index (a buyer, a variant) and a run-wide counter.
 */
export async function runClosedLoop(
  shape: LoadShape & { workers: number },
  work: (worker: number, n: number) => Promise<boolean>,
  clocks?: CpuClocks,
): Promise<LoadResult> {
  let counter = 0;
  const run = async (seconds: number): Promise<LoadResult> => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    const worker = async (index: number): Promise<void> => {
      while (process.hrtime.bigint() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          const ok = await work(index, counter++);
          if (ok) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          else {
            errors += 1;
            firstError ??= 'refused (no unit left, or not paid)';
          }
        } catch (error) {
          errors += 1;
          firstError ??= (error instanceof Error ? error.message : String(error)).slice(0, 300);
        }
      }
    };
    await Promise.all(Array.from({ length: shape.workers }, (_, index) => worker(index)));
    const result = summarise(latencies, errors, Number(process.hrtime.bigint() - started) / 1e9);
    return firstError === undefined ? result : { ...result, firstError };
  };
  if (shape.warmupSeconds > 0) await run(shape.warmupSeconds);
  const cpu = clocks ? startCpuSplit(clocks) : null;
  const result = await run(shape.durationSeconds);
  const cpuSplit = cpu?.(result.requests);
  return cpuSplit ? { ...result, cpuSplit } : result;
}

/**
 * The baseline's driver: `connections` workers over a pg Pool of the same size, each issuing its next query as
 * soon as the previous one answers, for the same duration as the API's run.
 */
export function runSqlLoad(
  pool: Pool,
  shape: LoadShape,
  work: (pool: Pool, n: number) => Promise<boolean>,
): Promise<LoadResult> {
  return runClosedLoop({ ...shape, workers: shape.connections }, (_worker, n) => work(pool, n));
}
