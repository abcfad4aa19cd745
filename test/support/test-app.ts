import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@chedun/config';
import { ensureDatabase } from '@chedun/db';
import { SettableClock } from '@chedun/kernel';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/bootstrap';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: string[] }[];
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  clock: SettableClock;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Runs SQL against the suite's database, for arranging and asserting what the API cannot show. */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export const GENEROUS_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  ['SIGNUP', 'SEARCH', 'VERIFY', 'CHECKOUT', 'UPLOAD'].flatMap((flow) => [
    [`${flow}_PER_ACCOUNT`, '100000'],
    [`${flow}_PER_ADDRESS`, '100000'],
  ]),
);

/** One GraphQL request over HTTP, as a client sends it (Bearer token when given). */
export async function postGraphql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResult<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

/** A fresh database cloned from the migrated template, and the real app listening on a free port. */
export async function startTestApp(
  options: { env?: Record<string, string>; clock?: SettableClock } = {},
): Promise<TestApp> {
  const { databaseUrl, drop } = await cloneTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'chedun-test-data-')),
    DATABASE_URL: databaseUrl,
    // Suites sign up and search far more from one address than a person would; the rate-limit suite sets its own.
    ...GENEROUS_RATE_LIMITS,
    // Refund tasks and email delivery run when a suite calls them, not on a timer mid-assertion.
    REFUND_SWEEP_SECONDS: '3600',
    NOTIFICATION_SWEEP_SECONDS: '3600',
    ...options.env,
  });
  const clock = options.clock ?? new SettableClock(new Date());
  const app = await createApp({ config, databaseUrl, jwtSecret: `test-secret-${randomUUID()}`, clock });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();

  return {
    app,
    baseUrl,
    databaseUrl,
    clock,
    gql: (query, variables, token) => postGraphql(baseUrl, query, variables, token),
    async sql(text, params) {
      return (await client.query(text, params)).rows;
    },
    async close() {
      await client.end();
      await app.close();
      await drop();
    },
  };
}

/** A fresh database cloned from the migrated template (milliseconds), and how to drop it. */
export async function cloneTestDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const base = process.env['CHEDUN_TEST_PG_BASE'];
  const template = process.env['CHEDUN_TEST_TEMPLATE'];
  if (!base || !template)
    throw new Error('e2e suites need the global setup (run them through jest --selectProjects e2e)');
  const dbName = `t_${randomUUID().replace(/-/g, '')}`;
  await ensureDatabase(`${base}/postgres`, dbName, template);
  return { databaseUrl: `${base}/${dbName}`, drop: () => ensureDropped(`${base}/postgres`, dbName) };
}

async function ensureDropped(adminUrl: string, dbName: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The error code of the first GraphQL error, for assertions. */
export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}@example.test`;
}
