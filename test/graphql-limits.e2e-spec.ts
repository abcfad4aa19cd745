import { errorCode, startTestApp, TestApp } from './support/test-app';

/** filmIp { filmingLocations { filmIps { filmingLocations { ... { id } } } } }, `depth` levels below filmIp. */
function nested(depth: number): string {
  let inner = 'id';
  for (let level = depth; level >= 1; level--) inner = level % 2 === 1 ? `filmingLocations { ${inner} }` : `filmIps { ${inner} }`;
  return `query { filmIp(id: "00000000-0000-4000-8000-000000000000") { ${inner} } }`;
}

describe('GraphQL abuse limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a document nested deeper than the limit before running it', async () => {
    const deep = await t.gql(nested(12));
    expect(errorCode(deep)).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    // Within the limit the same shape reaches the resolver (which says the IP does not exist).
    expect(errorCode(await t.gql(nested(4)))).toBe('NOT_FOUND');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: licenseOffers(first: 1) { totalCount }`).join(' ');
    const res = await t.gql(`query { ${aliases} }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses documents with too many tokens', async () => {
    const res = await t.gql(`query { ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses page sizes above 100', async () => {
    const res = await t.gql(`query { licenseOffers(first: 101) { totalCount } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('refuses batched operations in one request', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses bodies over 256 kB', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), STRIPE_SECRET_KEY: 'sk_test_limits', STRIPE_WEBHOOK_SECRET: 'whsec_limits' } });
  });
  afterAll(() => t.close());

  it('turns off introspection, field suggestions and GraphiQL', async () => {
    const introspection = await t.gql(`{ __schema { queryType { name } } }`);
    expect(errorCode(introspection)).toBe('BAD_USER_INPUT');
    const typo = await t.gql(`{ mee { id } }`);
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/GraphiQL/);
  });
});
