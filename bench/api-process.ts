import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { apiNodeArgs } from './config';

export const REPO_ROOT = resolve(__dirname, '..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Resident set size of the API process, in bytes, from /proc (Linux). */
  rssBytes(): number | null;
  /** CPU seconds (user + system) the API process has used so far, from /proc (Linux). */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** Where the bench builds the API: its own folder, so a run never replaces the `dist/api` a developer is serving. */
export const API_BUNDLE_DIR = 'bench/.api-build';

/** `npm run build:api` into the bench's folder, once per run: the API processes run what production runs. */
export function buildApi(): void {
  execFileSync(process.execPath, ['apps/api/build.mjs', '--out-dir', API_BUNDLE_DIR], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}

/**
 * `npm run start:prod`'s command (the bundle, with the Node flags of `PRODUCTION_NODE_FLAGS`) on the Node that runs
 * the bench; NODE_ENV comes from `env` (the checkout process runs the same bundle in development mode).
 */
export function spawnApi(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [...productionNodeFlags(), ...apiNodeArgs(), `${API_BUNDLE_DIR}/main.js`], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer): void => {
    tail.push(chunk.toString('utf8'));
    if (tail.length > 40) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  (child as ChildProcess & { outputTail?: () => string }).outputTail = () => tail.join('');
  return child;
}

export function outputTail(child: ChildProcess): string {
  return (child as ChildProcess & { outputTail?: () => string }).outputTail?.() ?? '';
}

/**
 * Keep-alive connections for the bench's own requests. The load generator shares the machine's two cores with what
 * it measures, so it should cost as little as it can: `node:http` through this agent used 0.14 ms of CPU per request
 * where `fetch` used 0.31-0.36 ms (10 concurrent `{ __typename }` posts, 2026-12-07).
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

export function postGraphql(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolveAnswer, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveAnswer({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Polls until `query` answers without GraphQL errors; returns the milliseconds from `since`. */
export async function waitForFirstAnswer(
  child: ChildProcess,
  url: string,
  body: string,
  since: bigint,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${outputTail(child)}`);
    try {
      const { status, text } = await postGraphql(url, body);
      if (status === 200 && !JSON.parse(text).errors) return Number(process.hrtime.bigint() - since) / 1e6;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`API did not answer within ${timeoutMs} ms:\n${outputTail(child)}`);
}

export function stopChild(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** The Node flags of `npm run start:prod`, read from package.json so the bench runs what production runs. */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = pkg.scripts['start:prod'] ?? '';
  const match = /\bnode\s+(.*?)\s*dist\/api\/main\.js/.exec(command);
  return (match?.[1] ?? '').split(/\s+/).filter((flag) => flag.startsWith('--'));
}

export function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces); null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used: utime and stime, the 12th and 13th fields, in clock ticks. */
export function cpuOf(pid: number | undefined): number | null {
  const fields = pid ? statFields(pid) : null;
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : null;
}

/**
 * CPU seconds of a process and all its children, live or exited: PostgreSQL's postmaster and its backends, which
 * come and go with connections (an exited child's time is in its parent's cutime and cstime, the 14th and 15th).
 */
export function cpuOfTree(rootPid: number): number | null {
  const root = statFields(rootPid);
  if (!root) return null;
  let ticks = Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // The 2nd field after the name is the parent's pid.
    if (fields && Number(fields[1]) === rootPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** The API's environment in the bench: production mode (unless `env` says otherwise), limits lifted, quiet logs. */
export function apiEnv(
  databaseUrl: string,
  port: number,
  poolSize: number,
  platformFeeBps: number,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    PLATFORM_FEE_BPS: String(platformFeeBps),
    // Production requires Stripe; the bench never pays, and any call it made would hit a closed local port, not Stripe.
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: 'whsec_bench',
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: '9',
    STRIPE_API_PROTOCOL: 'http',
    // The load comes from one address: measure the API, not its per-address rate limits.
    ...Object.fromEntries(
      ['SIGNUP', 'SEARCH', 'CHECKOUT'].flatMap((flow) => [
        [`${flow}_PER_ACCOUNT`, '100000000'],
        [`${flow}_PER_ADDRESS`, '100000000'],
      ]),
    ),
    LOGIN_ATTEMPTS_PER_ADDRESS: '100000000',
    // A bench buyer pays each order before the next, but a failed confirmation must not lock the buyer out of the run.
    OPEN_ORDERS_PER_ACCOUNT: '1000',
    ...env,
  };
}

/** The API in production mode (unless `env` says otherwise) against the bench's database, as a separate process on loopback. */
export async function startApi(
  databaseUrl: string,
  port: number,
  poolSize: number,
  platformFeeBps: number,
  probeBody: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const child = spawnApi(apiEnv(databaseUrl, port, poolSize, platformFeeBps, env));
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForFirstAnswer(child, url, probeBody, process.hrtime.bigint());
  return {
    url,
    child,
    rssBytes: () => rssOf(child.pid),
    cpuSeconds: () => cpuOf(child.pid),
    stop: () => stopChild(child),
  };
}
