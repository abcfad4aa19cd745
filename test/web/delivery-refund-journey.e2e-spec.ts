import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { signUp } from '../support/parties';
import { openShop, Shop } from '../support/orders';
import { startTestApp, TestApp } from '../support/test-app';
import {
  downloadCalendar,
  merchantOrder,
  offerShipping,
  payInDevelopment,
  printPackingSlip,
  requestRefund,
  shipTo,
  shipWithTracking,
  SONGJIANG_ADDRESS,
} from '../support/web-steps';

const BADGE = { name: 'Lotus Lantern enamel badge', nameZh: '宝莲灯珐琅徽章', category: 'COLLECTIBLE' };
const BADGE_PRICE = 9_900;
const TOUR_ADULT_PRICE = 12_000;
const yuan = (minor: number) => `¥${(minor / 100).toFixed(2)}`;
/** A share of a line's net amount at the license's rate, as the ledger takes it: floor(G × bps / 10 000). */
const share = (netMinor: number, bps: number) => Math.floor((netMinor * bps) / 10_000);
/** An instant as an iCalendar local time in Asia/Shanghai (YYYYMMDDTHHMMSS). */
const icsLocal = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '');

/**
 * Issue #15's journey in one go, Chinese first: a visitor on a phone buys three badges to be shipped and a farm tour,
 * enters an address, pays, reads the ticket and adds it to the calendar; the merchant prints the packing slip and
 * ships with a tracking number; the visitor reads the tracking and asks for one badge's refund, which the merchant
 * approves; the studio's royalty report shows the reversal to the fen, computed here from the license's rate.
 */
