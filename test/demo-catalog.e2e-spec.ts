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
