import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { approveAndPublish, createMerchandise, Licensed, licensedMerchant, ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { Party, signUp } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';
import {
  merchantOrder,
  offerShipping,
  payInDevelopment,
  printPackingSlip,
  shipTo,
  shipWithTracking,
  SONGJIANG_ADDRESS,
} from '../support/web-steps';

/**
 * Delivery in a real browser (issue #15): the merchant offers shipping; a visitor on a phone checks out with an
 * address (a bad phone number is caught on the page), pays and later reads the tracking number; the merchant prints a
 * packing slip, ships with carrier and tracking, and hands a pickup order over by the buyer's code.
 */
describe('web: delivery, shipping and pickup', () => {
  let t: TestApp;
  let browser: Browser;
  let l: Licensed;
  let buyer: Party;
  let productId: string;
  let variantId: string;
  let shippedOrderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    l = await licensedMerchant(t);
    const product = await createMerchandise(t, l, { prices: [9900], stock: 20 });
    await approveAndPublish(t, l, product.id);
    productId = product.id;
    variantId = product.variants[0]!.id;
    buyer = await signUp(t, 'delivery-web-buyer');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the merchant sets a 12 yuan shipping fee, free from 300 yuan', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(page, l.merchant, '/merchant?tab=delivery');
    await offerShipping(page, { pickupAddress: '上海市松江区车墩镇影视路 8 号', feeYuan: '12', freeFromYuan: '300' });
    await checkPage(page, 'delivery-options-desktop');
    await context.close();
  });

  it('a visitor on a phone checks out with an address: a bad phone is caught, the fee is in the total, the order shows the address', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, buyer, `/products/${productId}`);
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByRole('link', { name: '查看购物车' }).click();
    const delivery = await shipTo(page, { ...SONGJIANG_ADDRESS, phone: '1380013800' });
    await delivery.getByText('请填写 11 位手机号码。').waitFor();
    expect(await page.getByRole('button', { name: '去结算' }).isDisabled()).toBe(true);
    await delivery.getByLabel('手机号码').fill(SONGJIANG_ADDRESS.phone);
    await page.getByTestId('cart-total').getByText('¥111.00').waitFor();
    await checkPage(page, 'delivery-cart-375');
    await page.getByRole('button', { name: '去结算' }).click();

    await payInDevelopment(page);
    const shown = page.getByTestId('order-delivery');
    await shown.getByText('王小明 13800138000').waitFor();
    await shown.getByText('¥12.00').waitFor();
    await checkPage(page, 'delivery-order-375');
    shippedOrderId = new URL(page.url()).pathname.split('/').pop()!;
    await context.close();
  });

  it('the merchant on a phone sees the address, prints a packing slip and ships with carrier and tracking', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, l.merchant, '/merchant?tab=orders');
    const order = merchantOrder(page, shippedOrderId);
    await printPackingSlip(order, SONGJIANG_ADDRESS, 1);
    await checkPage(page, 'delivery-merchant-order-375');
    await shipWithTracking(order, '顺丰速运', 'SF1234567890');
    await page.getByLabel('显示').selectOption('');
    await order.getByText('顺丰速运 · 运单号 SF1234567890').waitFor();
    await context.close();

    const buyerPage = await newPage(browser, t.baseUrl, PHONE);
    await logIn(buyerPage.page, buyer, `/orders/${shippedOrderId}`);
    await buyerPage.page.getByTestId('tracking').getByText('顺丰速运 · 运单号 SF1234567890').waitFor();
    await buyerPage.page.getByTestId('order-status').getByText('已完成').waitFor();
    await checkPage(buyerPage.page, 'delivery-tracking-375');
    await buyerPage.context.close();
  });

  it('a pickup order shows its code to the buyer; the merchant hands it over by typing it', async () => {
    const placed = await ok<{ order: { id: string } }>(
      t.gql(
        contractOperation('CheckoutWithDelivery'),
        { idempotencyKey: 'pickup-web-1', lines: [{ variantId, quantity: 1 }], delivery: { method: 'PICKUP' } },
        buyer.token,
      ),
      'checkout',
    );
    await ok(
      t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { id } }`, { id: placed.order.id }, buyer.token),
      'devConfirmPayment',
    );
    const visitor = await newPage(browser, t.baseUrl, PHONE);
    await logIn(visitor.page, buyer, `/orders/${placed.order.id}`);
    const code = (await visitor.page.getByTestId('pickup-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-7]{16}$/);
    await visitor.page.getByRole('img', { name: `自提码 ${code} 的二维码` }).waitFor();
    await visitor.page.getByTestId('pickup-address').getByText('上海市松江区车墩镇影视路 8 号').waitFor();
    await checkPage(visitor.page, 'delivery-pickup-code-375');

    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, l.merchant, '/merchant?tab=orders');
    await page.getByLabel('自提码').fill(code);
    await page.getByRole('button', { name: '确认交付' }).click();
    await page
      .getByRole('status')
      .getByText(`已交付：订单 ${placed.order.id.slice(0, 8)}`)
      .waitFor();
    await page.getByLabel('自提码').fill(code);
    await page.getByRole('button', { name: '确认交付' }).click();
    await page.getByRole('alert').getByText('与当前状态冲突。').waitFor();
    await context.close();

    await visitor.page.reload();
    await visitor.page.getByText(/已于 .* 领取/).waitFor();
    await visitor.context.close();
  });
});
