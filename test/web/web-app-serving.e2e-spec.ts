import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR } from '../support/browser';
import { approveAndPublish, createMerchandise, licensedMerchant, Licensed, ok } from '../support/catalog';
import { photo, setGallery, upload } from '../support/media';
import { startTestApp, TestApp } from '../support/test-app';

/** The API serves the built web app at / and answers page paths with it, without shadowing its own routes. */
describe('web app served by the API', () => {
  let t: TestApp;
  const html = { accept: 'text/html,application/xhtml+xml' };

  let published: { id: string };
  let draft: { id: string };
  let l: Licensed;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR, PUBLIC_WEB_URL: 'http://shop.test' } });
    l = await licensedMerchant(t);
    published = await createMerchandise(t, l, {
      name: 'Lantern tee',
      nameZh: `</title><script>alert(1)</script> "灯" & '笼'`,
      description: 'Cotton tee <b>bold</b> with the lantern motif',
    });
    await ok(
      t.gql(
        `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`,
        { i: { productId: published.id, images: ['https://img.example.com/tee.webp?w=1200&h=630'] } },
        l.merchant.token,
      ),
      'updateProduct',
    );
    await approveAndPublish(t, l, published.id);
    draft = await createMerchandise(t, l, { name: 'Draft mug', nameZh: '草稿杯' });
  });
  afterAll(() => t?.close());

  it('serves index.html at / and for deep links, never cached', async () => {
    for (const path of ['/', '/studio', '/merchant?tab=licenses', '/orders/123']) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: html });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets for a year and answers a missing asset with 404, not the page', async () => {
    const [script] = readdirSync(join(WEB_DIR, 'assets')).filter((f) => f.endsWith('.js'));
    const res = await fetch(`${t.baseUrl}/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${t.baseUrl}/assets/missing-0000.js`, { headers: html })).status).toBe(404);
    // Nor any other file that is not there: a browser or crawler asking for an icon gets no shop page.
    for (const path of ['/apple-touch-icon.png', '/missing.js.map', '/wp-login.php']) {
      const missing = await fetch(`${t.baseUrl}${path}`, { headers: html });
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain('<div id="root">');
    }
  });

  it("sends the build's brotli or gzip copy of an asset to a client that accepts it, and the plain file otherwise", async () => {
    const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(WEB_DIR, 'index.html'), 'utf8'))![1]!;
    const plain = readFileSync(join(WEB_DIR, 'assets', entry), 'utf8');
    // Browsers list gzip first; brotli is still chosen, being the smaller.
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await fetch(`${t.baseUrl}/assets/${entry}`, { headers: { 'accept-encoding': accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(plain) / 2);
      expect(await res.text()).toBe(plain); // fetch decodes it: the copy is the file.
    }
    const identity = await fetch(`${t.baseUrl}/assets/${entry}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(identity.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await identity.text()).toBe(plain);
  });

  it('compresses pages and GraphQL answers on the way out', async () => {
    const page = await fetch(`${t.baseUrl}/`, { headers: { ...html, 'accept-encoding': 'br, gzip' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const answer = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ __schema { types { name description } } }' }),
    });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    const body = (await answer.json()) as { data: { __schema: { types: unknown[] } } };
    expect(body.data.__schema.types.length).toBeGreaterThan(20);
  });

  it('serves robots.txt, a real favicon and a sitemap of the products on sale', async () => {
    const robots = await fetch(`${t.baseUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    const rules = await robots.text();
    expect(rules).toMatch(/^User-agent: \*$/m);
    expect(rules).toMatch(/^Disallow: \/merchant$/m);
    expect(rules).toMatch(/^Disallow: \/studio$/m);
    expect(rules).toMatch(/^Sitemap: http:\/\/shop\.test\/sitemap\.xml$/m);

    const icon = await fetch(`${t.baseUrl}/favicon.ico`, { headers: html });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\//);
    expect([...Buffer.from(await icon.arrayBuffer()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // the ICO signature

    const sitemap = await fetch(`${t.baseUrl}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await sitemap.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<loc>http://shop.test/products/${published.id}</loc>`);
    // Each film's page, rather than its search page (the same list a second time).
    expect(xml).toContain(`<loc>http://shop.test/ip/${l.filmIpId}</loc>`);
    expect(xml).not.toContain('search?ip=');
    expect(xml).not.toContain(draft.id);
  });

  it('gives a product page its own title, description and Open Graph tags, and a script-free summary, all escaped', async () => {
    const res = await fetch(`${t.baseUrl}/products/${published.id}`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const page = await res.text();
    const escapedName = '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;灯&quot; &amp; &#39;笼&#39;';
    expect(page).toContain(`<title>${escapedName} · 车墩集市 Chedun Market</title>`);
    expect(page).toContain(`<meta property="og:title" content="${escapedName} · 车墩集市 Chedun Market" />`);
    expect(page).toMatch(/<meta name="description" content="宝莲灯 · Xiangdi Art Center · ¥99\.00 起。[^"]*&lt;b&gt;/);
    expect(page).toMatch(/<meta property="og:description" content="[^"]+" \/>/);
    expect(page).toContain(`<meta property="og:url" content="http://shop.test/products/${published.id}" />`);
    expect(page).toContain('<meta property="og:image" content="https://img.example.com/tee.webp?w=1200&amp;h=630" />');
    expect(page).toContain('<meta property="product:price:amount" content="99.00" />');
    expect(page).toContain(`<link rel="canonical" href="http://shop.test/products/${published.id}" />`);
    expect(page).toMatch(
      new RegExp(`<noscript><article class="product"><h1>${escapedName.replace(/[()]/g, '\\$&')}</h1><p>[^<]*¥99\\.00`),
    );
    // Two scripts, the app's own bundle and the JSON-LD: nothing the merchant typed became markup.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).not.toContain('<b>');
    const [, json] = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)!;
    expect(JSON.parse(json!)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: `</title><script>alert(1)</script> "灯" & '笼'`,
      alternateName: 'Lantern tee',
      description: 'Cotton tee <b>bold</b> with the lantern motif',
      sku: published.id,
      url: `http://shop.test/products/${published.id}`,
      image: ['https://img.example.com/tee.webp?w=1200&h=630'],
      brand: { '@type': 'Brand', name: '宝莲灯' },
      offers: {
        '@type': 'Offer',
        url: `http://shop.test/products/${published.id}`,
        price: '99.00',
        priceCurrency: 'CNY',
        availability: 'https://schema.org/InStock',
        seller: { '@type': 'Organization', name: 'Xiangdi Art Center' },
      },
    });
    expect(page).toContain('<div id="root"></div>');
  });

  it("makes a product's first uploaded picture its Open Graph image, ahead of image URLs held elsewhere", async () => {
    const pictured = await createMerchandise(t, l, { name: 'Lantern mug', nameZh: '灯笼马克杯' });
    await ok(
      t.gql(
        `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`,
        { i: { productId: pictured.id, images: ['https://img.example.com/mug.webp'] } },
        l.merchant.token,
      ),
      'updateProduct',
    );
    const [first] = await setGallery(t, l.merchant, pictured.id, [3, 4]);
    await approveAndPublish(t, l, pictured.id);
    const page = await (await fetch(`${t.baseUrl}/products/${pictured.id}`, { headers: html })).text();
    expect(page).toContain(`<meta property="og:image" content="http://shop.test${first!.url}" />`);
  });

  it('answers 404 for a product the shop does not list, still with the app, which shows a merchant their draft', async () => {
    for (const path of [
      `/products/${draft.id}`,
      '/products/00000000-0000-4000-8000-000000000000',
      '/products/not-an-id',
      '/products/%E0%A4%A',
    ]) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: html });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const page = await res.text();
      expect(page).toContain('<div id="root"></div>');
      expect(page).toContain('<meta name="robots" content="noindex" />');
      expect(page).not.toContain('og:image');
    }
  });

  it("serves a film's page with its title, description, canonical, key art and a script-free summary", async () => {
    await ok(
      t.gql(
        `mutation($id: ID!, $i: UpdateFilmIpInput!) { updateFilmIp(id: $id, input: $i) { id } }`,
        { id: l.filmIpId, i: { year: 1999, synopsis: 'A boy frees his mother.', synopsisZh: '沉香<劈山>救母。' } },
        l.studio.token,
      ),
      'updateFilmIp',
    );
    await ok(
      t.gql(
        `mutation($i: RecordFilmingLocationInput!) { recordFilmingLocation(input: $i) { id mapUrl } }`,
        { i: { filmIpId: l.filmIpId, nameEn: 'Film Park', nameZh: '影视乐园', latitude: 30.94, longitude: 121.31 } },
        l.studio.token,
      ),
      'recordFilmingLocation',
    );
    const res = await fetch(`${t.baseUrl}/ip/${l.filmIpId}`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const page = await res.text();
    expect(page).toContain('<title>宝莲灯 Lotus Lantern (1999) · 车墩集市 Chedun Market</title>');
    expect(page).toMatch(
      /<meta name="description" content="《宝莲灯》 1999 · Xinshe Studio。沉香&lt;劈山&gt;救母。" \/>/,
    );
    expect(page).toContain(`<link rel="canonical" href="http://shop.test/ip/${l.filmIpId}" />`);
    expect(page).toContain('<meta property="og:type" content="video.movie" />');
    // No key art from the studio: the newest listed product's first picture stands in.
    expect(page).toMatch(/<meta property="og:image" content="http:\/\/shop\.test\/media\/[0-9a-f]{64}[^"]*" \/>/);
    expect(page).toMatch(/<noscript><article class="product"><h1>宝莲灯 Lotus Lantern \(1999\)<\/h1>/);
    expect(page).toContain('<p>A boy frees his mother.</p>');
    expect(page).toContain('https://www.openstreetmap.org/?mlat=30.94&amp;mlon=121.31');
    expect(page).toContain(`<a href="/search?ip=${l.filmIpId}">`);
    expect(page.match(/<script/g)).toHaveLength(1);

    // The studio's own key art, once set, is the preview's picture ahead of any product's.
    const art = await upload(t, await photo('png', 70), { token: l.studio.token });
    await ok(
      t.gql(
        `mutation($f: ID!, $m: ID) { setFilmIpKeyArt(filmIpId: $f, mediaId: $m) { id } }`,
        { f: l.filmIpId, m: art.body.id },
        l.studio.token,
      ),
      'setFilmIpKeyArt',
    );
    const withArt = await (await fetch(`${t.baseUrl}/ip/${l.filmIpId}`, { headers: html })).text();
    expect(withArt).toContain(`<meta property="og:image" content="http://shop.test${art.body.url}" />`);
  });

  it('answers 404 with the app for a film id nobody has, or one that is no id', async () => {
    for (const path of ['/ip/00000000-0000-4000-8000-000000000000', '/ip/not-an-id', '/ip/%E0%A4%A']) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: html });
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page).toContain('<div id="root"></div>');
      expect(page).toContain('<meta name="robots" content="noindex" />');
    }
  });

  it('describes the home and search pages, and keeps consoles out of search results', async () => {
    const home = await (await fetch(`${t.baseUrl}/`, { headers: html })).text();
    expect(home).toMatch(/<meta name="description" content="[^"]{40,}" \/>/);
    expect(home).toContain('<meta property="og:url" content="http://shop.test/" />');
    expect(home).toMatch(/<noscript>.*<a href="\/search">/);
    const search = await (await fetch(`${t.baseUrl}/search?q=%22%3E%3Cscript%3E`, { headers: html })).text();
    expect(search).toContain('<title>搜索 Search · 车墩集市 Chedun Market</title>');
    expect(search).not.toContain('"><script>');
    const filmIp = await (await fetch(`${t.baseUrl}/search?ip=${l.filmIpId}&sort=NEWEST`, { headers: html })).text();
    expect(filmIp).toContain('<title>宝莲灯 Lotus Lantern 授权周边与片场体验 · 车墩集市 Chedun Market</title>');
    expect(filmIp).toContain(`<link rel="canonical" href="http://shop.test/search?ip=${l.filmIpId}" />`);
    const studio = await (await fetch(`${t.baseUrl}/studio`, { headers: html })).text();
    expect(studio).toContain('<meta name="robots" content="noindex" />');
  });

  it("loads no console code on a storefront page: the first scripts hold none of the consoles' operations", () => {
    const index = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const initial = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    const pages = join(__dirname, '../../apps/web/src/pages');
    const consoleOperations = readdirSync(pages)
      .filter((f) => /^(merchant|studio)-/.test(f))
      .flatMap((f) =>
        // Operation names are PascalCase (DESIGN's house style), which keeps prose like "a query of its own" out.
        [...readFileSync(join(pages, f), 'utf8').matchAll(/\b(?:query|mutation) ([A-Z]\w*)/g)].map((m) => m[1]!),
      );
    expect(consoleOperations.length).toBeGreaterThan(10);
    const firstScripts = initial.map((f) => readFileSync(join(WEB_DIR, 'assets', f), 'utf8')).join('\n');
    const allScripts = readdirSync(join(WEB_DIR, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(WEB_DIR, 'assets', f), 'utf8'))
      .join('\n');
    for (const name of consoleOperations) {
      expect(allScripts).toMatch(new RegExp(`(query|mutation) ${name}\\b`)); // built, in a chunk of its own
      expect(firstScripts).not.toMatch(new RegExp(`(query|mutation) ${name}\\b`));
    }
  });

  it('leaves the API paths to the API', async () => {
    const health = await fetch(`${t.baseUrl}/health`, { headers: html });
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    const webhook = await fetch(`${t.baseUrl}/webhooks/stripe`, { headers: html });
    expect(await webhook.text()).not.toContain('<div id="root">');
    const reports = await fetch(`${t.baseUrl}/reports/anything`, { headers: html });
    expect(await reports.text()).not.toContain('<div id="root">');
    // Signed brand-asset links and tag sheets are files a browser opens in a tab or downloads, never the shop.
    for (const path of [`/brand-assets/${'0'.repeat(8)}`, `/verification-tags/${'0'.repeat(8)}`]) {
      const file = await fetch(`${t.baseUrl}${path}`, { headers: html });
      expect({ path, status: file.status }).toEqual({ path, status: path.startsWith('/brand') ? 403 : 401 });
      expect(await file.text()).not.toContain('<div id="root">');
    }
    // A browser opening an image URL (an <img> fails quietly; a tab must not show the shop for a missing picture).
    const image = await fetch(`${t.baseUrl}/media/${'0'.repeat(64)}.webp`, { headers: html });
    expect(image.status).toBe(404);
    expect(await image.text()).not.toContain('<div id="root">');
    const graphql = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('does not answer API clients asking for JSON with the page', async () => {
    const res = await fetch(`${t.baseUrl}/no-such-endpoint`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
  });
});
