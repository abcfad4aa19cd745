import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE, WEB_DIR } from '../support/browser';
import { approveAndPublish, createMerchandise, licensedMerchant, Licensed, ok } from '../support/catalog';
import { headingLevels, headingOrderProblems } from '../support/heading-order';
import { setGallery } from '../support/media';
import { checkout } from '../support/orders';
import { Party, signUp } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/**
 * The shop as a visitor and a merchant see it (#16's "Must show"): home, search, product, film, cart, order and the
 * merchant's product form, each at 375 px and 1280 px, saved under test-results/web/ and checked by axe-core.
 */
describe('web: screenshots of the storefront and the merchant product form, checked by axe-core', () => {
  let t: TestApp;
  let browser: Browser;
  let shop: { licensed: Licensed; productId: string; variantId: string };
  let buyer: Party;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR, ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    browser = await launchBrowser();
    const licensed = await licensedMerchant(t);
    // Pictures before publishing: a published product's new gallery goes back to its studio.
    const tee = await createMerchandise(t, licensed, { name: 'Lantern tee', nameZh: '宝莲灯T恤', stock: 20 });
    await setGallery(t, licensed.merchant, tee.id, [1, 2]);
    await approveAndPublish(t, licensed, tee.id);
    shop = { licensed, productId: tee.id, variantId: tee.variants[0]!.id };
    buyer = await signUp(t, 'screenshot-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 2 }]);
    expect(placed.errors).toBeUndefined();
    orderId = placed.data!.checkout.order.id as string;
    await ok(
      t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { id } }`, { id: orderId }, buyer.token),
      'devConfirmPayment',
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the outline check itself: it refuses a skipped level, a missing or second h1', () => {
    expect(headingOrderProblems([1, 2, 3, 2, 3])).toEqual([]);
    expect(headingOrderProblems([1, 3])).toEqual(['h1 is followed by h3']);
    expect(headingOrderProblems([2, 3])).toEqual(['the first heading is h2, not h1']);
    expect(headingOrderProblems([1, 2, 1])).toEqual(['more than one h1']);
    expect(headingOrderProblems([])).toEqual(['the first heading is h(none), not h1']);
  });

  for (const device of [PHONE, DESKTOP]) {
    const width = device.viewport.width;

    it(`storefront pages at ${width} px: home, search, product, film and cart`, async () => {
      const { context, page } = await newPage(browser, t.baseUrl, device);
      try {
        await page.goto('/');
        await page.getByTestId('product').first().waitFor();
        await checkPage(page, `screens-home-${width}`);
        expect(headingOrderProblems(await headingLevels(page))).toEqual([]);

        await page.goto('/search?q=T恤');
        await page.getByTestId('product').first().waitFor();
        await checkPage(page, `screens-search-${width}`);
        expect(headingOrderProblems(await headingLevels(page))).toEqual([]);

        await page.goto(`/products/${shop.productId}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator('.product-figure img').waitFor();
        await checkPage(page, `screens-product-${width}`);
        expect(headingOrderProblems(await headingLevels(page))).toEqual([]);

        // From the product to its film's page, as a visitor would.
        await page.getByRole('link', { name: '宝莲灯' }).first().click();
        await page.waitForURL(`**/ip/${shop.licensed.filmIpId}`);
        await page.getByRole('heading', { level: 2, name: '周边与体验' }).waitFor();
        await page.getByTestId('product').first().waitFor();
        await checkPage(page, `screens-film-${width}`);
        expect(headingOrderProblems(await headingLevels(page))).toEqual([]);

        await page.goto(`/products/${shop.productId}`);
        await page.getByRole('button', { name: '加入购物车' }).click();
        await page.goto('/cart');
        await page.getByRole('heading', { level: 1, name: '购物车' }).waitFor();
        await checkPage(page, `screens-cart-${width}`);
      } finally {
        await context.close();
      }
    });

    it(`the buyer's order at ${width} px`, async () => {
      const { context, page } = await newPage(browser, t.baseUrl, device);
      try {
        await logIn(page, buyer, `/orders/${orderId}`);
        await page.getByRole('heading', { level: 1, name: '订单' }).waitFor();
        await checkPage(page, `screens-order-${width}`);
      } finally {
        await context.close();
      }
    });

    it(`the merchant's product form at ${width} px`, async () => {
      const { context, page } = await newPage(browser, t.baseUrl, device);
      try {
        await logIn(page, shop.licensed.merchant, '/merchant?tab=products');
        await page.getByRole('heading', { name: '新建文创设计' }).waitFor();
        await checkPage(page, `screens-merchant-product-form-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
