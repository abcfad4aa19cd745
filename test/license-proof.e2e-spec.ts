import { LicenseStatus } from '@chedun/kernel';
import { approveAndPublish, createMerchandise, licensedMerchant, ok, setLicenseStatus } from './support/catalog';
import { contractOperation } from './support/contract';
import { applyForLicense, approveApplication, createFilmIp, dayOffset } from './support/licensing';
import { organizationOwner, Party } from './support/parties';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

/** Issue #17: the channels a license allows, and proof of license behind each published product's code. */
describe('licensing channels and proof of license', () => {
  let t: TestApp;
  let studio: Party;
  let merchant: Party;
  beforeAll(async () => {
    // Verification is limited per address: 8 per window here, so the last test can spend it.
    t = await startTestApp({ env: { VERIFY_PER_ADDRESS: '8', VERIFY_PER_ACCOUNT: '8' } });
    studio = await organizationOwner(t, 'STUDIO', 'Wuyue Films');
    merchant = await organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center');
  });
  afterAll(() => t.close());

  type Published = { publishLicenseOffer: { id: string; channels: string[] } };
  async function offerWithChannels(
    filmIpId: string,
    channels: string[] | null,
    startsOn = dayOffset(t, 0),
  ): Promise<GqlResult<Published>> {
    return t.gql<Published>(
      contractOperation('PublishLicenseOfferWithChannels'),
      { filmIpId, royaltyBps: 800, categories: ['APPAREL'], channels, startsOn, endsOn: dayOffset(t, 365) },
      studio.token,
    );
  }

  async function verificationCode(productId: string): Promise<string | null> {
    const product = await ok<{ verificationCode: string | null }>(
      t.gql(`query($id: ID!) { product(id: $id) { verificationCode } }`, { id: productId }, merchant.token),
      'product',
    );
    return product.verificationCode;
  }

  it('an offer allows all three channels unless it names some, and its licenses carry them', async () => {
    const filmIpId = await createFilmIp(t, studio, 'Nezha', '哪吒');
    const all = await offerWithChannels(filmIpId, null);
    expect(all.errors).toBeUndefined();
    expect(all.data?.['publishLicenseOffer'].channels).toEqual(['ONLINE', 'VENUE', 'RETAIL']);
    // The journey's PublishLicenseOffer names no channels and still sells online.
    const journey = await t.gql(
      contractOperation('PublishLicenseOffer'),
      {
        filmIpId,
        royaltyBps: 800,
        categories: ['APPAREL'],
        startsOn: dayOffset(t, 0),
        endsOn: dayOffset(t, 30),
        advance: null,
        minimumGuarantee: null,
      },
      studio.token,
    );
    const offer = await ok<{ id: string }>(Promise.resolve(journey), 'publishLicenseOffer');
    const channels = await t.gql(`query($id: ID!) { licenseOffer(id: $id) { channels } }`, { id: offer.id });
    expect(channels.data?.['licenseOffer'].channels).toEqual(['ONLINE', 'VENUE', 'RETAIL']);

    // Duplicates collapse and the order is the vocabulary's; a start in the past is allowed (a contract entered late).
    const some = await offerWithChannels(filmIpId, ['RETAIL', 'VENUE', 'RETAIL'], dayOffset(t, -90));
    expect(some.errors).toBeUndefined();
    expect(some.data?.['publishLicenseOffer'].channels).toEqual(['VENUE', 'RETAIL']);
    const licenseId = await approveApplication(
      t,
      studio,
      await applyForLicense(t, merchant, some.data!.publishLicenseOffer.id),
    );
    const license = await t.gql(`query($id: ID!) { license(id: $id) { channels } }`, { id: licenseId }, merchant.token);
    expect(license.data?.['license'].channels).toEqual(['VENUE', 'RETAIL']);

    expect(errorCode(await offerWithChannels(filmIpId, []))).toBe('BAD_USER_INPUT');
    expect(errorCode(await offerWithChannels(filmIpId, ['MAIL_ORDER']))).toBe('BAD_USER_INPUT');
  });

  it('a product under a license without ONLINE cannot be published here (BAD_USER_INPUT) and gets no code', async () => {
    const filmIpId = await createFilmIp(t, studio, 'White Snake', '白蛇');
    const offer = await offerWithChannels(filmIpId, ['VENUE']);
    const licenseId = await approveApplication(
      t,
      studio,
      await applyForLicense(t, merchant, offer.data!.publishLicenseOffer.id),
    );
    const l = { studio, merchant, filmIpId, licenseId };
    const product = await createMerchandise(t, l);
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: product.id }, merchant.token),
      'submitProductForApproval',
    );
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: product.id }, studio.token), 'approveProduct');
    const publish = await t.gql(contractOperation('PublishProduct'), { productId: product.id }, merchant.token);
    expect(errorCode(publish)).toBe('BAD_USER_INPUT');
    expect(publish.errors?.[0]?.extensions?.['field']).toBe('channels');
    expect(await verificationCode(product.id)).toBeNull();
  });

  it('a published product has a code that says who licensed whom until when, and that a suspended license no longer holds', async () => {
    const l = await licensedMerchant(t, {
      studio,
      merchant,
      title: 'Lotus Lantern',
      titleZh: '宝莲灯',
      endsOn: '2099-12-31',
    });
    const product = await createMerchandise(t, l, { name: 'Lantern tee', nameZh: '宝莲灯T恤' });
    expect(await verificationCode(product.id)).toBeNull();
    await approveAndPublish(t, l, product.id);
    const code = await verificationCode(product.id);
    expect(code).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const genuine = await t.gql(contractOperation('VerifyLicensedProduct'), { code });
    expect(genuine.errors).toBeUndefined();
    expect(genuine.data?.['verifyProduct']).toEqual({
      product: { id: product.id, name: 'Lantern tee', nameZh: '宝莲灯T恤' },
      filmIp: { title: 'Lotus Lantern', titleZh: '宝莲灯' },
      studio: { name: 'Wuyue Films', nameZh: null },
      merchant: { name: 'Xiangdi Art Center', nameZh: null },
      licenseStatus: 'ACTIVE',
      validUntil: '2099-12-31',
    });

    // Unpublishing and publishing again keeps the code: tags already printed stay valid.
    await ok(
      t.gql(`mutation($id: ID!) { unpublishProduct(productId: $id) { id } }`, { id: product.id }, merchant.token),
      'unpublishProduct',
    );
    await ok(t.gql(contractOperation('PublishProduct'), { productId: product.id }, merchant.token), 'publishProduct');
    expect(await verificationCode(product.id)).toBe(code);

    await setLicenseStatus(t, l, LicenseStatus.SUSPENDED, 'Artwork misuse under review');
    const suspended = await t.gql(contractOperation('VerifyLicensedProduct'), { code });
    expect(suspended.data?.['verifyProduct'].licenseStatus).toBe('SUSPENDED');
    // The reason is between the studio and the merchant: the public page never shows it.
    expect(JSON.stringify(suspended)).not.toContain('Artwork misuse');
    const others = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM products WHERE verification_code IS NOT NULL AND verification_code <> $1`,
      [code],
    );
    expect(Number(others[0]?.n)).toBe(0);
  });

  it('a license past its last day reads EXPIRED even before the expiry job has marked it', async () => {
    const endsOn = dayOffset(t, 10);
    const l = await licensedMerchant(t, {
      studio,
      merchant,
      title: 'Mulan',
      titleZh: '木兰',
      startsOn: dayOffset(t, 0),
      endsOn,
    });
    const product = await createMerchandise(t, l);
    await approveAndPublish(t, l, product.id);
    const code = await verificationCode(product.id);
    const start = t.clock.now();
    try {
      t.clock.set(new Date(start.getTime() + 11 * 86_400_000));
      const res = await t.gql(contractOperation('VerifyLicensedProduct'), { code });
      expect(res.data?.['verifyProduct']).toMatchObject({ licenseStatus: 'EXPIRED', validUntil: endsOn });
    } finally {
      t.clock.set(start);
    }
  });

  it('an unknown or malformed code is NOT_FOUND, the same answer whatever it looks like; the limit per address is RATE_LIMITED with 429', async () => {
    const attempts = ['AAAAAAAAAAAAAAAAAAAA', 'not-a-code', "'; DROP TABLE products; --", 'x'.repeat(500)];
    for (const code of attempts) {
      const res = await t.gql(contractOperation('VerifyLicensedProduct'), { code });
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toBe('Verification code not found');
      expect(res.data ?? null).toBeNull();
    }
    // 8 per window: the 2 calls of the suspension test, 1 of the expiry test, 4 here, 1 more, then refused.
    for (let i = 0; i < 1; i += 1)
      expect(errorCode(await t.gql(contractOperation('VerifyLicensedProduct'), { code: `unknown-${i}` }))).toBe(
        'NOT_FOUND',
      );
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: contractOperation('VerifyLicensedProduct'),
        variables: { code: 'AAAAAAAAAAAAAAAAAAAA' },
      }),
    });
    expect(res.status).toBe(429);
    const body = (await res.json()) as GqlResult;
    expect(errorCode(body)).toBe('RATE_LIMITED');
  });
});
