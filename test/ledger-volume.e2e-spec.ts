import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { organizationOwner, Party } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

/** Lines seeded for the volume suite; LEDGER_VOLUME_LINES=1000000 reproduces the million-line measurement. */
const LINES = Number(process.env['LEDGER_VOLUME_LINES'] ?? 200_000);

/**
 * A studio with many order lines in one month: the report's totals equal the raw SQL aggregate over the same rows,
 * and the CSV streams every line with bounded memory.
 */
describe(`ledger at volume (${LINES} lines)`, () => {
  let t: TestApp;
  let studio: Party;
  beforeAll(async () => {
    t = await startTestApp();
    studio = await organizationOwner(t, 'STUDIO', 'Volume Studio');
    // Written straight to the tables (entries without postings stand in for the sale entries) so seeding takes seconds.
    await t.sql(
      `WITH e AS (
         INSERT INTO journal_entries (kind, source_id, occurred_at)
         SELECT 'ADJUSTMENT', 'volume-' || g, timestamptz '2026-10-01 00:00+08' + (g % 2592000) * interval '1 second'
           FROM generate_series(1, $1::int) g RETURNING id, occurred_at)
       INSERT INTO sale_line_splits (order_line_id, order_id, entry_id, studio_id, studio_name, merchant_id, merchant_name, license_id,
         film_ip_id, product_id, product_name, currency, gross_minor, royalty_bps, fee_bps, royalty_minor, fee_minor, merchant_minor, paid_at)
       SELECT gen_random_uuid(), gen_random_uuid(), e.id, $2, 'Volume Studio', $3, 'Volume Merchant', $4, $5, gen_random_uuid(),
              'Volume cap', 'CNY', 9900, 1200, 1000, 1188, 990, 7722, e.occurred_at
         FROM e`,
      [LINES, studio.organizationId, randomUUID(), randomUUID(), randomUUID()],
    );
    await t.sql('ANALYZE sale_line_splits');
  }, 300_000);
  afterAll(() => t.close());

  // Speed against the raw aggregate is measured by `npm run bench` (royalty scenario), never timed in a test.
  it('answers the report totals exactly as the raw aggregate over the same rows', async () => {
    const TOTALS = `query($s: ID!) { royaltyReport(studioId: $s, from: "2026-10-01", to: "2026-10-31") { totals { gross { amountMinor } royalty { amountMinor } lineCount } } }`;
    const [raw] = await t.sql<{ gross: string; royalty: string; lines: string }>(
      `SELECT sum(gross_minor) AS gross, sum(royalty_minor) AS royalty, count(*) AS lines FROM sale_line_splits
        WHERE studio_id = $1 AND currency = 'CNY' AND paid_at >= '2026-10-01 00:00+08' AND paid_at < '2026-11-01 00:00+08'`,
      [studio.organizationId],
    );
    const totals = (await t.gql(TOTALS, { s: studio.organizationId }, studio.token)).data?.royaltyReport.totals;
    expect(Number(raw!.lines)).toBe(LINES);
    expect(totals).toEqual({
      gross: { amountMinor: Number(raw!.gross) },
      royalty: { amountMinor: Number(raw!.royalty) },
      lineCount: LINES,
    });
  }, 120_000);

  it('streams the CSV of every line with bounded memory', async () => {
    // A full collection before each sample measures what is retained, not garbage waiting for the collector.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      gc();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 2_000);
    const started = performance.now();
    let bytes = 0;
    let newlines = 0;
    try {
      const res = await fetch(
        `${t.baseUrl}/reports/royalties.csv?studioId=${studio.organizationId}&from=2026-10-01&to=2026-10-31`,
        {
          headers: { authorization: `Bearer ${studio.token}` },
        },
      );
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) newlines++;
      }
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - started;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `volume: CSV ${LINES} lines, ${mb(bytes)} MB in ${ms.toFixed(0)} ms; heap +${mb(peakHeap - before.heapUsed)} MB, rss +${mb(peakRss - before.rss)} MB\n`,
    );
    expect(newlines).toBe(LINES + 2);
    // The whole file never sits in memory: what stays live is a few batches, far under the file's size.
    expect(peakHeap - before.heapUsed).toBeLessThan(Math.min(32 * 1024 * 1024, bytes / 4));
  }, 300_000);
  it('stops the COPY when the client goes away, and the pool keeps only healthy connections', async () => {
    const aborted = new AbortController();
    const res = await fetch(
      `${t.baseUrl}/reports/royalties.csv?studioId=${studio.organizationId}&from=2026-10-01&to=2026-10-31`,
      {
        headers: { authorization: `Bearer ${studio.token}` },
        signal: aborted.signal,
      },
    );
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const [copy] = await t.sql<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND state = 'active'`,
    );
    expect(copy).toBeDefined();
    aborted.abort();
    // Its connection is closed, not handed back mid-COPY (which would stream the rest of the file to nobody).
    const alive = async () => (await t.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [copy!.pid])).length > 0;
    // Well before the pool's idle timeout (10 s), which would close any idle connection anyway.
    const deadline = Date.now() + 5_000;
    while ((await alive()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await alive()).toBe(false);
    // More requests at once than the pool has connections: a connection left mid-COPY would answer one of them wrongly.
    const TOTALS = `query($s: ID!) { royaltyReport(studioId: $s, from: "2026-10-01", to: "2026-10-01") { totals { lineCount } } }`;
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => t.gql(TOTALS, { s: studio.organizationId }, studio.token)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data?.royaltyReport.totals.lineCount)).size).toBe(1);
  }, 120_000);
});
