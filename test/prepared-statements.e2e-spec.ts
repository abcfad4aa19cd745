import { DataSource } from 'typeorm';
import { signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

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
