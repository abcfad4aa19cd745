import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, spawnApi, stopChild, waitForFirstAnswer } from '../api-process';
import { freePort } from '../postgres';
import { CHINESE_CASES, searchBody } from './search';

export interface ColdStartTimes {
  apiMs: number[];
  baselineMs: number[];
}

async function waitForClusterStopped(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const deadline = Date.now() + 30_000;
  while (existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/**
 * `npm start` on an existing data folder: the same command, DATA_DIR pointing at the bench's cluster (the launcher
 * starts PostgreSQL from it and finds the schema up to date), demo seed off, timed from spawn to the first search
 * answered without errors. Development mode, because production requires an external DATABASE_URL.
 */
async function apiColdStart(dataDir: string, pgPort: number): Promise<number> {
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    DEMO_SEED: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const since = process.hrtime.bigint();
  const child = spawnApi(env);
  try {
    return await waitForFirstAnswer(
      child,
      `http://127.0.0.1:${port}/graphql`,
      searchBody(CHINESE_CASES[0] as (typeof CHINESE_CASES)[number]),
      since,
    );
  } finally {
    await stopChild(child);
  }
}

/** The baseline: a process that starts the cluster and answers the same search with raw SQL. */
function baselineColdStart(clusterDir: string, pgPort: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const since = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'bench/cold-start-baseline.ts', clusterDir, String(pgPort)],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let answeredAt: number | null = null;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (answeredAt === null && chunk.toString('utf8').includes('answered'))
        answeredAt = Number(process.hrtime.bigint() - since) / 1e6;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) =>
      answeredAt !== null && code === 0
        ? resolve(answeredAt)
        : reject(new Error(`cold-start baseline failed (${code}): ${stderr}`)),
    );
  });
}

/** Alternates API and baseline starts on the stopped cluster in `<dataDir>/postgres`. */
export async function measureColdStarts(
  dataDir: string,
  pgPort: number,
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartTimes> {
  const clusterDir = join(dataDir, 'postgres');
  const times: ColdStartTimes = { apiMs: [], baselineMs: [] };
  for (let i = 0; i < runs; i += 1) {
    await waitForClusterStopped(clusterDir);
    try {
      times.apiMs.push(await apiColdStart(dataDir, pgPort));
    } catch (error) {
      throw new Error(`API cold start failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await waitForClusterStopped(clusterDir);
    times.baselineMs.push(await baselineColdStart(clusterDir, pgPort));
    log(
      `  cold start ${i + 1}/${runs}: API ${times.apiMs[i]?.toFixed(0)} ms, baseline ${times.baselineMs[i]?.toFixed(0)} ms`,
    );
  }
  return times;
}
