import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { ok } from '../support/catalog';
import { signUp } from '../support/parties';
import { checkout, openShop, Shop } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Reviews and favourites in a real browser, Chinese first: the buyer of a shipped line reviews it from the order page,
 * the product page and its card show the stars and count, and the product saved from its page is on /favourites.
 */
describe('web: reviews and favourites', () => {
  let t: TestApp;
  let browser: Browser;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    browser = await launchBrowser();
    shop = await openShop(t);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the buyer reviews a shipped line, sees the rating on the product page and card, and saves the product', async () => {
    const buyer = await signUp(t, 'review-web-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    const orderId = placed.data!.checkout.order.id as string;
    const paid = await ok<{ lines: { id: string }[] }>(
      t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { lines { id } } }`, { id: orderId }, buyer.token),
      'devConfirmPayment',
    );
    await ok(
      t.gql(
        `mutation($id: ID!) { fulfilOrderLine(orderLineId: $id, fulfilment: SHIPPED) { id } }`,
        { id: paid.lines[0]!.id },
        shop.licensed.merchant.token,
      ),
      'fulfilOrderLine',
    );

    const b = await newPage(browser, t.baseUrl, PHONE);
    await logIn(b.page, buyer, `/orders/${orderId}`);
    await b.page.getByTestId('write-review').click();
    await b.page.getByLabel('★★★★', { exact: true }).check();
    await b.page.getByLabel('评价内容（选填）').fill('做工扎实，很喜欢');
    await checkPage(b.page, 'review-form-375');
    await b.page.getByRole('button', { name: '发表评价' }).click();
    await b.page.getByTestId('reviewed').getByText('你的评分：4 / 5').waitFor();

    await b.page.goto(`/products/${shop.productId}`);
    await b.page.getByTestId('review').getByText('做工扎实，很喜欢').waitFor();
    await b.page.getByTestId('rating').first().getByText('4.0').waitFor();
    await b.page.getByTestId('favourite').getByText('收藏').click();
    await b.page.getByTestId('favourite').getByText('已收藏').waitFor();
    await checkPage(b.page, 'review-product-375');

    await b.page.goto('/favourites');
    await b.page.getByTestId('favourite-product').first().waitFor();
    expect(await b.page.getByTestId('favourite-product').count()).toBe(1);

    await b.page.goto('/search');
    await b.page
      .getByTestId('product')
      .filter({ has: b.page.getByTestId('rating') })
      .first()
      .waitFor();
  });
});
