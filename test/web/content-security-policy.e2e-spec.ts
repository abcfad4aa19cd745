import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, newPage, WEB_DIR } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** Every CSP violation the page reports, collected in the page itself from the moment it starts. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  // Strings, not functions: they run in the page, and the test project's types have no DOM.
  await page.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return () => page.evaluate<string[]>('window.__cspViolations');
}

/** The served pages work under the API's Content-Security-Policy, in a real browser, with nothing refused. */
describe('web: content security policy', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the web app renders and GraphiQL loads, with no violation reported', async () => {
    const { context, page } = await newPage(browser, t.baseUrl, DESKTOP);
    try {
      const violations = await watchViolations(page);
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await violations()).toEqual([]);

      await page.goto('/graphql');
      await page.locator('.graphiql-container').waitFor();
      expect(await violations()).toEqual([]);

      // A policy that blocked anything would be reported here: an inline script is refused, as it should be.
      await page.evaluate(
        `{ const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.body.appendChild(s); }`,
      );
      await page.waitForFunction('window.__cspViolations.length > 0');
      expect(await page.evaluate('window.__inlineRan === true')).toBe(false);
      expect(await violations()).toEqual([expect.stringMatching(/^script-src/)]);
    } finally {
      await context.close();
    }
  });
});
