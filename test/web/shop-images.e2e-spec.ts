import type { Browser, Locator } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, newPage, PHONE, WEB_DIR } from '../support/browser';
import { approveAndPublish, createMerchandise, licensedMerchant } from '../support/catalog';
import { setGallery } from '../support/media';
import { startTestApp, TestApp } from '../support/test-app';

/** The image's decoded width: 0 until it has loaded, and for a broken image. */
async function loadedWidth(img: Locator): Promise<number> {
  await img.scrollIntoViewIfNeeded();
  return img.evaluate(async (el) => {
    // The test project's types have no DOM: the two members of HTMLImageElement used here.
    const image = el as unknown as { decode(): Promise<void>; naturalWidth: number };
    await image.decode().catch(() => undefined);
    return image.naturalWidth;
  });
}

/** Pictures in the shop: a search result card and the product page show the merchant's photos, loaded. */
describe('web: shop images', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR } });
    browser = await launchBrowser();
    const l = await licensedMerchant(t, { title: 'Paper Moon', titleZh: '纸月亮' });
    const product = await createMerchandise(t, l, { name: 'Paper Moon lantern', nameZh: '纸月亮灯笼', prices: [6800] });
    await setGallery(t, l.merchant, product.id, [1, 2]);
    await approveAndPublish(t, l, product.id);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the cover on the search result card, and the gallery on the product page, in the visitor language', async () => {
    for (const device of [PHONE, DESKTOP]) {
      const { context, page } = await newPage(browser, t.baseUrl, device);
      try {
        await page.goto(`/search?q=${encodeURIComponent('纸月亮')}`);
        const card = page.getByTestId('product').filter({ hasText: '纸月亮灯笼' });
        const cover = card.locator('img.card-cover');
        await cover.waitFor();
        expect(await cover.getAttribute('alt')).toBe('照片1');
        expect(await cover.getAttribute('loading')).toBe('lazy');
        expect(await loadedWidth(cover)).toBeGreaterThan(0);
        if (device === PHONE) await checkPage(page, 'search-covers-phone');

        await card.getByRole('link', { name: '纸月亮灯笼' }).click();
        await page.getByRole('heading', { level: 1, name: '纸月亮灯笼' }).waitFor();
        const main = page.locator('.product-figure img');
        expect(await main.getAttribute('alt')).toBe('照片1');
        expect(await main.getAttribute('srcset')).toMatch(
          /\/media\/[0-9a-f]{64}\.webp 640w, \/media\/[0-9a-f]{64}\.webp 1200w/,
        );
        expect(await loadedWidth(main)).toBeGreaterThan(0);
        const first = await main.getAttribute('src');

        const thumbs = page.getByRole('list', { name: '图片' }).getByRole('button');
        expect(await thumbs.count()).toBe(2);
        expect(await loadedWidth(thumbs.nth(1).locator('img'))).toBeGreaterThan(0);
        await thumbs.nth(1).click();
        expect(await thumbs.nth(1).getAttribute('aria-pressed')).toBe('true');
        expect(await main.getAttribute('alt')).toBe('照片2');
        expect(await main.getAttribute('src')).not.toBe(first);
        expect(await loadedWidth(main)).toBeGreaterThan(0);
        if (device === PHONE) await checkPage(page, 'product-gallery-phone');
      } finally {
        await context.close();
      }
    }
  });
});
