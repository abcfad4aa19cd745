import { LicenseStatus } from '@chedun/kernel';
import { CatalogDemoSeeder } from '../apps/api/src/demo/catalog-demo-seeder';
import { DemoSeeder } from '../apps/api/src/demo/demo-seeder';
import { insertFilmIpFixture, insertLicenseFixture } from './support/licensing-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `query($text: String, $filter: ProductFilter) { searchProducts(text: $text, filter: $filter, first: 100) { totalCount edges { node { name nameZh kind } } } }`;

describe('demo catalog seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds a browsable bilingual shop once, and nothing on a second run', async () => {
    await t.app.get(DemoSeeder).run();
    const orgs = await t.sql<{ id: string; name: string; kind: string }>(`SELECT id, name, kind FROM organizations`);
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    // Licenses the licensing demo data provides; written here as SQL fixtures (see support/licensing-fixtures.ts).
    const grants: [string, string, string, string, string[]][] = [
      ['Xinshe Studio', 'Lotus Lantern', '宝莲灯', 'Xiangdi Art Center', ['APPAREL', 'STATIONERY', 'CRAFT', 'WORKSHOP', 'HOME']],
      ['Xingxi Pictures', 'Frontier Town', '边城', 'Xinshe Ranch', ['FOOD', 'TOUR', 'STAY', 'COLLECTIBLE']],
      ['Wuyue Films', 'Café Nights', '咖啡之夜', 'Shanghai Film Park Shop', ['HOME', 'SCREENING', 'APPAREL', 'COLLECTIBLE', 'STATIONERY']],
      ['Xinshe Studio', 'The Old Ferry', '老渡口', 'Shanghai Film Park Shop', ['TOUR', 'FOOD', 'CRAFT', 'COLLECTIBLE', 'APPAREL', 'HOME']],
    ];
    for (const [studio, title, titleZh, merchant, categories] of grants) {
      const filmIpId = await insertFilmIpFixture(t, id(studio), title, titleZh);
      await insertLicenseFixture(t, { studioId: id(studio), merchantId: id(merchant), filmIpId, categories, startsOn: '2020-01-01', endsOn: '2099-12-31' });
    }
    const suspended = await insertFilmIpFixture(t, id('Xingxi Pictures'), 'Night Market', '夜市');
    const licenseId = await insertLicenseFixture(t, {
      studioId: id('Xingxi Pictures'),
      merchantId: id('Xinshe Ranch'),
      filmIpId: suspended,
      categories: ['FOOD'],
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    await t.sql(`UPDATE licenses SET status = $2 WHERE id = $1`, [licenseId, LicenseStatus.SUSPENDED]);

    const seeder = t.app.get(CatalogDemoSeeder);
    const created = await seeder.run();
    expect(created).toBeGreaterThanOrEqual(40);
    expect(created).toBeLessThanOrEqual(60);
    expect(await seeder.run()).toBe(0);

    const all = await t.gql(SEARCH, { text: null, filter: {} });
    expect(all.data?.searchProducts.totalCount).toBe(created);
    const kinds = new Set(all.data?.searchProducts.edges.map((e: any) => e.node.kind));
    expect(kinds).toEqual(new Set(['MERCHANDISE', 'EXPERIENCE']));
    expect(all.data?.searchProducts.edges.every((e: any) => e.node.nameZh)).toBe(true);
    expect((await t.gql(SEARCH, { text: '宝莲灯' })).data?.searchProducts.totalCount).toBeGreaterThan(0);
    expect((await t.gql(SEARCH, { text: '夜市' })).data?.searchProducts.totalCount).toBe(0);
    const [slots] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM time_slots WHERE starts_at > now()`);
    expect(slots!.n).toBeGreaterThan(10);
    const venues = await t.sql<{ name: string }>(`SELECT name FROM venues ORDER BY name`);
    expect(venues.map((v) => v.name)).toEqual(['Shanghai Film Park', 'Xiangdi Art Center', 'Xinshe Ranch']);
  });
});
