import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** The API serves the built web app at / and answers page paths with it, without shadowing its own routes. */
describe('web app served by the API', () => {
  let t: TestApp;
  const html = { accept: 'text/html,application/xhtml+xml' };

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR } });
  });
  afterAll(() => t?.close());

  it('serves index.html at / and for deep links, never cached', async () => {
    for (const path of ['/', '/studio', '/merchant?tab=licenses', '/products/123']) {
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
  });

  it('leaves the API paths to the API', async () => {
    const health = await fetch(`${t.baseUrl}/health`, { headers: html });
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    const webhook = await fetch(`${t.baseUrl}/webhooks/stripe`, { headers: html });
    expect(await webhook.text()).not.toContain('<div id="root">');
    const reports = await fetch(`${t.baseUrl}/reports/anything`, { headers: html });
    expect(await reports.text()).not.toContain('<div id="root">');
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
