import { Client } from 'pg';
import { MAX_PREPARED_PER_CONNECTION, PreparingClient } from './preparing-client';

describe('PreparingClient', () => {
  it('names a text from its second use on the connection, and always with the same name', () => {
    const client = new PreparingClient();
    expect(client.nameFor('SELECT $1::int')).toBeUndefined();
    const name = client.nameFor('SELECT $1::int');
    expect(name).toMatch(/^chedun_\d+$/);
    expect(client.nameFor('SELECT $1::int')).toBe(name);
    expect(client.nameFor('SELECT $1::text')).toBeUndefined();
    const other = client.nameFor('SELECT $1::text');
    expect(other).not.toBe(name);
  });

  it(`stops preparing new texts at ${MAX_PREPARED_PER_CONNECTION} per connection, and keeps the ones it has`, () => {
    const client = new PreparingClient();
    const names: string[] = [];
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION; i += 1) {
      client.nameFor(`SELECT ${i} + $1`);
      names.push(client.nameFor(`SELECT ${i} + $1`) as string);
    }
    expect(new Set(names).size).toBe(MAX_PREPARED_PER_CONNECTION);
    client.nameFor('SELECT 1000000 + $1');
    expect(client.nameFor('SELECT 1000000 + $1')).toBeUndefined();
    expect(client.nameFor('SELECT 0 + $1')).toBe(names[0]);
  });

  describe('query', () => {
    let sent: unknown[][];
    beforeEach(() => {
      sent = [];
      jest.spyOn(Client.prototype, 'query').mockImplementation(function (...args: unknown[]) {
        sent.push(args);
        return Promise.resolve({ rows: [] }) as never;
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('sends a repeated statement with parameters under its name, keeping the callback', async () => {
      const client = new PreparingClient();
      const callback = jest.fn();
      await client.query('SELECT $1::int', [1]);
      client.query('SELECT $1::int', [2], callback);
      expect(sent[0]).toEqual(['SELECT $1::int', [1]]);
      expect(sent[1]).toEqual([
        { name: expect.stringMatching(/^chedun_/), text: 'SELECT $1::int', values: [2] },
        callback,
      ]);
    });

    it('leaves text without parameters and query objects (cursors, streams) as they were', async () => {
      const client = new PreparingClient();
      const cursor = { text: 'SELECT 1', submit: () => undefined };
      for (let i = 0; i < 3; i += 1) {
        await client.query('BEGIN');
        await client.query('SELECT 1', []);
        client.query(cursor as never);
      }
      expect(sent).toEqual([
        ['BEGIN'],
        ['SELECT 1', []],
        [cursor],
        ['BEGIN'],
        ['SELECT 1', []],
        [cursor],
        ['BEGIN'],
        ['SELECT 1', []],
        [cursor],
      ]);
    });
  });
});
