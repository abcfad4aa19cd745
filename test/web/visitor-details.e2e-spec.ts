import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { approveAndPublish, createMerchandise, ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { signUp } from '../support/parties';
import { checkout, openShop, Shop } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The smaller things a new visitor found (issue #16), each in the browser, Chinese first: a malformed product link,
 * a reversed report period, English plurals, Back from a product, cancelling an order, choosing a T-shirt size, a
 * ticket refused at the door and a cart beyond stock.
 */
describe('web: the details a new visitor noticed', () => {
  let t: TestApp;
  let browser: Browser;
  let shop: Shop;
  const notebooks: string[] = [];
  let tee: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    browser = await launchBrowser();
    shop = await openShop(t, { stock: 3 });
    // Thirteen results for one search: a page of twelve and one more.
    for (let i = 1; i <= 13; i++) {
      const product = await createMerchandise(t, shop.licensed, {
        name: `Crane notebook ${i}`,
        nameZh: `纸鹤笔记本${i}`,
        category: 'STATIONERY',
      });
      await approveAndPublish(t, shop.licensed, product.id);
      notebooks.push(product.id);
    }
    const price = { amountMinor: 9_900, currency: 'CNY' };
    tee = await ok(
      t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: shop.licensed.licenseId,
          category: 'APPAREL',
          name: 'Lantern festival tee',
          nameZh: '灯会T恤',
          description: 'Three sizes',
          variants: ['TEE-S-BLK', 'TEE-M-BLK', 'TEE-M-WHT'].map((code) => ({ sku: code, price, stock: 5 })),
        },
        shop.licensed.merchant.token,
      ),
      'createMerchandise',
    );
    await approveAndPublish(t, shop.licensed, tee.id);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a malformed or unknown product link is a not-found page (404), not a validation error to retry', async () => {
    const malformed = await t.gql(`query { product(id: "does-not-exist") { id } }`);
    expect(malformed.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(`query { product(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(unknown.errors![0]!.extensions!['code']).toBe('NOT_FOUND');

    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    for (const path of ['/products/does-not-exist', '/products/00000000-0000-4000-8000-000000000000']) {
      const response = await page.goto(path);
      expect(response!.status()).toBe(404);
      await page.getByRole('heading', { name: '页面不存在' }).waitFor();
      expect(await page.getByText('uuid').count()).toBe(0);
      expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    }
    await checkPage(page, 'not-found-375');
    await context.close();
  });

  it('a reversed report period is refused once, in the form', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(page, shop.licensed.studio, '/studio?tab=royalties');
    await page.getByRole('heading', { name: '版税看板' }).waitFor();
    await page.getByLabel('起始日期').fill('2026-03-31');
    await page.getByLabel('截止日期').fill('2026-03-01');
    await page.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('period-reversed').getByText('开始日期晚于结束日期').waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    await context.close();
  });

  it('English says "1 result"; Back from a product keeps the loaded results and the place in them', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto('/search?q=Lantern%20festival%20tee');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').getByText('1 result', { exact: true }).waitFor();

    await page.getByRole('button', { name: '中文' }).click();
    await page.goto('/search?q=Crane%20notebook');
    await page.getByRole('status').getByText('共 13 个结果').waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    const cards = page.getByTestId('product');
    await cards.nth(12).waitFor();
    const last = cards.nth(12);
    await last.scrollIntoViewIfNeeded();
    const before = (await last.boundingBox())!;
    expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBeGreaterThan(500);
    const name = (await last.getByRole('link').textContent())!;
    await last.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await cards.nth(12).waitFor();
    expect(await cards.count()).toBe(13);
    // The card is back where it was in the window, once what loads after the results (facets, ratings) is in.
    const offset = async () => Math.abs((await cards.nth(12).boundingBox())!.y - before.y);
    for (let tries = 0; tries < 50 && (await offset()) >= 40; tries++) await page.waitForTimeout(100);
    expect(await offset()).toBeLessThan(40);
    await context.close();
  });

  it('shoppers choose the T-shirt by size and colour, not by its SKU', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto(`/products/${tee.id}`);
    const options = page.getByRole('combobox', { name: '规格' });
    await options.waitFor();
    expect(await options.locator('option').allTextContents()).toEqual([
      'S / BLK · ¥99.00',
      'M / BLK · ¥99.00',
      'M / WHT · ¥99.00',
    ]);
    await options.selectOption({ label: 'M / WHT · ¥99.00' });
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByRole('link', { name: '查看购物车' }).click();
    await page.getByTestId('cart-line').getByText('M / WHT').waitFor();
    await context.close();
  });

  it('cancelling an order asks first, in a dialog; keeping it changes nothing', async () => {
    const buyer = await signUp(t, 'cancel-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const orderId = placed.data!.checkout.order.id as string;
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, buyer, `/orders/${orderId}`);
    await page.getByTestId('order-status').getByText('待支付').waitFor();
    await page.getByRole('button', { name: '取消订单' }).click();
    const dialog = page.getByRole('dialog', { name: '确定取消这个订单？' });
    await dialog.waitFor();
    await checkPage(page, 'cancel-order-dialog-375');
    await dialog.getByRole('button', { name: '保留订单' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const [still] = await t.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]);
    expect(still!.status).toBe('PENDING_PAYMENT');
    await page.getByRole('button', { name: '取消订单' }).click();
    await dialog.getByRole('button', { name: '确定取消订单' }).click();
    await page.getByTestId('order-status').getByText('已取消').waitFor();
    await context.close();
  });

  it('a ticket refused at the door and a cart beyond stock say why in Chinese, naming the item', async () => {
    const buyer = await signUp(t, 'door-buyer');
    const placed = await checkout(t, buyer.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
    ]);
    const orderId = placed.data!.checkout.order.id as string;
    await ok(t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token), 'devConfirmPayment');
    const [ticket] = await t.sql<{ code: string }>(`SELECT code FROM tickets WHERE order_id = $1`, [orderId]);

    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, shop.licensed.merchant, '/merchant?tab=tickets');
    await m.page.getByLabel('票号或二维码内容').fill(ticket!.code);
    await m.page.getByRole('button', { name: '核销', exact: true }).click();
    // The session is tomorrow: not valid yet, said in Chinese with its times, no English sentence inside.
    const refusal = m.page.getByRole('alert');
    await refusal.getByText(/^这张票还不能入场：入场时间为 .+ 至 .+。$/).waitFor();
    expect(await refusal.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await m.context.close();

    // Three badges on hand, five in the cart: the refusal names the line and how many are left.
    const b = await newPage(browser, t.baseUrl, PHONE);
    await logIn(b.page, buyer, `/products/${shop.productId}`);
    await b.page.getByRole('button', { name: '加入购物车' }).click();
    await b.page.getByRole('link', { name: '查看购物车' }).click();
    await b.page.getByTestId('cart-line').getByLabel('数量').fill('5');
    const delivery = b.page.getByTestId('delivery-choice');
    await delivery.getByLabel('到店自提').check();
    await b.page.getByRole('button', { name: '去结算' }).click();
    const outOfStock = b.page.getByRole('alert');
    await outOfStock.getByText('「宝莲灯T恤」库存不足：要 5，仅剩 3。').waitFor();
    await checkPage(b.page, 'cart-beyond-stock-375');
    await b.context.close();
  });
});
