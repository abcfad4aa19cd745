import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { signUp } from '../support/parties';
import { checkout, openShop, Shop } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import { downloadCalendar, requestRefund } from '../support/web-steps';

/**
 * After-sales in a real browser, Chinese first: the buyer on a phone reads the ticket's details with its venue and
 * map link, downloads the calendar file and asks for a refund with a reason; the merchant on a desktop refuses it
 * with a reason from the queue, which the buyer then reads, and refunds another line with the button on the line.
 */
describe('web: after-sales and ticket details', () => {
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

  it('the buyer asks for a refund and reads the refusal; the merchant decides from its queue and refunds a line', async () => {
    const buyer = await signUp(t, 'after-sales-buyer');
    const placed = await checkout(t, buyer.token, [
      { variantId: shop.variantId, quantity: 1 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
    ]);
    const orderId = placed.data!.checkout.order.id as string;
    await ok(t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token), 'devConfirmPayment');

    const b = await newPage(browser, t.baseUrl, PHONE);
    await logIn(b.page, buyer, `/orders/${orderId}`);
    const ticket = b.page.getByTestId('ticket');
    await ticket.getByText('Adult').waitFor();
    await ticket.getByText('新社牧场').waitFor();
    const map = ticket.getByRole('link', { name: '地图' });
    expect(await map.getAttribute('href')).toContain('openstreetmap.org/?mlat=30.98&mlon=121.3');
    await ticket.getByTestId('ticket-state').getByText('有效：到场出示二维码').waitFor();

    const { filename, ics } = await downloadCalendar(b.page);
    expect(filename).toMatch(/\.ics$/);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:');

    // The merchandise line: 1 × ¥99.00.
    const merchandise = b.page.locator('li.card').filter({ hasText: '1 × ¥99.00' });
    await requestRefund(merchandise, '尺码不合适', {
      beforeSending: () => checkPage(b.page, 'after-sales-request-375'),
    });
    await b.page.getByTestId('refund-request').getByText('等待商家处理').waitFor();

    const m = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(m.page, shop.licensed.merchant, '/merchant?tab=refunds');
    const request = m.page.getByTestId('refund-request').filter({ hasText: '尺码不合适' });
    await request.waitFor();
    await checkPage(m.page, 'after-sales-queue-desktop');
    await request.getByRole('button', { name: '拒绝' }).click();
    await request.getByLabel('拒绝原因（买家可见）').fill('商品已拆封使用');
    await request.getByRole('button', { name: '确认拒绝' }).click();
    await m.page.getByText('没有待处理的退款申请。').waitFor();

    await b.page.reload();
    await b.page.getByTestId('refund-request').getByText('已拒绝').waitFor();
    await b.page.getByText('商家说明：商品已拆封使用').waitFor();
    await checkPage(b.page, 'after-sales-refused-375');

    // The merchant refunds the ticket's line with the button on the line; the buyer's ticket stops admitting.
    await m.page.goto('/merchant?tab=orders');
    // All orders, so the order stays listed once it is partly refunded.
    await m.page.getByRole('combobox', { name: '显示' }).selectOption('');
    m.page.once('dialog', (dialog) => void dialog.accept());
    const order = m.page.getByTestId('merchant-order').filter({ hasText: orderId.slice(0, 8) });
    await order.getByTestId('refund-line').nth(1).click();
    await order.getByText('已退款 ¥120.00').waitFor();
    await m.context.close();

    await b.page.reload();
    await b.page.getByTestId('ticket-state').getByText('已失效').waitFor();
    await b.context.close();
  });
});
