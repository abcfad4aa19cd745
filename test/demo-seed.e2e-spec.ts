import { DemoSeeder } from '../apps/api/src/demo/demo-seeder';
import { startTestApp, TestApp } from './support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    t.sql<{ what: string; n: string }>(`
      SELECT 'ips' AS what, count(*)::text AS n FROM film_ips
      UNION ALL SELECT 'locations', count(*)::text FROM filming_locations
      UNION ALL SELECT 'offers', count(*)::text FROM license_offers
      UNION ALL SELECT 'pending', count(*)::text FROM license_applications WHERE status = 'PENDING'
      UNION ALL SELECT 'active', count(*)::text FROM licenses WHERE status = 'ACTIVE'
      UNION ALL SELECT 'suspended', count(*)::text FROM licenses WHERE status = 'SUSPENDED'
      ORDER BY what`);

  it('gives each studio 2-3 IPs with offers, and merchants licenses, a pending application and a suspended license; twice is once', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.run();
    const first = await snapshot();
    expect(Object.fromEntries(first.map((r) => [r.what, Number(r.n)]))).toEqual({
      ips: 7,
      locations: 4,
      offers: 7,
      pending: 1,
      active: 4,
      suspended: 1,
    });
    const perStudio = await t.sql<{ name: string; n: string }>(
      `SELECT o.name, count(*)::text AS n FROM film_ips f JOIN organizations o ON o.id = f.studio_id GROUP BY o.name ORDER BY o.name`,
    );
    expect(perStudio).toEqual([
      { name: 'Wuyue Films', n: '3' },
      { name: 'Xingxi Pictures', n: '2' },
      { name: 'Xinshe Studio', n: '2' },
    ]);
    const held = await t.sql<{ name: string }>(
      `SELECT DISTINCT o.name FROM licenses l JOIN organizations o ON o.id = l.merchant_id ORDER BY o.name`,
    );
    expect(held.map((r) => r.name)).toEqual(['Shanghai Film Park Shop', 'Xiangdi Art Center', 'Xinshe Ranch']);

    await seeder.run();
    expect(await snapshot()).toEqual(first);
  });
});
