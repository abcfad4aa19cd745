import { spawn } from 'node:child_process';
import { REPO_ROOT, apiEnv, spawnApi, stopChild, waitForFirstAnswer } from '../api-process';
import { freePort } from '../postgres';
import { BASELINE_CONNECTION_OPTIONS, CHINESE_CASES, searchBaselineSql, searchBody } from './search';

/** Plain JavaScript, so the baseline pays no TypeScript loader: connect, answer the search, report. */
const BASELINE_SCRIPT = `
const { Client } = require('pg');
const [url, options, statement] = process.argv.slice(1);
const client = new Client({ connectionString: url, options });
client.connect()
  .then(() => client.query(JSON.parse(statement)))
  .then(({ rows }) => { process.stdout.write(rows.length === 1 ? 'answered\\n' : 'no answer\\n'); return client.end(); })
  .catch((error) => { process.stderr.write(String(error)); process.exit(1); });
`;

export interface ColdStartTimes {
  apiMs: number[];
  baselineMs: number[];
}

/**
 * `npm run start:prod`'s command (the bundle, NODE_ENV=production) against the running database, timed from spawn to
 * the first search answered without errors: module loading, the migration check, Nest's and the schema's set-up,
 * the pool's first connections and the search itself (the database's caches are warm from the run).
 */
async function apiColdStart(databaseUrl: string, poolSize: number, platformFeeBps: number): Promise<number> {
  const port = await freePort();
  const since = process.hrtime.bigint();
  const child = spawnApi(apiEnv(databaseUrl, port, poolSize, platformFeeBps));
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

/** The baseline: a Node process that connects with `pg` and answers the same search with the raw statement. */
function baselineColdStart(baselineUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const since = process.hrtime.bigint();
    const statement = JSON.stringify(searchBaselineSql(CHINESE_CASES[0] as (typeof CHINESE_CASES)[number]));
    const child = spawn(
      process.execPath,
      ['-e', BASELINE_SCRIPT, baselineUrl, BASELINE_CONNECTION_OPTIONS ?? '', statement],
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

/** Alternates API and baseline starts against the running database. */
export async function measureColdStarts(
  databaseUrl: string,
  baselineUrl: string,
  poolSize: number,
  platformFeeBps: number,
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartTimes> {
  const times: ColdStartTimes = { apiMs: [], baselineMs: [] };
  for (let i = 0; i < runs; i += 1) {
    try {
      times.apiMs.push(await apiColdStart(databaseUrl, poolSize, platformFeeBps));
    } catch (error) {
      throw new Error(`API cold start failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    times.baselineMs.push(await baselineColdStart(baselineUrl));
    log(
      `  cold start ${i + 1}/${runs}: API ${times.apiMs[i]?.toFixed(0)} ms, baseline ${times.baselineMs[i]?.toFixed(0)} ms`,
    );
  }
  return times;
}
