import { randomUUID } from 'node:crypto';
import { request as httpRequest, createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWT_SIGNING_SECRET } from '@chedun/identity';
import { SignJWT } from 'jose';
import { approveAndPublish, createMerchandise, licensedMerchant, sku } from './support/catalog';
import { contractOperation } from './support/contract';
import { PASSWORD, platformAdmin, signUp, verifyEmail } from './support/parties';
import { errorCode, GqlResult, startTestApp, TestApp, uniqueEmail } from './support/test-app';

const ME = `{ me { id } }`;
const SIGN_UP = `mutation($email: String!) { signUp(input: { email: $email, password: "${PASSWORD}", displayName: "Limit" }) { accessToken } }`;
const SEARCH = `{ searchProducts(text: "lantern") { totalCount } }`;

/** A GraphQL POST from another loopback address (127.0.0.2): another client as far as the API can tell. */
function gqlFrom(
  t: TestApp,
  localAddress: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult> {
  const url = new URL(`${t.baseUrl}/graphql`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GqlResult));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}

describe('tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function forge(
    secret: string,
    claims: { iss?: string; aud?: string; typ?: string; alg?: string; expiresIn?: number | null; sub: string },
  ): Promise<string> {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    let jwt = new SignJWT({ typ: 'access' })
      .setProtectedHeader({ alg: claims.alg ?? 'HS256', typ: claims.typ ?? 'at+jwt' })
      .setSubject(claims.sub)
      .setIssuer(claims.iss ?? 'chedun-market')
      .setAudience(claims.aud ?? 'chedun-market-api')
      .setIssuedAt(now);
    if (claims.expiresIn !== null) jwt = jwt.setExpirationTime(now + (claims.expiresIn ?? 600));
    return jwt.sign(new TextEncoder().encode(secret));
  }

  it('accepts a token signed as the app signs, and refuses wrong issuer, audience, type, key, algorithm, expiry or none', async () => {
    const party = await signUp(t);
    const secret = t.app.get<string>(JWT_SIGNING_SECRET);
    expect((await t.gql(ME, {}, await forge(secret, { sub: party.userId }))).data?.['me'].id).toBe(party.userId);

    const refused: [string, string][] = [
      ['wrong issuer', await forge(secret, { sub: party.userId, iss: 'evil-issuer' })],
      ['wrong audience', await forge(secret, { sub: party.userId, aud: 'another-api' })],
      ['wrong type', await forge(secret, { sub: party.userId, typ: 'JWT' })],
      ['another key', await forge(`${secret}-not`, { sub: party.userId })],
      ['HS512', await forge(secret, { sub: party.userId, alg: 'HS512' })],
      ['no expiry', await forge(secret, { sub: party.userId, expiresIn: null })],
      ['expired', await forge(secret, { sub: party.userId, expiresIn: -1 })],
      [
        'alg none',
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${party.token.split('.')[1]}.`,
      ],
      ['garbage', 'not.a.jwt'],
    ];
    for (const [why, token] of refused) {
      const res = await t.gql(ME, {}, token);
      expect([why, errorCode(res), res.data ?? null]).toEqual([why, 'UNAUTHENTICATED', null]);
    }
    // A bad token on a public operation is refused too, so a client learns its session ended.
    expect(errorCode(await t.gql(`{ licenseOffers { totalCount } }`, {}, refused[0]![1]))).toBe('UNAUTHENTICATED');
  });

  it('refuses a refresh token after log-out, and after its own rotation', async () => {
    const email = uniqueEmail('logout');
    await t.gql(SIGN_UP, { email });
    await verifyEmail(t, email);
    const LOG_IN = `mutation($e: String!) { logIn(input: { email: $e, password: "${PASSWORD}" }) { refreshToken } }`;
    const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { refreshToken } }`;
    const first = (await t.gql(LOG_IN, { e: email })).data?.['logIn'].refreshToken as string;
    const second = (await t.gql(LOG_IN, { e: email })).data?.['logIn'].refreshToken as string;
    expect((await t.gql(`mutation($r: String!) { logOut(refreshToken: $r) }`, { r: first })).data?.['logOut']).toBe(
      true,
    );
    expect(errorCode(await t.gql(REFRESH, { r: first }))).toBe('UNAUTHENTICATED');
    // Another session of the same account is untouched by that log-out.
    expect((await t.gql(REFRESH, { r: second })).errors).toBeUndefined();
  });
});

