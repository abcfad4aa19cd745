import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, newPage, PHONE } from '../support/browser';
import { approveAndPublish, createMerchandise, licensedMerchant } from '../support/catalog';
import { FakeStripe } from '../support/fake-stripe';
import { signUp, PASSWORD } from '../support/parties';
import { deliver, paymentIntent, stripeEvent, WEBHOOK_SECRET } from '../support/stripe-events';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Stripe.js as a stand-in served in place of js.stripe.com (tests never reach the internet): it records what the
 * web app hands it (publishable key, the PaymentIntent's client secret, the return URL) and confirms at once.
 * Only Stripe's own widget is fake; the API runs its real Stripe gateway against the local fake Stripe server and
 * its real webhook path.
 */
const STRIPE_JS_STAND_IN = `
  window.__stripe = { calls: [] };
  window.Stripe = function (publishableKey) {
    window.__stripe.publishableKey = publishableKey;
    const element = {
      mount(target) {
        const node = typeof target === 'string' ? document.querySelector(target) : target;
        node.innerHTML = '<p data-testid="payment-element">Card details (stand-in)</p>';
      },
      on() { return element; }, off() { return element; }, once() { return element; },
      update() {}, destroy() {}, unmount() {}, blur() {}, focus() {}, clear() {}, collapse() {},
    };
    const noop = () => Promise.resolve({});
    return {
      elements(options) {
        window.__stripe.clientSecret = options && options.clientSecret;
        window.__stripe.locale = options && options.locale;
        return { create() { return element; }, getElement() { return element; }, update() {}, fetchUpdates: noop, submit: noop };
      },
      confirmPayment(args) {
        window.__stripe.calls.push({ returnUrl: args.confirmParams.return_url, redirect: args.redirect });
        return Promise.resolve({ paymentIntent: { status: 'succeeded' } });
      },
      createToken: noop, createPaymentMethod: noop, confirmCardPayment: noop,
      registerAppInfo() {}, _registerWrapper() {},
    };
  };
  window.Stripe.version = 'endive';
`;

describe('web: paying with Stripe', () => {
  let t: TestApp;
  let fake: FakeStripe;
  let browser: Browser;

  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_web',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PUBLISHABLE_KEY: 'pk_test_web',
        ...fake.env(),
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await fake?.close();
  });

  it('shows the Payment Element for the order’s PaymentIntent and turns paid when the webhook arrives', async () => {
    const licensed = await licensedMerchant(t, { title: 'Lotus Lantern', titleZh: '宝莲灯' });
    const product = await createMerchandise(t, licensed, {
      nameZh: '宝莲灯书签',
      name: 'Lotus Lantern Bookmark',
      category: 'STATIONERY',
      prices: [3_800],
    });
    await approveAndPublish(t, licensed, product.id);
    const buyer = await signUp(t, 'stripe-buyer');

    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await context.route('https://js.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'application/javascript', body: STRIPE_JS_STAND_IN }),
    );
    await page.goto(`/login?next=${encodeURIComponent(`/products/${product.id}`)}`);
    await page.getByLabel('邮箱').fill(buyer.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '宝莲灯书签' }).waitFor();
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByRole('link', { name: '查看购物车' }).click();
    await page.getByRole('button', { name: '去结算' }).click();

    await page.getByTestId('payment-element').waitFor();
    // No development button when a real provider is configured.
    expect(await page.getByRole('button', { name: '确认支付（开发环境）' }).count()).toBe(0);
    await checkPage(page, 'stripe-payment-element-375');
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const handed = (await page.evaluate('window.__stripe')) as {
      publishableKey: string;
      clientSecret: string;
      locale: string;
    };
    expect(handed).toMatchObject({
      publishableKey: 'pk_test_web',
      locale: 'zh',
      clientSecret: expect.stringMatching(/^pi_[0-9a-f]{24}_secret_/),
    });
    const intent = fake.requests.find(
      (r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.form['metadata[orderId]'] === orderId,
    );
    expect(intent?.form['amount']).toBe('3800');

    await page.getByRole('button', { name: '立即支付' }).click();
    await page.getByText('已提交支付，正在等待支付服务确认…').waitFor();
    expect(await page.evaluate('window.__stripe.calls')).toEqual([
      { returnUrl: `${t.baseUrl}/orders/${orderId}`, redirect: 'if_required' },
    ]);
    expect(await page.getByTestId('order-status').textContent()).toBe('待支付');

    const providerPaymentId = handed.clientSecret.split('_secret_')[0]!;
    const delivered = await deliver(
      t.baseUrl,
      stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 3_800)),
    );
    expect(delivered.status).toBe(200);
    await page.getByTestId('order-status').getByText('已支付').waitFor({ timeout: 15_000 });
    await checkPage(page, 'stripe-order-paid-375');
    await context.close();
  });
});
