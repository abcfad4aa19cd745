import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, newPage, PHONE, WEB_DIR } from '../support/browser';
import { approveAndPublish, createMerchandise, licensedMerchant } from '../support/catalog';
import { setGallery } from '../support/media';
import { startTestApp, TestApp } from '../support/test-app';

/** Layout shifts the page reports (not those right after input), summed as Lighthouse's CLS adds them for a short page. */
async function watchShifts(page: Page): Promise<() => Promise<number>> {
  // A string, not a function: it runs in the page, and the test project's types have no DOM.
  await page.addInitScript({
    content: `window.__shift = 0; window.__shifted = [];
      const name = (n) => n ? (n.tagName || '#text').toLowerCase() + (n.className && typeof n.className === 'string' ? '.' + n.className.split(' ').join('.') : '') + (n.id ? '#' + n.id : '') : '?';
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) {
        window.__shift += e.value;
        window.__shifted.push(e.value.toFixed(3) + ' ' + (e.sources || []).map((s) => name(s.node) + ' ' + s.previousRect.y + '→' + s.currentRect.y).join(', '));
      } }).observe({ type: 'layout-shift', buffered: true });`,
  });
  return () => page.evaluate<number>('window.__shift');
}

/**
 * What a visitor's phone loads and how still the page holds while it fills in: the storefront asks for no console
 * code, and its placeholders are as tall as what replaces them, even when the API answers slowly.
 */
describe('web: storefront speed', () => {
  let t: TestApp;
  let browser: Browser;
  let productId: string;
  let filmIpId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR } });
    browser = await launchBrowser();
    const lantern = await licensedMerchant(t);
    const train = await licensedMerchant(t, { title: 'The Last Night Train', titleZh: '末班夜行列车' });
    for (const [l, i] of [lantern, lantern, lantern, train, train, train].map((l, i) => [l, i] as const)) {
      const product = await createMerchandise(t, l, {
        name: `Set piece ${i}`,
        nameZh: `片场纪念品 ${i}`,
        prices: [1000 + i * 500],
      });
      // Pictures on all but one (its card must be as tall), two on the product page, so images loading move nothing.
      if (i !== 2) await setGallery(t, l.merchant, product.id, i === 5 ? [i, 10 + i] : [i]);
      await approveAndPublish(t, l, product.id);
      productId = product.id;
    }
    filmIpId = lantern.filmIpId;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('holds the home, search, product and film pages still while their data arrives (CLS under 0.02), on a phone and a desktop', async () => {
    for (const device of [PHONE, DESKTOP]) {
      for (const path of ['/', '/search', `/products/${productId}`, `/ip/${filmIpId}`]) {
        const { context, page } = await newPage(browser, t.baseUrl, device);
        try {
          // Slow answers, so the placeholders are surely painted before the content replaces them.
          await page.route('**/graphql', async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await route.continue();
          });
          const shift = await watchShifts(page);
          await page.goto(path);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          // The page and width in the message, for whoever reads a failure.
          // Pictures too: the shift is read once every image on the page has loaded (or failed).
          await page.waitForFunction('[...document.images].every((i) => i.complete)');
          // What moved, for whoever reads a failure.
          const shifted = await page.evaluate<string[]>('window.__shifted');
          expect(
            `${path} at ${device.viewport.width}px: ${shifted.join(' | ')} CLS ${(await shift()).toFixed(3)}`,
          ).toMatch(/CLS 0\.0[01]\d$/);
        } finally {
          await context.close();
        }
      }
    }
  });

  it('shows the first search result on a phone without scrolling, under a one-row header; filters open from a button', async () => {
    const { context, page } = await newPage(browser, t.baseUrl, PHONE);
    try {
      await page.goto('/search');
      const first = page.getByTestId('product').first();
      await first.waitFor();
      const header = (await page.locator('header.topbar').boundingBox())!;
      const brand = (await page.locator('header .brand').boundingBox())!;
      const login = (await page.locator('header .session').boundingBox())!;
      // One row: the brand and the session controls side by side, and the header one 44 px control with its padding
      // (two rows would be over 100 px).
      expect(header.height).toBeLessThanOrEqual(72);
      expect(Math.abs(brand.y + brand.height / 2 - (login.y + login.height / 2))).toBeLessThan(8);
      const card = (await first.boundingBox())!;
      expect(card.y + Math.min(card.height, 120)).toBeLessThanOrEqual(PHONE.viewport.height);
      expect(await page.evaluate<number>('window.scrollY')).toBe(0);

      // The filters are one tap away, and the menu's links too.
      expect(await page.getByRole('combobox', { name: '排序' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: '筛选与排序' }).click();
      expect(await page.getByRole('combobox', { name: '排序' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation').getByRole('link', { name: '购物车' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: '菜单' }).click();
      await page.getByRole('navigation').getByRole('link', { name: '购物车' }).click();
      await page.waitForURL('**/cart');
      expect(await page.getByRole('navigation').getByRole('link', { name: '购物车' }).isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('keeps filters and links in view on a desktop, with no menu button', async () => {
    const { context, page } = await newPage(browser, t.baseUrl, DESKTOP);
    try {
      await page.goto('/search');
      await page.getByTestId('product').first().waitFor();
      expect(await page.getByRole('combobox', { name: '排序' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '筛选与排序' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
      expect(await page.getByRole('navigation').getByRole('link', { name: '购物车' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('loads no console code on the storefront, and a console when it is opened', async () => {
    const { context, page } = await newPage(browser, t.baseUrl, PHONE);
    try {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto('/');
      await page.getByTestId('product').first().waitFor();
      await page.goto('/search?q=片场');
      await page.getByTestId('product').first().waitFor();
      expect(scripts.filter((s) => /console/.test(s))).toEqual([]);

      await page.getByRole('button', { name: '菜单' }).click();
      await page.getByRole('navigation').getByRole('link', { name: '片方后台' }).click();
      await page.waitForLoadState('networkidle');
      expect(scripts.some((s) => /\/assets\/studio-console-[\w-]+\.js$/.test(s))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
