import { organizationOwner, PASSWORD, signUp } from './support/parties';
import { errorCode, GqlResult, startTestApp, TestApp, uniqueEmail } from './support/test-app';

interface Answer {
  status: number;
  headers: Headers;
  body: GqlResult & { error?: { code?: string; message?: string } };
}

/** A POST as a client sends it, keeping what t.gql drops: the HTTP status and headers. */
async function post(t: TestApp, path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

function graphql(t: TestApp, query: string, variables?: Record<string, unknown>, token?: string): Promise<Answer> {
  return post(t, '/graphql', JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
}

/** The code of a refusal, wherever the route puts it (GraphQL errors or a REST error body). */
function codeOf(answer: Answer): string | undefined {
  return answer.body.errors?.[0]?.extensions?.code ?? answer.body.error?.code;
}

/** filmIp { filmingLocations { filmIps { filmingLocations { ... { id } } } } }, `depth` levels below filmIp. */
function nested(depth: number): string {
  let inner = 'id';
  for (let level = depth; level >= 1; level--)
    inner = level % 2 === 1 ? `filmingLocations { ${inner} }` : `filmIps { ${inner} }`;
  return `query { filmIp(id: "00000000-0000-4000-8000-000000000000") { ${inner} } }`;
}

describe('GraphQL abuse limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a document nested deeper than the limit before running it', async () => {
    const deep = await graphql(t, nested(12));
    expect([deep.status, codeOf(deep)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(deep.body.errors?.[0]?.message).toMatch(/depth/i);
    // Within the limit the same shape reaches the resolver (which says the IP does not exist).
    expect(errorCode(await t.gql(nested(4)))).toBe('NOT_FOUND');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: licenseOffers(first: 1) { totalCount }`).join(' ');
    const res = await graphql(t, `query { ${aliases} }`);
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses documents with too many tokens with 400, not a server error', async () => {
    const res = await graphql(t, `query { ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`);
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/token/i);
    // The same document sent by GET (a query string) meets the same limit.
    const get = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent(`{ ${'x '.repeat(2100)}}`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as GqlResult).errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses too many directives and too high a cost', async () => {
    const directives = await graphql(t, `query { __typename ${'@include(if: true) '.repeat(25)} }`);
    expect([directives.status, codeOf(directives)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(directives.body.errors?.[0]?.message).toMatch(/directive/i);
    const page = `licenseOffers(first: 100) { edges { node { id filmIp { id filmingLocations { id filmIps { id filmingLocations { id } } } } } } }`;
    const costly = await graphql(t, `query { ${Array.from({ length: 10 }, (_, i) => `a${i}: ${page}`).join(' ')} }`);
    expect([costly.status, codeOf(costly)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(costly.body.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('refuses page sizes above 100, on operations and on fields', async () => {
    const res = await graphql(
      t,
      `
        query {
          licenseOffers(first: 101) {
            totalCount
          }
        }
      `,
    );
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
    const viaVariable = await graphql(
      t,
      `
        query ($n: Int) {
          licenseOffers(first: $n) {
            totalCount
          }
        }
      `,
      { n: 101 },
    );
    expect([viaVariable.status, codeOf(viaVariable)]).toEqual([400, 'BAD_USER_INPUT']);
    // A field's own page (a statement's lines) is checked by the same pipe, past the operation's exception filter.
    const studio = await organizationOwner(t, 'STUDIO', 'Limits Studio');
    const issued = await t.gql(
      `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2019-12") { id } }`,
      { s: studio.organizationId },
      studio.token,
    );
    const lines = await t.gql(
      `query($id: ID!) { royaltyStatement(id: $id) { id lines(first: 101) { totalCount } } }`,
      { id: issued.data?.['issueRoyaltyStatement'].id },
      studio.token,
    );
    expect(errorCode(lines)).toBe('BAD_USER_INPUT');
    expect(lines.errors?.[0]?.message).toMatch(/first/);
  });

  it('refuses batched operations in one request', async () => {
    const res = await post(t, '/graphql', JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it.each(['/graphql', '/webhooks/stripe'])('refuses bodies over 256 kB and malformed JSON at %s', async (path) => {
    const large = await post(
      t,
      path,
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } }),
    );
    expect([large.status, codeOf(large)]).toEqual([413, 'BAD_USER_INPUT']);
    const form = await post(t, path, `pad=${'x'.repeat(300_000)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([form.status, codeOf(form)]).toEqual([413, 'BAD_USER_INPUT']);
    const malformed = await post(t, path, '{"query": ');
    expect([malformed.status, codeOf(malformed)]).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses an oversize or malformed CSV report query with 400 and a code', async () => {
    const party = await signUp(t);
    const get = async (query: string) => {
      const res = await fetch(`${t.baseUrl}/reports/royalties.csv?${query}`, {
        headers: { authorization: `Bearer ${party.token}` },
      });
      return { status: res.status, code: ((await res.json()) as { error?: { code?: string } }).error?.code };
    };
    expect(await get(`studioId=${'a'.repeat(100)}&from=2026-01-01&to=2026-01-31`)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    expect(
      await get(
        `studioId=00000000-0000-4000-8000-000000000000&from=2026-01-01&to=2026-01-31&currency=${'Y'.repeat(65)}`,
      ),
    ).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
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

describe('rate limits answer 429 with Retry-After and RATE_LIMITED', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { SEARCH_PER_ADDRESS: '2', SIGNUP_PER_ACCOUNT: '1', LOGIN_ATTEMPTS_PER_ACCOUNT_ADDRESS: '2' },
    });
  });
  afterAll(() => t.close());

  function expectRateLimited(res: Answer): void {
    expect([res.status, codeOf(res)]).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = res.body.errors?.[0]?.extensions?.['retryAfterSeconds'];
    expect(retryAfter).toBeGreaterThan(0);
    expect(res.headers.get('retry-after')).toBe(String(retryAfter));
    // The status travels in the HTTP head only, not in the body.
    expect(res.body.errors?.[0]?.extensions).not.toHaveProperty('http');
  }

  it('search, per address', async () => {
    const SEARCH = `{ searchProducts(text: "lantern") { totalCount } }`;
    for (let i = 0; i < 2; i++) expect((await graphql(t, SEARCH)).status).toBe(200);
    expectRateLimited(await graphql(t, SEARCH));
  });

  it('sign-up, per email', async () => {
    const SIGN_UP = `mutation($e: String!, $p: String!) { signUp(input: { email: $e, password: $p, displayName: "Rate" }) { accessToken } }`;
    const email = uniqueEmail('rate');
    expect((await graphql(t, SIGN_UP, { e: email, p: PASSWORD })).status).toBe(200);
    expectRateLimited(await graphql(t, SIGN_UP, { e: email, p: PASSWORD }));
  });

  it('log-in, per account and address', async () => {
    const LOG_IN = `mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { accessToken } }`;
    const party = await signUp(t);
    for (let i = 0; i < 2; i++)
      expect(codeOf(await graphql(t, LOG_IN, { e: party.email, p: 'wrong wrong wrong' }))).toBe('UNAUTHENTICATED');
    expectRateLimited(await graphql(t, LOG_IN, { e: party.email, p: 'wrong wrong wrong' }));
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'p'.repeat(40),
        STRIPE_SECRET_KEY: 'sk_test_limits',
        STRIPE_WEBHOOK_SECRET: 'whsec_limits',
      },
    });
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
