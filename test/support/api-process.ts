import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SettableClock } from '@chedun/kernel';
import { Client } from 'pg';
import { cloneTestDatabase, GENEROUS_RATE_LIMITS, GqlResult, postGraphql, TestApp } from './test-app';

const REPO_ROOT = resolve(__dirname, '../..');

/** The real API as its own operating-system process, exactly as `npm start` runs it. */
export interface ApiProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** No warning, no cleanup: the process is gone the way a crash or an OOM kill takes it. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops it. */
  stop(): Promise<void>;
  /** Ctrl-C in the terminal that ran `npm start`: SIGINT to the whole process group, children included. */
  interrupt(): Promise<void>;
  exited(): boolean;
  /** The exit code, or the signal that ended the process; undefined while it runs. */
  exitStatus(): number | string | undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `node -r @swc-node/register apps/api/src/main.ts` on the given database and a free port, with no web build
 * (WEB_DIR points nowhere, so / is not served) and logs at `LOG_LEVEL` (info unless set), and waits until /health
 * answers 200. Migrations find the clone already migrated; two processes starting at once take turns on their lock.
 * Without `databaseUrl` the process starts its own embedded PostgreSQL in `dataDir` (the caller's, kept after exit),
 * as `npm start` does. With `terminal`, the process leads its own process group, as a command typed in a terminal
 * does, so `interrupt()` is a real Ctrl-C.
 */
export async function startApiProcess(options: {
  name: string;
  databaseUrl?: string;
  dataDir?: string;
  terminal?: boolean;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Node's arguments: the TypeScript sources through @swc-node/register unless a built bundle is given. */
  nodeArgs?: string[];
}): Promise<ApiProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chedun-api-process-'));
  const child: ChildProcess = spawn(
    process.execPath,
    options.nodeArgs ?? ['-r', '@swc-node/register', 'apps/api/src/main.ts'],
    {
      cwd: REPO_ROOT,
      detached: options.terminal === true,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DEMO_SEED: 'false',
        DATA_DIR: dataDir,
        WEB_DIR: join(tmpdir(), 'chedun-no-web-build'),
        ...GENEROUS_RATE_LIMITS,
        ...options.env,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      done();
    }),
  );
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (exited())
      throw new Error(
        `API process ${options.name} exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output.join('')}`,
      );
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process ${options.name} was not healthy in time:\n${output.join('')}`);
    }
    const healthy = await fetch(`${baseUrl}/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    name: options.name,
    baseUrl,
    pid: child.pid as number,
    logs: () => output.join(''),
    gql: (query, variables, token) => postGraphql(baseUrl, query, variables, token),
    async kill() {
      if (!exited()) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (!exited()) child.kill('SIGTERM');
      await exit;
    },
    async interrupt() {
      if (!options.terminal) throw new Error('interrupt() needs startApiProcess({ terminal: true })');
      if (!exited()) process.kill(-(child.pid as number), 'SIGINT');
      await exit;
    },
    exited,
    exitStatus: () => child.exitCode ?? child.signalCode ?? undefined,
  };
}

/** One cloned database shared by API processes that come and go, plus SQL for arranging and asserting. */
export interface ApiCluster {
  readonly databaseUrl: string;
  /** Every process must sign and check tokens with the same secret, as replicas behind a load balancer do. */
  readonly env: Record<string, string>;
  start(name: string, env?: Record<string, string>): Promise<ApiProcess>;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** The shape the support helpers (parties, catalog, orders) take, talking to one process over HTTP. */
  client(api: ApiProcess): TestApp;
  close(): Promise<void>;
}

export async function startApiCluster(env: Record<string, string> = {}): Promise<ApiCluster> {
  const { databaseUrl, drop } = await cloneTestDatabase();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const shared = { JWT_SECRET: randomBytes(32).toString('hex'), ...env };
  const processes: ApiProcess[] = [];
  const clock = new SettableClock(new Date());
  const sql = async <R>(text: string, params?: unknown[]) => (await db.query(text, params)).rows as R[];
  return {
    databaseUrl,
    env: shared,
    async start(name, extra = {}) {
      const api = await startApiProcess({ name, databaseUrl, env: { ...shared, ...extra } });
      processes.push(api);
      return api;
    },
    sql,
    client(api) {
      // The helpers only use HTTP, SQL and the clock (for dates relative to now); a child process has no Nest app here.
      const client: Omit<TestApp, 'app'> = {
        baseUrl: api.baseUrl,
        databaseUrl,
        clock,
        gql: api.gql,
        sql,
        close: async () => undefined,
      };
      return client as TestApp;
    },
    async close() {
      await Promise.all(processes.map((p) => p.kill()));
      await db.end();
      await drop();
    },
  };
}
