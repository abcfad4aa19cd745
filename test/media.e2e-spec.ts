import sharp from 'sharp';
import { contractOperation } from './support/contract';
import { approveAndPublish, createMerchandise, licensedMerchant, Licensed, ok } from './support/catalog';
import { hugeBlankPng, photo, upload } from './support/media';
import { organizationOwner, Party, platformAdmin, signUp } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/**
 * Product media (#16): POST /media checks each upload by its content, refuses what is not a plain image or is too big,
 * strips metadata and re-encodes it into WebP renditions served with long-lived caching; setProductMedia builds a
 * merchant's gallery from its own uploads only. Runs on the default local-disk storage (DATA_DIR is a temp dir).
 */
describe('media', () => {
  let t: TestApp;
  let l: Licensed;
  let studio: Party;
  let otherMerchant: Party;
  let visitor: Party;
  let platform: Party;

  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
    [studio, otherMerchant, visitor, platform] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Artwork studio'),
      organizationOwner(t, 'MERCHANT', 'Other merchant'),
      signUp(t, 'media-visitor'),
      platformAdmin(t),
    ]);
  });
  afterAll(() => t?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers });

  describe('POST /media', () => {
    it('answers 201 with the id and URLs of the WebP renditions, which serve to anyone with year-long caching and an ETag', async () => {
      const res = await upload(t, await photo('jpeg', 1), { token: l.merchant.token });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.webp$/),
        cardUrl: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.webp$/),
        thumbnailUrl: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.webp$/),
        width: 1200,
        height: 800,
      });

      const image = await get(res.body.url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/webp');
      expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = image.headers.get('etag');
      expect(etag).toBe(`"${res.body.url.slice('/media/'.length, -'.webp'.length)}"`);
      // The same security headers as every other answer (helmet), and never sniffed as anything but an image.
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.headers.get('content-security-policy')).toContain("default-src 'self'");
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 1200, height: 800 });

      const again = await get(res.body.url, { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      const thumbnail = await sharp(Buffer.from(await (await get(res.body.thumbnailUrl)).arrayBuffer())).metadata();
      expect(thumbnail).toMatchObject({ width: 240, height: 240 });
    });

    it('lets a studio member upload too (artwork, brand assets)', async () => {
      const res = await upload(t, await photo('webp', 2), {
        token: studio.token,
        filename: 'poster.webp',
        type: 'image/webp',
      });
      expect(res.status).toBe(201);
    });

    it('knows a PNG renamed .jpg by its content, and re-encodes it like any other', async () => {
      const res = await upload(t, await photo('png', 3), {
        token: l.merchant.token,
        filename: 'really-a-png.jpg',
        type: 'image/jpeg',
      });
      expect(res.status).toBe(201);
      const [row] = await t.sql<{ source_format: string }>(`SELECT source_format FROM media WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row!.source_format).toBe('png');
      expect((await get(res.body.url)).headers.get('content-type')).toBe('image/webp');
    });

    it.each([
      [
        'an SVG file named .png',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script></svg>',
      ],
      ['an HTML file named .png', '<!doctype html><html><body><script>alert(document.domain)</script></body></html>'],
    ])('refuses %s: 400 UNSUPPORTED_TYPE, with the reason', async (_, text) => {
      const res = await upload(t, Buffer.from(text), {
        token: l.merchant.token,
        filename: 'innocent.png',
        type: 'image/png',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNSUPPORTED_TYPE',
        message: expect.stringMatching(/not a JPEG, PNG or WebP/),
      });
    });

    it('refuses a 20,000 × 20,000 pixel image (a decompression bomb of a few hundred kB): 400 TOO_MANY_PIXELS', async () => {
      const bomb = await hugeBlankPng(20_000, 20_000);
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const res = await upload(t, bomb, { token: l.merchant.token, filename: 'huge.png', type: 'image/png' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_PIXELS',
        message: expect.stringContaining('20000 × 20000'),
      });
    });

    it('refuses a truncated file: 400 CORRUPT_IMAGE', async () => {
      const whole = await photo('jpeg', 4);
      const res = await upload(t, whole.subarray(0, Math.floor(whole.length / 2)), { token: l.merchant.token });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CORRUPT_IMAGE' });
    });

    it('strips GPS and every other EXIF field: the served renditions carry no metadata', async () => {
      const located = await sharp(await photo('jpeg', 5))
        .withExifMerge({
          IFD0: { Make: 'SecretPhoneCo', Model: 'Serial-1234' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '31/1 0/1 5/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '121/1 13/1 0/1',
          },
        })
        .jpeg()
        .toBuffer();
      expect((await sharp(located).metadata()).exif?.includes(Buffer.from('SecretPhoneCo'))).toBe(true);
      const res = await upload(t, located, { token: l.merchant.token });
      expect(res.status).toBe(201);
      for (const url of [res.body.url, res.body.cardUrl, res.body.thumbnailUrl]) {
        const bytes = Buffer.from(await (await get(url)).arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect({ exif: meta.exif, xmp: meta.xmp, icc: meta.icc }).toEqual({
          exif: undefined,
          xmp: undefined,
          icc: undefined,
        });
        expect(bytes.includes(Buffer.from('SecretPhoneCo'))).toBe(false);
        expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
      }
    });

    it('answers 401 without a token and 403 to a visitor or a platform operator, each with a JSON code', async () => {
      const bytes = await photo('jpeg', 6);
      const anonymous = await upload(t, bytes);
      expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
      const badToken = await upload(t, bytes, { token: 'not.a.token' });
      expect(badToken).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
      const byVisitor = await upload(t, bytes, { token: visitor.token });
      expect(byVisitor).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      const byPlatform = await upload(t, bytes, { token: platform.token });
      expect(byPlatform).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      expect(
        await t.sql(`SELECT 1 FROM media WHERE uploaded_by = ANY($1)`, [[visitor.userId, platform.userId]]),
      ).toEqual([]);
    });

    it('answers 413 to a file over 10 MB, with a JSON code', async () => {
      const big = Buffer.concat([await photo('jpeg', 7), Buffer.alloc(10 * 1024 * 1024)]);
      const res = await upload(t, big, { token: l.merchant.token });
      expect(res).toMatchObject({ status: 413, body: { error: { code: 'BAD_USER_INPUT' } } });
    });

    it('answers 400 when the form has no `file` field or another field', async () => {
      const bytes = await photo('jpeg', 8);
      expect(await upload(t, bytes, { token: l.merchant.token, field: 'image' })).toMatchObject({
        status: 400,
        body: { error: { code: 'BAD_USER_INPUT' } },
      });
      const notMultipart = await fetch(`${t.baseUrl}/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${l.merchant.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(notMultipart.status).toBe(400);
      expect(await notMultipart.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', reason: 'MISSING_FILE' } });
    });

    it('lets a member of one organization not upload into another (organizationId)', async () => {
      const res = await upload(t, await photo('jpeg', 9), {
        token: l.merchant.token,
        query: `?organizationId=${otherMerchant.organizationId}`,
      });
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      const mine = await upload(t, await photo('jpeg', 9), {
        token: l.merchant.token,
        query: `?organizationId=${l.merchant.organizationId}`,
      });
      expect(mine.status).toBe(201);
    });

    it('answers the same media for the same file from the same organization, and shares the stored files across organizations', async () => {
      const bytes = await photo('jpeg', 10);
      const [a, b] = await Promise.all([
        upload(t, bytes, { token: l.merchant.token }),
        upload(t, bytes, { token: l.merchant.token }),
      ]);
      expect(a.body.id).toBe(b.body.id);
      const other = await upload(t, bytes, { token: otherMerchant.token });
      expect(other.body.id).not.toBe(a.body.id);
      expect(other.body.url).toBe(a.body.url);
    });
  });

  describe('GET /media/:key', () => {
    it('serves without a token, and 404 with a JSON code for an unknown or malformed key', async () => {
      const unknown = await get(`/media/${'0'.repeat(64)}.webp`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(unknown.headers.get('cache-control') ?? '').not.toContain('immutable');
      for (const path of ['/media/..%2F..%2Fetc%2Fpasswd', '/media/abc.png', `/media/${'A'.repeat(64)}.webp`]) {
        const res = await get(path, { accept: 'text/html' });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    });

    it('refuses a request with an invalid token even for a public image (the session has ended)', async () => {
      const res = await upload(t, await photo('jpeg', 11), { token: l.merchant.token });
      expect((await get(res.body.url, { authorization: 'Bearer expired.or.forged' })).status).toBe(401);
      expect((await get(res.body.url, { authorization: `Bearer ${visitor.token}` })).status).toBe(200);
    });
  });

  describe('setProductMedia', () => {
    const GALLERY = `query($id: ID!) { product(id: $id) { id status media { id url cardUrl thumbnailUrl width height alt altZh } } }`;

    it('replaces the gallery in order through the contract operation; the product shows it to the public once published', async () => {
      const product = await createMerchandise(t, l, { name: 'Gallery tee' });
      const [a, b] = [
        await upload(t, await photo('jpeg', 20), { token: l.merchant.token }),
        await upload(t, await photo('png', 21), { token: l.merchant.token }),
      ];
      const set = await t.gql(
        contractOperation('SetProductMedia'),
        { productId: product.id, mediaIds: [b.body.id, a.body.id] },
        l.merchant.token,
      );
      expect(set.errors).toBeUndefined();
      expect(set.data?.['setProductMedia']).toEqual({
        id: product.id,
        media: [
          { id: b.body.id, url: b.body.url, thumbnailUrl: b.body.thumbnailUrl },
          { id: a.body.id, url: a.body.url, thumbnailUrl: a.body.thumbnailUrl },
        ],
      });
      await approveAndPublish(t, l, product.id);
      const seen = await t.gql(GALLERY, { id: product.id });
      expect(seen.data?.['product'].media.map((m: { id: string }) => m.id)).toEqual([b.body.id, a.body.id]);
      expect(seen.data?.['product'].media[0]).toMatchObject({ width: 1200, height: 800, alt: null, altZh: null });
    });

    it('keeps alt text in both languages, and refuses alt text for an image not in the gallery', async () => {
      const product = await createMerchandise(t, l, { name: 'Alt tee' });
      const a = await upload(t, await photo('jpeg', 22), { token: l.merchant.token });
      const mutation = `mutation($p: ID!, $m: [ID!]!, $alt: [ProductMediaAltInput!]) { setProductMedia(productId: $p, mediaIds: $m, alt: $alt) { media { id alt altZh } } }`;
      const res = await t.gql(
        mutation,
        { p: product.id, m: [a.body.id], alt: [{ mediaId: a.body.id, alt: 'A red tee, front', altZh: '红色T恤正面' }] },
        l.merchant.token,
      );
      expect(res.data?.['setProductMedia'].media).toEqual([
        { id: a.body.id, alt: 'A red tee, front', altZh: '红色T恤正面' },
      ]);
      const stray = await t.gql(
        mutation,
        { p: product.id, m: [], alt: [{ mediaId: a.body.id, alt: 'gone' }] },
        l.merchant.token,
      );
      expect(errorCode(stray)).toBe('BAD_USER_INPUT');
    });

    it("refuses another organization's media id (FORBIDDEN) and an unknown one (NOT_FOUND), changing nothing", async () => {
      const product = await createMerchandise(t, l, { name: 'Guarded tee' });
      const mine = await upload(t, await photo('jpeg', 23), { token: l.merchant.token });
      await ok(
        t.gql(
          contractOperation('SetProductMedia'),
          { productId: product.id, mediaIds: [mine.body.id] },
          l.merchant.token,
        ),
        'setProductMedia',
      );
      const theirs = await upload(t, await photo('jpeg', 24), { token: otherMerchant.token });
      const studioArt = await upload(t, await photo('jpeg', 25), { token: studio.token });
      for (const foreign of [theirs.body.id, studioArt.body.id]) {
        const res = await t.gql(
          contractOperation('SetProductMedia'),
          { productId: product.id, mediaIds: [mine.body.id, foreign] },
          l.merchant.token,
        );
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      const unknown = await t.gql(
        contractOperation('SetProductMedia'),
        { productId: product.id, mediaIds: ['00000000-0000-4000-8000-000000000000'] },
        l.merchant.token,
      );
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      const duplicate = await t.gql(
        contractOperation('SetProductMedia'),
        { productId: product.id, mediaIds: [mine.body.id, mine.body.id] },
        l.merchant.token,
      );
      expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
      const gallery = await t.gql(GALLERY, { id: product.id }, l.merchant.token);
      expect(gallery.data?.['product'].media.map((m: { id: string }) => m.id)).toEqual([mine.body.id]);
    });

    it('lets only the merchant change the gallery', async () => {
      const product = await createMerchandise(t, l, { name: 'Private tee' });
      const mine = await upload(t, await photo('jpeg', 26), { token: l.merchant.token });
      const vars = { productId: product.id, mediaIds: [mine.body.id] };
      expect(errorCode(await t.gql(contractOperation('SetProductMedia'), vars))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(contractOperation('SetProductMedia'), vars, otherMerchant.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(contractOperation('SetProductMedia'), vars, platform.token))).toBe('FORBIDDEN');
    });

    it('sends a published product back for approval when its images change, not when only alt text does', async () => {
      const product = await createMerchandise(t, l, { name: 'Approved tee' });
      const first = await upload(t, await photo('jpeg', 27), { token: l.merchant.token });
      await ok(
        t.gql(
          contractOperation('SetProductMedia'),
          { productId: product.id, mediaIds: [first.body.id] },
          l.merchant.token,
        ),
        'setProductMedia',
      );
      await approveAndPublish(t, l, product.id);
      const alt = `mutation($p: ID!, $m: [ID!]!, $alt: [ProductMediaAltInput!]) { setProductMedia(productId: $p, mediaIds: $m, alt: $alt) { status } }`;
      const retext = await t.gql(
        alt,
        { p: product.id, m: [first.body.id], alt: [{ mediaId: first.body.id, alt: 'Front' }] },
        l.merchant.token,
      );
      expect(retext.data?.['setProductMedia'].status).toBe('PUBLISHED');
      const second = await upload(t, await photo('jpeg', 28), { token: l.merchant.token });
      const swapped = await t.gql(alt, { p: product.id, m: [second.body.id] }, l.merchant.token);
      expect(swapped.data?.['setProductMedia'].status).toBe('PENDING_APPROVAL');
    });

    it("never deletes a file another record still uses: replacing one product's gallery leaves the other's images served", async () => {
      const shared = await photo('jpeg', 30);
      const [p1, p2] = [
        await createMerchandise(t, l, { name: 'Mug one' }),
        await createMerchandise(t, l, { name: 'Mug two' }),
      ];
      const m = await upload(t, shared, { token: l.merchant.token });
      const theirs = await upload(t, shared, { token: otherMerchant.token });
      expect(theirs.body.url).toBe(m.body.url);
      for (const p of [p1, p2])
        await ok(
          t.gql(contractOperation('SetProductMedia'), { productId: p.id, mediaIds: [m.body.id] }, l.merchant.token),
          'setProductMedia',
        );
      const replacement = await upload(t, await photo('jpeg', 31), { token: l.merchant.token });
      await ok(
        t.gql(
          contractOperation('SetProductMedia'),
          { productId: p1.id, mediaIds: [replacement.body.id] },
          l.merchant.token,
        ),
        'setProductMedia',
      );
      await ok(
        t.gql(contractOperation('SetProductMedia'), { productId: p2.id, mediaIds: [] }, l.merchant.token),
        'setProductMedia',
      );
      for (const url of [m.body.url, m.body.cardUrl, m.body.thumbnailUrl]) expect((await get(url)).status).toBe(200);
      expect(await t.sql(`SELECT id FROM media WHERE id = ANY($1)`, [[m.body.id, theirs.body.id]])).toHaveLength(2);
    });
  });
});
