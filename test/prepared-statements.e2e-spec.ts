import { PreparingClient } from '@chedun/db';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { signUp } from './support/parties';
import { cloneTestDatabase, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * Issue #18: the app's connections prepare the statements they run often, so PostgreSQL stops parsing and planning
 * them on every request; DATABASE_PREPARED_STATEMENTS=false (a pooler that cannot carry them) sends every one unnamed.
 * One pooled connection, so the statements the requests ran are on the connection the assertion reads from.
 */
describe.each([
  ['on by default', {}, true],
  ['off with DATABASE_PREPARED_STATEMENTS=false', { DATABASE_PREPARED_STATEMENTS: 'false' }, false],
] as const)('prepared statements, %s', (_name, env, prepared) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '1', ...env } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it(prepared ? 'prepares the signed-in user lookup from its second request' : 'prepares nothing', async () => {
    const visitor = await signUp(t, 'prepared');
    for (let i = 0; i < 3; i += 1) {
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, visitor.token);
      expect(me.errors).toBeUndefined();
      expect(me.data?.me.id).toBe(visitor.userId);
    }
    const statements = (await t.app
      .get(DataSource)
      .query('SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql')) as {
      name: string;
      statement: string;
    }[];
    if (!prepared) {
      expect(statements).toEqual([]);
      return;
    }
    expect(statements.every((s) => /^chedun_\d+$/.test(s.name))).toBe(true);
    expect(statements.some((s) => /FROM memberships m JOIN organizations o/.test(s.statement))).toBe(true);
  });
});

describe('a prepared statement whose result changed under it (a migration while the process serves)', () => {
  it('fails once on its connection, then runs with the new columns', async () => {
    const { databaseUrl, drop } = await cloneTestDatabase();
    const pool = new Pool({ connectionString: databaseUrl, max: 1, Client: PreparingClient });
    try {
      await pool.query('CREATE TABLE scratch (id int PRIMARY KEY, name text)');
      await pool.query(`INSERT INTO scratch VALUES (1, 'one')`);
      const read = () => pool.query('SELECT * FROM scratch WHERE id = $1', [1]);
      await read();
      expect((await read()).rows).toEqual([{ id: 1, name: 'one' }]);
      expect((await pool.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n).toBe(1);

      await pool.query('ALTER TABLE scratch ADD COLUMN name_zh text');
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      expect((await read()).rows).toEqual([{ id: 1, name: 'one', name_zh: null }]);
      expect((await read()).rows).toEqual([{ id: 1, name: 'one', name_zh: null }]);
    } finally {
      await pool.end();
      await drop();
    }
  });
});
