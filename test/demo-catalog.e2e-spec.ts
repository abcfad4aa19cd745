import { DemoSeeder } from '../apps/api/src/demo/demo-seeder';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `query($text: String, $filter: ProductFilter) { searchProducts(text: $text, filter: $filter, first: 100) { totalCount edges { node { name nameZh kind } } } }`;

describe('demo catalog seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds a browsable bilingual shop from the licensing demo data once, and nothing on a second run', async () => {
    await t.app.get(DemoSeeder).run();
    const [{ n: created }] = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM products WHERE status = 'PUBLISHED'`)) as [{ n: number }];
    process.stdout.write(`demo: ${created} published demo products\n`);
    expect(created).toBeGreaterThanOrEqual(40);
    expect(created).toBeLessThanOrEqual(60);

    await t.app.get(DemoSeeder).run();
    expect(await t.sql(`SELECT count(*)::int AS n FROM products`)).toEqual([{ n: created }]);

    const all = await t.gql(SEARCH, { text: null, filter: {} });
    expect(all.data?.searchProducts.totalCount).toBe(created);
    expect(new Set(all.data?.searchProducts.edges.map((e: any) => e.node.kind))).toEqual(new Set(['MERCHANDISE', 'EXPERIENCE']));
    expect(all.data?.searchProducts.edges.every((e: any) => e.node.nameZh)).toBe(true);
    const [{ n: suspendedLicenseProducts }] = (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM products p JOIN licenses l ON l.id = p.license_id WHERE l.status <> 'ACTIVE'`,
    )) as [{ n: number }];
    expect(suspendedLicenseProducts).toBe(0);
    const [slots] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM time_slots WHERE starts_at > now()`);
    expect(slots!.n).toBeGreaterThan(10);
    const venues = await t.sql<{ name: string }>(`SELECT name FROM venues ORDER BY name`);
    expect(venues.map((v) => v.name)).toEqual(['Shanghai Film Park', 'Xiangdi Art Center', 'Xinshe Ranch']);
  }, 60_000);
});
