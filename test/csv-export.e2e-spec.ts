import { Writable } from 'node:stream';
import { csvLineSql, csvRow, streamCsv } from '@chedun/ledger';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

/** Text a person might type into a product or merchant name, each a case of the CSV rules. */
const NAMES = [
  'plain',
  '',
  '=SUM(A1:A9)',
  '+86 21',
  '-5',
  '@cmd',
  '\tlead tab',
  '\rlead CR',
  'a,b',
  'say "hi"',
  'two\nlines',
  'crlf\r\nin',
  'back\\slash \\n not an escape',
  '中文名 · 电影《长安》',
  'x\u000by\fz\bw',
  '🎬 film',
  ' spaces ',
  "it's",
];

/**
 * The database formats the export's lines (csvLineSql) and COPY carries them: every field must come out exactly as
 * csvRow writes the same value in JavaScript, through the real COPY path (escapes, markers, CRLF).
 */
describe('CSV export formatting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.sql('CREATE TABLE csv_probe (n int PRIMARY KEY, name text, at timestamptz, flag boolean, amount bigint)');
    for (const [n, name] of NAMES.entries()) {
      await t.sql('INSERT INTO csv_probe VALUES ($1, $2, $3, $4, $5)', [
        n,
        name,
        new Date(Date.UTC(2026, 0, 1, 0, 0, n, 7 * n)),
        n % 2 === 0,
        -n * 1001,
      ]);
    }
    await t.sql('INSERT INTO csv_probe VALUES ($1, NULL, NULL, NULL, NULL)', [NAMES.length]);
  });
  afterAll(async () => {
    await t.sql('DROP TABLE csv_probe');
    await t.close();
  });

  async function exportProbe(minN: number): Promise<string> {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const line = csvLineSql([
      { plain: 'n' },
      { text: 'name' },
      { timestamp: 'at' },
      { plain: 'flag' },
      { plain: 'amount' },
      { plain: '$2::text' },
      { major: 'amount' },
    ]);
    const count = await streamCsv(
      t.app.get(DataSource),
      out,
      { sql: `SELECT ${line} FROM csv_probe WHERE n >= $1 ORDER BY n`, params: [minN, 'CNY'] },
      ['n', 'name', 'at', 'flag', 'amount', 'currency', 'amount_yuan'],
      async (read) => [
        ['ROWS', (await read<{ c: string }>('SELECT count(*)::text AS c FROM csv_probe WHERE n >= $1', [minN]))[0]?.c],
      ],
    );
    expect(count).toBe(NAMES.length + 1 - minN);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('writes every field as csvRow does, text defused and quoted, NULL empty, lines in CRLF', async () => {
    const expected =
      '\uFEFF' +
      csvRow(['n', 'name', 'at', 'flag', 'amount', 'currency', 'amount_yuan']) +
      NAMES.map((name, n) =>
        csvRow([
          n,
          name,
          new Date(Date.UTC(2026, 0, 1, 0, 0, n, 7 * n)),
          n % 2 === 0,
          -n * 1001,
          'CNY',
          { major: -n * 1001 },
        ]),
      ).join('') +
      csvRow([NAMES.length, null, null, null, null, 'CNY', null]) +
      csvRow(['ROWS', String(NAMES.length + 1)]);
    expect(await exportProbe(0)).toBe(expected);
  });

  it('takes its parameters as literals: a filter on them still filters', async () => {
    const text = await exportProbe(NAMES.length - 1);
    expect(text.trim().split('\r\n')).toHaveLength(1 + 2 + 1);
  });
});