describe('rate limits on sign-up and search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { SIGNUP_PER_ACCOUNT: '2', SIGNUP_PER_ADDRESS: '6', SEARCH_PER_ACCOUNT: '3', SEARCH_PER_ADDRESS: '5' },
    });
  });
  afterAll(() => t.close());

  function expectLimited(res: GqlResult): void {
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect(res.data ?? null).toBeNull();
    const retry = res.errors?.[0]?.extensions?.['retryAfterSeconds'] as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
  }

  it('limits sign-up per email and per address, counted in Postgres; another address is unaffected', async () => {
    const a = await signUp(t, 'searcher-a');
    const b = await signUp(t, 'searcher-b');
    const email = uniqueEmail('twice');
    expect((await t.gql(SIGN_UP, { email })).errors).toBeUndefined();
    // The second sign-up of one address answers like the first (#14 item 10), and still counts against its limit.
    expect((await t.gql(SIGN_UP, { email })).errors).toBeUndefined();
    expectLimited(await t.gql(SIGN_UP, { email: email.toUpperCase() }));
    expect((await t.gql(SIGN_UP, { email: uniqueEmail('sixth') })).errors).toBeUndefined();
    const [{ n: usersBefore } = { n: '0' }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM users');
    expectLimited(await t.gql(SIGN_UP, { email: uniqueEmail('seventh') }));
    const [{ n: usersAfter } = { n: '0' }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM users');
    expect(usersAfter).toBe(usersBefore);
    expect((await gqlFrom(t, '127.0.0.2', SIGN_UP, { email: uniqueEmail('elsewhere') })).errors).toBeUndefined();
    const keys = await t.sql<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'signUp-%'`);
    expect(keys.length).toBeGreaterThan(0);

    // search: 3 per account, 5 per address
    for (let i = 0; i < 3; i++) expect((await t.gql(SEARCH, {}, a.token)).errors).toBeUndefined();
    expectLimited(await t.gql(SEARCH, {}, a.token));
    expect((await t.gql(SEARCH, {}, b.token)).errors).toBeUndefined();
    expectLimited(await t.gql(SEARCH));
    // Another address, and another account there, still search.
    expect((await gqlFrom(t, '127.0.0.2', SEARCH, {}, b.token)).errors).toBeUndefined();
    expect((await gqlFrom(t, '127.0.0.3', SEARCH)).errors).toBeUndefined();
  });
});

describe('SSRF: merchant-supplied URLs', () => {
  let t: TestApp;
  let listener: Server;
  let connections = 0;
  let port = 0;
  beforeAll(async () => {
    t = await startTestApp();
    listener = createServer((_, res) => res.end('png')).on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => listener.close(resolve));
    await t.close();
  });

  it('refuses loopback, private, link-local, plain-http and oversize URLs for product images and IP artwork', async () => {
    const l = await licensedMerchant(t);
    const bad = [
      `https://127.0.0.1:${port}/a.png`,
      `http://127.0.0.1:${port}/a.png`,
      `https://localhost/a.png`,
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/a.png',
      'https://10.0.0.5/a.png',
      'file:///etc/passwd',
      `https://cdn.example.com/${'a'.repeat(600)}.png`,
    ];
    const CREATE = `mutation($i: CreateMerchandiseInput!) { createMerchandise(input: $i) { id images } }`;
    const ARTWORK = `mutation($id: ID!, $urls: [String!]) { updateFilmIp(id: $id, input: { artworkUrls: $urls }) { artworkUrls } }`;
    for (const url of bad) {
      const product = await t.gql(
        CREATE,
        {
          i: {
            licenseId: l.licenseId,
            category: 'APPAREL',
            name: 'Tee',
            images: [url],
            variants: [{ sku: sku(), price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }],
          },
        },
        l.merchant.token,
      );
      expect([url, errorCode(product)]).toEqual([url, 'BAD_USER_INPUT']);
      const artwork = await t.gql(ARTWORK, { id: l.filmIpId, urls: [url] }, l.studio.token);
      expect([url, errorCode(artwork)]).toEqual([url, 'BAD_USER_INPUT']);
    }
    const good = await t.gql(
      CREATE,
      {
        i: {
          licenseId: l.licenseId,
          category: 'APPAREL',
          name: 'Tee',
          images: ['https://cdn.example.com/tee.png'],
          variants: [{ sku: sku(), price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }],
        },
      },
      l.merchant.token,
    );
    expect(good.data?.['createMerchandise'].images).toEqual(['https://cdn.example.com/tee.png']);
    expect(
      (await t.gql(ARTWORK, { id: l.filmIpId, urls: ['https://cdn.example.com/poster.jpg'] }, l.studio.token)).errors,
    ).toBeUndefined();
  });

  it('never fetches a stored URL: a loopback image through approval, publishing, search, reindex and reads reaches no listener', async () => {
    const l = await licensedMerchant(t);
    const product = await createMerchandise(t, l, { name: 'Lantern scarf' });
    // A row written before validation existed (or by a future bug): the server still only stores and echoes it.
    const local = `http://127.0.0.1:${port}/steal.png`;
    await t.sql(`UPDATE products SET images = ARRAY[$1] WHERE id = $2`, [local, product.id]);
    await t.sql(`UPDATE film_ips SET artwork_urls = ARRAY[$1] WHERE id = $2`, [local, l.filmIpId]);
    await approveAndPublish(t, l, product.id);
    const platform = await platformAdmin(t);
    expect((await t.gql(`mutation { reindexSearch }`, {}, platform.token)).errors).toBeUndefined();
    const read = await t.gql(`query($id: ID!) { product(id: $id) { images filmIp { id } } }`, { id: product.id });
    expect(read.data?.['product'].images).toEqual([local]);
    expect(
      (await t.gql(`query($id: ID!) { filmIp(id: $id) { artworkUrls } }`, { id: l.filmIpId })).data?.['filmIp']
        .artworkUrls,
    ).toEqual([local]);
    await t.gql(contractOperation('SearchProducts'), { text: 'scarf' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(0);
  });
});

describe('bad input the fuzz suite found', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses blank names (checked after trimming, not by a database constraint) and malformed Unicode with BAD_USER_INPUT', async () => {
    const party = await signUp(t);
    const org = await t.gql(
      `mutation { createOrganization(input: { kind: MERCHANT, name: "\\r\\n\\t" }) { id } }`,
      {},
      party.token,
    );
    expect(errorCode(org)).toBe('BAD_USER_INPUT');
    const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }`;
    expect(errorCode(await t.gql(LOG_IN, { i: { email: '\ud800', password: 'x'.repeat(12) } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(LOG_IN, { i: { email: 'a@b.co', password: 'nul\u0000nul\u0000nul' } }))).toBe(
      'BAD_USER_INPUT',
    );
    const up = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }`, {
      i: { email: uniqueEmail('blank'), password: PASSWORD, displayName: '   ' },
    });
    expect(errorCode(up)).toBe('BAD_USER_INPUT');
  });
});

