import { shanghaiDate } from '@chedun/kernel';
import { DEMO_LOGINS, DemoSeeder } from '../apps/api/src/demo/demo-seeder';
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
      UNION ALL SELECT 'keyArt', count(key_art_media_id)::text FROM film_ips
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
      // Each demo film has its drawn poster as key art.
      keyArt: 7,
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

  it('gives the demo studio a sales history through the real checkout: a non-empty, balanced report and an issued statement; twice is once', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.run();
    const started = Date.now();
    await seeder.run();
    const rerunMs = Date.now() - started;
    const login = async (email: string) =>
      (
        await t.gql(
          `mutation($e: String!) { logIn(input: { email: $e, password: "${DEMO_LOGINS.password}" }) { accessToken } }`,
          { e: email },
        )
      ).data!['logIn'].accessToken as string;
    const studioToken = await login('studio@xinshe.test');
    const [studio] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Xinshe Studio'`);
    const now = t.clock.now();
    const from = shanghaiDate(new Date(now.getTime() - 130 * 86_400_000));
    const to = shanghaiDate(now);

    const report = await t.gql(
      `query($s: ID!, $from: Date!, $to: Date!) { royaltyReport(studioId: $s, from: $from, to: $to) { totals { gross { amountMinor } refunded { amountMinor } royalty { amountMinor } } } }`,
      { s: studio!.id, from, to },
      studioToken,
    );
    expect(report.errors).toBeUndefined();
    const totals = report.data!['royaltyReport'].totals;
    expect(totals.gross.amountMinor).toBeGreaterThan(0);
    expect(totals.refunded.amountMinor).toBeGreaterThan(0);
    expect(totals.royalty.amountMinor).toBeGreaterThan(0);

    const statements = await t.gql(
      `query($s: ID!) { royaltyStatements(studioId: $s) { month status lineCount } }`,
      { s: studio!.id },
      studioToken,
    );
    expect(statements.data!['royaltyStatements']).toEqual([
      { month: expect.stringMatching(/^\d{4}-\d{2}$/), status: 'ISSUED', lineCount: expect.any(Number) },
    ]);
    expect(statements.data!['royaltyStatements'][0].lineCount).toBeGreaterThan(0);

    // Sales span three past months, each paid order went through the development gateway's confirmation.
    const [history] = await t.sql<{ months: number; orders: number; unpaid: number; payments: number }>(
      `SELECT count(DISTINCT to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))::int AS months, count(*)::int AS orders,
              count(*) FILTER (WHERE paid_at IS NULL)::int AS unpaid,
              (SELECT count(*)::int FROM payments p WHERE p.order_id = ANY(array_agg(o.id)) AND p.status <> 'REQUIRES_PAYMENT') AS payments
         FROM orders o JOIN users u ON u.id = o.buyer_user_id WHERE u.email = 'visitor@chedun.test'`,
    );
    expect(history).toEqual({ months: 3, orders: 18, unpaid: 0, payments: 18 });

    const adminToken = await login('admin@chedun.test');
    const reconciliation = await t.gql(
      `query($from: Date!, $to: Date!) { reconciliation(from: $from, to: $to) { grossPaid { amountMinor } providerPayments discrepancies { check reference detail } } }`,
      { from, to },
      adminToken,
    );
    expect(reconciliation.data!['reconciliation']).toMatchObject({ providerPayments: 18, discrepancies: [] });
    expect(reconciliation.data!['reconciliation'].grossPaid.amountMinor).toBeGreaterThan(totals.gross.amountMinor);
    // One past month alone: the development provider dated its payments by the clock too, so they match that month's orders.
    const month = statements.data!['royaltyStatements'][0].month as string;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const single = await t.gql(
      `query($from: Date!, $to: Date!) { reconciliation(from: $from, to: $to) { providerPayments discrepancies { check reference } } }`,
      { from: `${month}-01`, to: `${month}-${lastDay}` },
      adminToken,
    );
    expect(single.data!['reconciliation']).toEqual({ providerPayments: 6, discrepancies: [] });
    // A restart finds the statement and does nothing more, quickly.
    expect(rerunMs).toBeLessThan(2_000);
  });
});
