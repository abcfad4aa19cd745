import { WEB_DIR } from './support/browser';
import { startTestApp, TestApp } from './support/test-app';

const ALLOWED = 'https://shop.chedun.test';
const OTHER = 'https://evil.example';

function directives(csp: string | null): Map<string, string[]> {
  expect(csp).toBeTruthy();
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The headers every answer must carry, whatever answered it. */
function expectSecurityHeaders(res: Response, what: string): void {
  const headers = Object.fromEntries(
    [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'x-powered-by',
    ].map((h) => [h, res.headers.get(h)]),
  );
  expect({ what, ...headers }).toEqual({
    what,
    'content-security-policy': expect.stringContaining("default-src 'self'"),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'x-powered-by': null,
  });
}

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR, CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` } });
  });
  afterAll(() => t.close());

  it('come with GraphQL, health, the web app, GraphiQL, webhooks, media and errors alike', async () => {
    const gql = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    };
    const answers: [string, Promise<Response>][] = [
      ['POST /graphql', fetch(`${t.baseUrl}/graphql`, gql)],
      ['GET /health', fetch(`${t.baseUrl}/health`)],
      ['GET / (web app)', fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html' } })],
      ['GET /graphql (GraphiQL)', fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } })],
      [
        'POST /webhooks/stripe (refused)',
        fetch(`${t.baseUrl}/webhooks/stripe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      ],
      [
        'POST /graphql (too large)',
        fetch(`${t.baseUrl}/graphql`, {
          ...gql,
          body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(300_000)}` }),
        }),
      ],
      ['GET /nowhere', fetch(`${t.baseUrl}/nowhere`, { headers: { accept: 'application/json' } })],
      [
        'POST /media (multipart, refused without a token)',
        fetch(`${t.baseUrl}/media`, { method: 'POST', body: new FormData() }),
      ],
      ['GET /media/<key> (unknown image)', fetch(`${t.baseUrl}/media/${'0'.repeat(64)}.webp`)],
    ];
    for (const [what, answer] of answers) expectSecurityHeaders(await answer, what);
  });

  it('let the web app, local GraphiQL and Stripe.js work, and nothing else run', async () => {
    const res = await fetch(`${t.baseUrl}/`, { headers: { accept: 'text/html' } });
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com']);
    expect(csp.get('frame-src')).toEqual(
      expect.arrayContaining(["'self'", 'https://js.stripe.com', 'https://hooks.stripe.com']),
    );
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    // Plain http here: an upgrade would break the page's own requests; production (https) upgrades.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers.get('strict-transport-security')).toBeNull();

    // GraphiQL has no inline script left to refuse: every script is a local file that is served.
    const page = await (await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/<script>/);
    for (const [, src] of page.matchAll(/<script src="([^"]+)"/g)) {
      expect(src).toMatch(/^\/graphiql\//);
      expect((await fetch(`${t.baseUrl}${src}`)).status).toBe(200);
    }
  });

  it('give an allowed origin CORS headers (preflight and request) and a foreign origin none', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const post = (origin: string) =>
      fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });

    for (const origin of [ALLOWED, 'http://localhost:5173']) {
      const pre = await preflight(origin);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const res = await post(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('vary')).toMatch(/origin/i);
    }

    for (const origin of [OTHER, `${ALLOWED}.evil.example`, 'null']) {
      const pre = await preflight(origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      expect((await post(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('security headers in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'p'.repeat(40),
        STRIPE_SECRET_KEY: 'sk_test_headers',
        STRIPE_WEBHOOK_SECRET: 'whsec_headers',
      },
    });
  });
  afterAll(() => t.close());

  it('add HSTS and upgrade-insecure-requests, and allow no cross-origin caller by default', async () => {
    const res = await fetch(`${t.baseUrl}/health`, { headers: { origin: 'http://localhost:5173' } });
    expectSecurityHeaders(res, 'GET /health');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
