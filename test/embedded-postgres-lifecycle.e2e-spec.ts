import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, freePort, startApiProcess } from './support/api-process';
import { PASSWORD } from './support/parties';
import { uniqueEmail } from './support/test-app';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0) until its new parent reaps it; it is no running server.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The PostgreSQL server's pid from its lock file, or undefined when no server holds the data directory. */
function postmasterPid(pgDir: string): number | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  return Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
}

/** Log lines at pino's error or fatal level, or TypeORM's complaint about connections the server dropped. */
function troubleIn(logs: string): string[] {
  return logs
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line) || /pool raised an error|UnhandledPromiseRejection/i.test(line));
}

/**
 * `npm start` with its own embedded PostgreSQL, as a newcomer runs it: a start after the API process was killed
 * finds the PostgreSQL it left behind, and Ctrl-C stops the app, then PostgreSQL, quietly.
 */
describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  let pgDir: string;
  let env: Record<string, string>;
  let second: ApiProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chedun-embedded-'));
    // As `.data` is in a checkout: PostgreSQL runs as its own user when the tests run as root, and must reach it.
    chmodSync(dataDir, 0o755);
    pgDir = join(dataDir, 'postgres');
    env = { EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await second?.kill();
    // A failed run must not leave a server behind on the shared machine.
    const pid = postmasterPid(pgDir);
    if (pid !== undefined && isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 100 && isAlive(pid); i += 1) await new Promise((r) => setTimeout(r, 100));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again after the API process was killed by SIGKILL, on the same data', async () => {
    const first = await startApiProcess({ name: 'first', dataDir, env, timeoutMs: 120_000 });
    const email = uniqueEmail('restart');
    const signUp = await first.gql(
      `mutation($e: String!, $p: String!) { signUp(input: { email: $e, password: $p, displayName: "r" }) { accessToken } }`,
      {
        e: email,
        p: PASSWORD,
      },
    );
    expect(signUp.errors).toBeUndefined();
    // Log-in needs a verified address: follow the link the development sender keeps in the outbox.
    const mail = await first.gql(`{ devNotifications { kind payload } }`, {}, signUp.data?.['signUp'].accessToken);
    const verification = (mail.data?.['devNotifications'] as { kind: string; payload: string }[]).find(
      (n) => n.kind === 'EMAIL_VERIFICATION',
    );
    const verified = await first.gql(`mutation($t: String!) { verifyEmail(token: $t) { accessToken } }`, {
      t: (JSON.parse(verification?.payload ?? '{}') as { token?: string }).token,
    });
    expect(verified.errors).toBeUndefined();
    const orphan = postmasterPid(pgDir) as number;
    await first.kill();
    // The scenario: the server outlives the process that started it.
    expect(isAlive(orphan)).toBe(true);

    second = await startApiProcess({ name: 'second', dataDir, env, terminal: true, timeoutMs: 120_000 });
    expect(isAlive(orphan)).toBe(false);
    const logIn = await second.gql(
      `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { accessToken } }`,
      {
        e: email,
        p: PASSWORD,
      },
    );
    expect(logIn.errors).toBeUndefined();
    expect(second.logs()).toContain(`stopping the PostgreSQL (pid ${orphan}) that an earlier start left running`);
    expect(troubleIn(second.logs())).toEqual([]);
  });

  it('stops on Ctrl-C: the app closes its pool, then PostgreSQL stops, with no error in between', async () => {
    const api = second as ApiProcess;
    const server = postmasterPid(pgDir) as number;
    expect(isAlive(server)).toBe(true);
    const serverLogBefore = readFileSync(join(pgDir, 'server.log'), 'utf8').length;
    // Idle connections in the pool, as any app that served a few pages has: the ones a careless stop would cut.
    const health = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${api.baseUrl}/health`).then((res) => res.status)),
    );
    expect(health).toEqual(Array.from({ length: 8 }, () => 200));
    await api.interrupt();
    expect(api.exitStatus()).toBe(0);
    expect(isAlive(server)).toBe(false);
    expect(postmasterPid(pgDir)).toBeUndefined();
    expect(troubleIn(api.logs())).toEqual([]);
    const logs = api.logs();
    expect(logs.indexOf('SIGINT: shutting down')).toBeGreaterThan(0);
    expect(logs.indexOf('PostgreSQL stopped')).toBeGreaterThan(logs.indexOf('SIGINT: shutting down'));
    // Connections the server had to cut would show here: the pool was closed before the server was asked to stop.
    const serverLog = readFileSync(join(pgDir, 'server.log'), 'utf8').slice(serverLogBefore);
    expect(serverLog).toContain('database system is shut down');
    expect(serverLog.split('\n').filter((line) => /FATAL|ERROR/.test(line))).toEqual([]);
  });
});
