import PDFDocument from 'pdfkit';
import { LicenseStatus } from '@chedun/kernel';
import { licensedMerchant, Licensed, setLicenseStatus } from './support/catalog';
import { contractOperation } from './support/contract';
import { dayOffset } from './support/licensing';
import { photo, upload } from './support/media';
import { organizationOwner, Party, signUp } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

interface Asset {
  id: string;
  title: string;
  url: string;
  expiresAt: string;
}

function styleGuidePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5' });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text('Lotus Lantern style guide: the red is #C8102E.');
    doc.end();
  });
}

/** Issue #17: brand assets per film IP, for the studio and its ACTIVE licensees only, through signed URLs that expire. */
describe('brand assets', () => {
  let t: TestApp;
  let l: Licensed;
  let otherMerchant: Party;
  let otherStudio: Party;
  let visitor: Party;
  let pdf: Buffer;
  let pdfMediaId: string;
  let imageMediaId: string;
  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t, { title: 'Lotus Lantern', titleZh: '宝莲灯' });
    otherMerchant = await organizationOwner(t, 'MERCHANT', 'Unlicensed Shop');
    otherStudio = await organizationOwner(t, 'STUDIO', 'Other Studio');
    visitor = await signUp(t, 'brand-visitor');
    pdf = await styleGuidePdf();
    const pdfUpload = await upload(t, pdf, {
      token: l.studio.token,
      query: '?private=true',
      type: 'application/pdf',
      filename: 'style.pdf',
    });
    expect(pdfUpload).toMatchObject({ status: 201, body: { private: true, contentType: 'application/pdf' } });
    pdfMediaId = pdfUpload.body.id;
    const imageUpload = await upload(t, await photo('png', 7), { token: l.studio.token, query: '?private=true' });
    expect(imageUpload).toMatchObject({ status: 201, body: { private: true, contentType: 'image/webp' } });
    imageMediaId = imageUpload.body.id;
  });
  afterAll(() => t.close());

  function add(mediaId: string, title: string, token = l.studio.token, filmIpId = l.filmIpId) {
    return t.gql(contractOperation('AddBrandAsset'), { filmIpId, mediaId, title }, token);
  }

  async function list(token: string | undefined): Promise<{ assets: Asset[] | undefined; code: string | undefined }> {
    const res = await t.gql(contractOperation('BrandAssets'), { filmIpId: l.filmIpId }, token);
    return { assets: res.data?.['brandAssets'] as Asset[] | undefined, code: errorCode(res) };
  }

  it('the studio adds private files (a PDF style guide, key art) and lists them newest first', async () => {
    const guide = await add(pdfMediaId, 'Style guide 2026');
    expect(guide.errors).toBeUndefined();
    expect(guide.data?.['addBrandAsset']).toMatchObject({ title: 'Style guide 2026' });
    await add(imageMediaId, '  Key art  ');
    const { assets } = await list(l.studio.token);
    expect(assets?.map((a) => a.title)).toEqual(['Key art', 'Style guide 2026']);
  });

  it('refuses files that are not private uploads of the studio, and anyone but its staff', async () => {
    const publicImage = await upload(t, await photo('jpeg', 8), { token: l.studio.token });
    expect(errorCode(await add(publicImage.body.id, 'Public'))).toBe('BAD_USER_INPUT');
    const foreign = await upload(t, await photo('jpeg', 9), { token: otherStudio.token, query: '?private=true' });
    expect(errorCode(await add(foreign.body.id, 'Foreign'))).toBe('NOT_FOUND');
    expect(errorCode(await add(pdfMediaId, 'By merchant', l.merchant.token))).toBe('FORBIDDEN');
    expect(errorCode(await add(foreign.body.id, 'By other studio', otherStudio.token))).toBe('FORBIDDEN');
    expect(errorCode(await add(pdfMediaId, ''))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(pdfMediaId, 'x'.repeat(201)))).toBe('BAD_USER_INPUT');
    expect(errorCode(await add(pdfMediaId, 'Unknown IP', l.studio.token, '00000000-0000-4000-8000-000000000000'))).toBe(
      'NOT_FOUND',
    );
    const [row] = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM brand_assets`);
    expect(Number(row!.n)).toBe(2);
  });

  it('lists them for the studio and ACTIVE licensees only', async () => {
    expect((await list(l.merchant.token)).assets?.length).toBe(2);
    expect((await list(undefined)).code).toBe('UNAUTHENTICATED');
    expect((await list(visitor.token)).code).toBe('FORBIDDEN');
    expect((await list(otherMerchant.token)).code).toBe('FORBIDDEN');
    expect((await list(otherStudio.token)).code).toBe('FORBIDDEN');
  });

  it('serves the file behind a signed URL that expires within 15 minutes, as an attachment', async () => {
    const { assets } = await list(l.merchant.token);
    const guide = assets!.find((a) => a.title === 'Style guide 2026')!;
    const expires = new Date(guide.expiresAt).getTime();
    expect(expires).toBeGreaterThan(t.clock.now().getTime());
    expect(expires).toBeLessThanOrEqual(t.clock.now().getTime() + 15 * 60_000);
    const res = await fetch(`${t.baseUrl}${guide.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);

    const art = assets!.find((a) => a.title === 'Key art')!;
    const image = await fetch(`${t.baseUrl}${art.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('refuses a URL without its signature, tampered with, or for another organization', async () => {
    const { assets } = await list(l.merchant.token);
    const url = new URL(assets![0]!.url, t.baseUrl);
    const variants: [string, (u: URL) => void][] = [
      ['no signature', (u) => u.searchParams.delete('signature')],
      ['empty signature', (u) => u.searchParams.set('signature', '')],
      [
        'tampered signature',
        (u) => u.searchParams.set('signature', `${u.searchParams.get('signature')!.slice(0, -2)}AA`),
      ],
      ['later expiry', (u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600))],
      ['another merchant', (u) => u.searchParams.set('for', otherMerchant.organizationId!)],
      ['another asset', (u) => (u.pathname = `/brand-assets/${assets![1]!.id}`)],
      ['no query at all', (u) => (u.search = '')],
      ['not an id', (u) => (u.pathname = '/brand-assets/..%2F..%2Fetc%2Fpasswd')],
    ];
    for (const [name, change] of variants) {
      const forged = new URL(url);
      change(forged);
      const res = await fetch(forged);
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
    }
  });

  it('refuses an expired URL', async () => {
    const { assets } = await list(l.merchant.token);
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + 16 * 60_000));
      expect((await fetch(`${t.baseUrl}${assets![0]!.url}`)).status).toBe(403);
    } finally {
      t.clock.set(start);
    }
  });

  it('is never reachable through the public media route, by its stored key or by guessing', async () => {
    const rows = await t.sql<{ key: string }>(`SELECT full_key AS key FROM media WHERE private`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const { key } of rows) {
      expect(key).toMatch(/^p-[0-9a-f]{64}\.(webp|pdf)$/);
      expect((await fetch(`${t.baseUrl}/media/${key}`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/media/${key.slice(2).replace(/\.pdf$/, '.webp')}`)).status).toBe(404);
    }
    // Nor as a gallery image: a private upload is no public media for anyone.
    const gallery = await t.gql(
      `query($id: ID!) { brandAssets(filmIpId: $id) { id url } }`,
      { id: l.filmIpId },
      l.studio.token,
    );
    expect(JSON.stringify(gallery)).not.toContain('/media/');
  });

  it('PDFs are accepted for private uploads only, by their content', async () => {
    const asPublic = await upload(t, pdf, { token: l.studio.token, type: 'application/pdf', filename: 'style.pdf' });
    expect(asPublic).toMatchObject({ status: 400, body: { error: { reason: 'UNSUPPORTED_TYPE' } } });
    const truncated = await upload(t, pdf.subarray(0, 200), { token: l.studio.token, query: '?private=true' });
    expect(truncated.status).toBe(400);
    const html = await upload(t, Buffer.from('<html><script>alert(1)</script></html>'), {
      token: l.studio.token,
      query: '?private=true',
      type: 'application/pdf',
      filename: 'guide.pdf',
    });
    expect(html).toMatchObject({ status: 400, body: { error: { reason: 'UNSUPPORTED_TYPE' } } });
    expect((await upload(t, pdf, { token: l.studio.token, query: '?private=maybe' })).status).toBe(400);
  });

  it('a suspended license loses access at once, even through a URL issued a moment before; resumed, it is back', async () => {
    const { assets } = await list(l.merchant.token);
    const issued = assets![0]!.url;
    await setLicenseStatus(t, l, LicenseStatus.SUSPENDED, 'Audit');
    expect((await fetch(`${t.baseUrl}${issued}`)).status).toBe(403);
    expect((await list(l.merchant.token)).code).toBe('FORBIDDEN');
    // The studio's own links are unaffected.
    const studioUrl = (await list(l.studio.token)).assets![0]!.url;
    expect((await fetch(`${t.baseUrl}${studioUrl}`)).status).toBe(200);
    await setLicenseStatus(t, l, LicenseStatus.ACTIVE);
    expect((await fetch(`${t.baseUrl}${issued}`)).status).toBe(200);
  });

  it('a license past its last day loses access before the expiry job marks it', async () => {
    const short = await licensedMerchant(t, {
      studio: l.studio,
      merchant: otherMerchant,
      title: 'Short Run',
      startsOn: dayOffset(t, -30),
      endsOn: dayOffset(t, 10),
    });
    const art = await upload(t, await photo('png', 77), { token: l.studio.token, query: '?private=true' });
    expect((await add(art.body.id, 'Poster', l.studio.token, short.filmIpId)).errors).toBeUndefined();
    const listing = () => t.gql(contractOperation('BrandAssets'), { filmIpId: short.filmIpId }, otherMerchant.token);
    expect((await listing()).errors).toBeUndefined();
    // The term ended yesterday and the daily expiry job has not run yet: the license still reads ACTIVE.
    await t.sql(`UPDATE licenses SET ends_on = $2 WHERE id = $1`, [short.licenseId, dayOffset(t, -1)]);
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM licenses WHERE id = $1`, [short.licenseId]);
    expect(row!.status).toBe('ACTIVE');
    expect(errorCode(await listing())).toBe('FORBIDDEN');
  });
});