describe('rate limits on checkout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { CHECKOUT_PER_ACCOUNT: '2', CHECKOUT_PER_ADDRESS: '3', OPEN_ORDERS_PER_ACCOUNT: '100' },
    });
  });
  afterAll(() => t.close());

  it('limits checkout per account and per address with a retry hint; nothing is reserved for a refused call', async () => {
    const l = await licensedMerchant(t);
    const product = await createMerchandise(t, l, { stock: 50 });
    await approveAndPublish(t, l, product.id);
    const variantId = product.variants[0]!.id;
    const [a, b] = [await signUp(t, 'checkout-a'), await signUp(t, 'checkout-b')];
    const CHECKOUT = `mutation($i: CheckoutInput!) { checkout(input: $i) { order { id } } }`;
    const buy = (token: string, from?: string) => {
      const vars = { i: { idempotencyKey: randomUUID(), lines: [{ variantId, quantity: 1 }] } };
      return from ? gqlFrom(t, from, CHECKOUT, vars, token) : t.gql(CHECKOUT, vars, token);
    };
    expect((await buy(a.token)).errors).toBeUndefined();
    expect((await buy(a.token)).errors).toBeUndefined();
    const [{ n: before } = { n: '0' }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM orders');
    const third = await buy(a.token);
    expect(errorCode(third)).toBe('RATE_LIMITED');
    expect(third.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    // Account b from the same address: the address has 3 (2 + a's refused one) and is now spent.
    expect(errorCode(await buy(b.token))).toBe('RATE_LIMITED');
    const [{ n: after } = { n: '0' }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM orders');
    expect(after).toBe(before);
    // From another address b still buys.
    expect((await buy(b.token, '127.0.0.2')).errors).toBeUndefined();
  });
});
