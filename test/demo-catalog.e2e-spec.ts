import { DemoSeeder } from '../apps/api/src/demo/demo-seeder';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `query($text: String, $filter: ProductFilter) { searchProducts(text: $text, filter: $filter, first: 100) { totalCount edges { node { id name nameZh kind } } } }`;

describe('demo catalog seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds a browsable bilingual shop from the licensing demo data once, and nothing on a second run', async () => {
    const started = Date.now();
    await t.app.get(DemoSeeder).run();
    process.stdout.write(`demo: seeded in ${Date.now() - started} ms\n`);
    const [{ n: created }] = (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM products WHERE status = 'PUBLISHED'`,
    )) as [{ n: number }];
    process.stdout.write(`demo: ${created} published demo products\n`);
    expect(created).toBeGreaterThanOrEqual(40);
    expect(created).toBeLessThanOrEqual(60);

    await t.app.get(DemoSeeder).run();
    expect(await t.sql(`SELECT count(*)::int AS n FROM products`)).toEqual([{ n: created }]);

    const all = await t.gql(SEARCH, { text: null, filter: {} });
    expect(all.data?.searchProducts.totalCount).toBe(created);
    expect(new Set(all.data?.searchProducts.edges.map((e: any) => e.node.kind))).toEqual(
      new Set(['MERCHANDISE', 'EXPERIENCE']),
    );
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

  it('runs sessions when they can happen: night tours, stays and screenings in the evening, the rest inside the venue hours', async () => {
    await t.app.get(DemoSeeder).run();
    const slots = await t.sql<{
      name: string;
      opening: string;
      starts: string;
      ends: string;
      endDay: string;
      day: string;
    }>(
      `SELECT p.name, v.opening_notes AS opening,
              to_char(s.starts_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS starts,
              to_char(s.ends_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') AS ends,
              to_char(s.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
              to_char(s.ends_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "endDay"
         FROM time_slots s JOIN products p ON p.id = s.product_id JOIN venues v ON v.id = p.venue_id`,
    );
    // By what the product is, not its film's title ("Night Train to Chedun filming location tour" is a daytime tour).
    const isEvening = (name: string) => /(night tour|ranch night|open-air screening)$/i.test(name);
    const evening = slots.filter((s) => isEvening(s.name));
    expect(evening.length).toBeGreaterThan(0);
    for (const slot of evening) expect([slot.name, slot.starts >= '18:00']).toEqual([slot.name, true]);
    const daytime = slots.filter((s) => !isEvening(s.name));
    expect(daytime.length).toBeGreaterThan(0);
    for (const slot of daytime) {
      // The venue's hours as its notes give them (the first HH:MM–HH:MM), the session wholly inside them.
      const [, opens, closes] = /(\d\d:\d\d)[–-](\d\d:\d\d)/.exec(slot.opening)!;
      expect([slot.name, slot.day === slot.endDay && slot.starts >= opens! && slot.ends <= closes!]).toEqual([
        slot.name,
        true,
      ]);
    }
    // The notes say when the evening sessions are, so a visitor does not read "closes at 17:00" above a 19:00 tour.
    const venuesWithEvenings = new Set(evening.map((s) => s.opening));
    for (const notes of venuesWithEvenings) expect(notes).toMatch(/18:00/);
    // Run alone, this test seeds: as long as the first.
  }, 120_000);

  it('speaks Chinese in the Chinese interface: venue addresses and notes, film synopses and the studio reasons', async () => {
    await t.app.get(DemoSeeder).run();
    const CJK = /\p{Script=Han}/u;
    const venues = await t.sql<{ addressZh: string | null; notes: string }>(
      `SELECT address_zh AS "addressZh", opening_notes AS notes FROM venues`,
    );
    expect(venues.length).toBe(3);
    for (const v of venues) {
      expect(v.addressZh).toMatch(CJK);
      expect(v.notes).toMatch(CJK);
    }
    const ips = await t.gql(`query { filmIps(first: 50) { edges { node { title synopsis synopsisZh } } } }`);
    const nodes = ips.data!.filmIps.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const ip of nodes) expect([ip.title, CJK.test(ip.synopsisZh ?? '')]).toEqual([ip.title, true]);
    const reasons = await t.sql<{ reason: string }>(
      `SELECT status_reason AS reason FROM licenses WHERE status_reason IS NOT NULL
       UNION ALL SELECT decision_reason FROM license_applications WHERE decision_reason IS NOT NULL`,
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r.reason).toMatch(CJK);
  }, 120_000);

  it('gives every published demo product a drawn poster whose renditions are served as WebP', async () => {
    await t.app.get(DemoSeeder).run();
    const withoutGallery = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM products p WHERE p.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM product_media m WHERE m.product_id = p.id)`,
    );
    expect(withoutGallery).toEqual([{ n: 0 }]);

    const hits = await t.gql(SEARCH, { text: null, filter: {} });
    const sample = hits.data?.searchProducts.edges.slice(0, 3).map((e: any) => e.node.id) as string[];
    expect(sample).toHaveLength(3);
    for (const id of sample) {
      const res = await t.gql(
        `query($id: ID!) { product(id: $id) { name nameZh media { url cardUrl thumbnailUrl width height alt altZh } } }`,
        { id },
      );
      const product = res.data?.product;
      expect(product.media).toHaveLength(1);
      const [image] = product.media;
      expect(image).toMatchObject({
        width: 720,
        height: 720,
        alt: `Poster for ${product.name}`,
        altZh: `${product.nameZh}海报`,
      });
      for (const url of [image.url, image.cardUrl, image.thumbnailUrl]) {
        const file = await fetch(`${t.baseUrl}${url}`);
        expect([url, file.status, file.headers.get('content-type')]).toEqual([url, 200, 'image/webp']);
        expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
    }

    // Search hits carry their cover, the gallery's first image, so result cards show it.
    const covers = await t.gql(`{ searchProducts(first: 50) { edges { node { id cover { cardUrl url altZh } } } } }`);
    const edges = covers.data?.searchProducts.edges as {
      node: { id: string; cover: { cardUrl: string; url: string; altZh: string } | null };
    }[];
    expect(edges.length).toBeGreaterThan(10);
    expect(edges.filter((e) => !e.node.cover)).toEqual([]);
    const [first] = await t.sql<{ url: string }>(
      `SELECT '/media/' || m.card_key AS url FROM product_media pm JOIN media m ON m.id = pm.media_id WHERE pm.product_id = $1 AND pm.position = 0`,
      [edges[0]!.node.id],
    );
    expect(edges[0]!.node.cover!.cardUrl).toBe(first!.url);
  }, 60_000);
});