describe('web: from a phone order to a refund in the royalty report', () => {
  let t: TestApp;
  let browser: Browser;
  let shop: Shop;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    browser = await launchBrowser();
    shop = await openShop(t, { stock: 20, merchandise: BADGE });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('buys, ships, tracks, refunds one badge and shows the royalty reversal to the fen', async () => {
    const buyer = await signUp(t, 'journey-buyer');
    const merchant = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(merchant.page, shop.licensed.merchant, '/merchant?tab=delivery');
    await offerShipping(merchant.page, {
      pickupAddress: '上海市松江区车墩镇影视路 8 号',
      feeYuan: '12',
      freeFromYuan: '300',
    });

    // The visitor, on a phone: three badges and one adult ticket for tomorrow's farm tour, shipped to Songjiang.
    const b = await newPage(browser, t.baseUrl, PHONE);
    await logIn(b.page, buyer, `/products/${shop.productId}`);
    await b.page.getByLabel('数量').fill('3');
    await b.page.getByRole('button', { name: '加入购物车' }).click();
    await b.page.getByRole('status').getByText('已加入购物车').waitFor();
    await b.page.goto(`/products/${shop.experienceId}`);
    await b.page.getByRole('button', { name: '加入购物车' }).click();
    await b.page.getByRole('link', { name: '查看购物车' }).click();
    await shipTo(b.page, SONGJIANG_ADDRESS);
    // 3 × ¥99.00 is under the ¥300.00 free-shipping threshold: the ¥12.00 fee is added.
    await b.page
      .getByTestId('cart-total')
      .getByText(yuan(3 * BADGE_PRICE + TOUR_ADULT_PRICE + 1_200))
      .waitFor();
    await checkPage(b.page, 'journey-cart-375');
    await b.page.getByRole('button', { name: '去结算' }).click();
    await payInDevelopment(b.page);
    const orderId = new URL(b.page.url()).pathname.split('/').pop()!;

    // The ticket says what, when and where; the calendar file has the session in Shanghai time.
    const ticket = b.page.getByTestId('ticket');
    await ticket.getByText('Adult').waitFor();
    await ticket.getByText('新社牧场').waitFor();
    expect(await ticket.getByRole('link', { name: '地图' }).getAttribute('href')).toContain('openstreetmap.org');
    const [slot] = await t.sql<{ startsAt: Date; endsAt: Date }>(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM time_slots WHERE id = $1`,
      [shop.slotId],
    );
    const { filename, ics } = await downloadCalendar(b.page);
    expect(filename).toMatch(/\.ics$/);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART;TZID=Asia/Shanghai:${icsLocal(slot!.startsAt)}`);
    expect(ics).toContain(`DTEND;TZID=Asia/Shanghai:${icsLocal(slot!.endsAt)}`);
    expect(ics).toMatch(/SUMMARY:.*(Ranch filming location tour|农场拍摄地之旅)/);
    await checkPage(b.page, 'journey-order-tickets-375');

    // The merchant prints the packing slip and ships the badges with a tracking number.
    await merchant.page.goto('/merchant?tab=orders');
    const order = merchantOrder(merchant.page, orderId);
    await printPackingSlip(order, SONGJIANG_ADDRESS, 3);
    await shipWithTracking(order, '顺丰速运', 'SF1234567890');
    await merchant.page.getByLabel('显示').selectOption('');
    await order.getByText('顺丰速运 · 运单号 SF1234567890').waitFor();

    // The visitor reads the tracking and asks for one badge's refund.
    await b.page.reload();
    await b.page.getByTestId('tracking').getByText('顺丰速运 · 运单号 SF1234567890').waitFor();
    const badges = b.page.locator('li.card').filter({ hasText: `3 × ${yuan(BADGE_PRICE)}` });
    await requestRefund(badges, '有一枚徽章背针松了', { units: 1 });
    await b.page.getByTestId('refund-request').getByText('等待商家处理').waitFor();
    await checkPage(b.page, 'journey-refund-requested-375');

    // The merchant approves it from the queue: refunded at once.
    await merchant.page.goto('/merchant?tab=refunds');
    const request = merchant.page.getByTestId('refund-request').filter({ hasText: '有一枚徽章背针松了' });
    await request.getByRole('button', { name: '同意并退款' }).click();
    await merchant.page.getByText('没有待处理的退款申请。').waitFor();
    await merchant.context.close();
    await b.page.reload();
    await badges.getByText(`已退款 ${yuan(BADGE_PRICE)}`).waitFor();
    await b.context.close();

    // The studio's report, from the license's rate: the badges' royalty less the reversal of one of three by the
    // cumulative method (floor(R × refunded / G)), and the tour's royalty; the shipping fee carries none.
    const [license] = await t.sql<{ royaltyBps: number }>(
      `SELECT royalty_bps AS "royaltyBps" FROM licenses WHERE id = $1`,
      [shop.licensed.licenseId],
    );
    const bps = license!.royaltyBps;
    const badgesNet = 3 * BADGE_PRICE;
    const badgesRoyalty = share(badgesNet, bps);
    const reversal = Math.floor((badgesRoyalty * BADGE_PRICE) / badgesNet);
    const tourRoyalty = share(TOUR_ADULT_PRICE, bps);
    expect(reversal).toBeGreaterThan(0);

    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, shop.licensed.studio, '/studio?tab=royalties');
    await s.page.getByRole('heading', { name: '版税看板' }).waitFor();
    const badgeRow = s.page
      .getByTestId('royalty-lines')
      .getByRole('row')
      .filter({ hasText: new RegExp(`${BADGE.name}|${BADGE.nameZh}`) });
    await badgeRow.getByRole('cell', { name: yuan(badgesNet), exact: true }).waitFor();
    await badgeRow.getByRole('cell', { name: yuan(BADGE_PRICE), exact: true }).waitFor();
    await badgeRow.getByRole('cell', { name: yuan(badgesRoyalty - reversal), exact: true }).waitFor();
    await s.page
      .getByTestId('royalty-total')
      .getByText(yuan(badgesRoyalty - reversal + tourRoyalty))
      .waitFor();
    await checkPage(s.page, 'journey-royalties-desktop');
    await s.context.close();
  });
});
