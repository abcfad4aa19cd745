import { shanghaiDateTime } from '@chedun/kernel';
import type { Browser } from 'playwright-core';
import { renderSVG } from 'uqr';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { createFilmIp, publishOffer } from '../support/licensing';
import { organizationOwner, Party, PASSWORD, signUp } from '../support/parties';
import { startTestApp, TestApp, uniqueEmail } from '../support/test-app';

/**
 * The three journeys of issue #9 in one marketplace, in a real browser: a merchant licenses a film IP and gets a
 * design into the shop; a visitor finds a farm tour by searching in Chinese, buys a ticket and gets its QR code;
 * the studio reads the royalty of that very sale.
 */
describe('web: licence to shop, a visitor buys a ticket, the studio reads its royalty', () => {
  let t: TestApp;
  let browser: Browser;
  let studio: Party;
  let merchant: Party;
  let licenseId: string;
  let experienceId: string;
  let ticketCodes: string[] = [];
  /** The evening the visitor books (the second of two); its tickets admit from two hours before it starts. */
  let secondEvening: { startsAt: Date; endsAt: Date };
  const merchantName = 'Starfield Test Farm';
  const ipZh = '稻田里的星星';
  const badgeZh = '稻田星星刺绣徽章';
  const tourZh = '星空农场夜游';
  // Two tickets of ¥120.00 at 12.5 %: ¥30.00 royalty.
  const royaltyBps = 1_250;
  const ticketMinor = 12_000;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    studio = await organizationOwner(t, 'STUDIO', 'Paddy Star Test Films');
    merchant = await organizationOwner(t, 'MERCHANT', merchantName);
    const filmIpId = await createFilmIp(t, studio, 'Stars in the Paddy', ipZh);
    await publishOffer(t, studio, filmIpId, { royaltyBps, categories: ['COLLECTIBLE', 'TOUR'] });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a merchant applies for a license, the studio approves it and then the design, the merchant publishes and it is found', async () => {
    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, merchant, '/merchant?tab=offers');
    const offer = m.page.getByTestId('offer').filter({ hasText: ipZh });
    await offer.getByText('12.5%').first().waitFor();
    await offer.getByRole('button', { name: '申请授权' }).click();
    await offer.getByLabel('给片方的申请说明').fill('稻田星空主题的刺绣徽章和农场夜游。');
    await offer.getByRole('button', { name: '提交申请' }).click();
    await offer.getByRole('status').getByText('申请已提交').waitFor();

    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, studio, '/studio?tab=inbox');
    await s.page.getByTestId('application').filter({ hasText: ipZh }).getByRole('button', { name: '批准' }).click();
    await s.page.getByText('这里没有申请。').waitFor();

    await m.page.goto('/merchant?tab=products');
    await m.page.getByLabel('名称（中文）').fill(badgeZh);
    await m.page.getByLabel('名称（英文）').fill('Paddy Star Embroidered Badge');
    await m.page.getByLabel('SKU', { exact: true }).fill('PS-BADGE-01');
    await m.page.getByLabel('价格（元）', { exact: true }).fill('45');
    await m.page.getByLabel('现有库存').fill('30');
    await m.page.getByRole('button', { name: '保存草稿' }).click();
    const card = m.page.getByTestId('product').filter({ hasText: badgeZh });
    await card.getByRole('button', { name: '提交审批' }).click();
    await card.getByText('待片方审批').waitFor();

    await s.page.goto('/studio?tab=designs');
    await s.page.getByTestId('design').filter({ hasText: badgeZh }).getByRole('button', { name: '批准设计' }).click();
    await s.page.getByText('没有待审批的设计。').waitFor();
    await s.context.close();

    await m.page.reload();
    await card.getByRole('button', { name: '上架' }).click();
    await card.getByText('已上架').waitFor();
    await m.page.goto(`/search?q=${encodeURIComponent('刺绣徽章')}`);
    await m.page.getByTestId('product').filter({ hasText: badgeZh }).getByText('¥45.00 起').waitFor();
    await checkPage(m.page, 'journey-published-in-search-375');
    await m.context.close();

    const licenses = await ok<{ edges: { node: { id: string } }[] }>(
      t.gql(
        `query($merchantId: ID!) { merchantLicenses(merchantId: $merchantId, status: ACTIVE) { edges { node { id } } } }`,
        { merchantId: merchant.organizationId },
        merchant.token,
      ),
      'merchantLicenses',
    );
    expect(licenses.edges).toHaveLength(1);
    licenseId = licenses.edges[0]!.node.id;
  });

  it('a visitor on a phone searches 农场, picks a slot, signs up at checkout, pays and sees the ticket QR code', async () => {
    // The tour is set up through the API (the console creates merchandise only): a venue, two evenings, one ticket type.
    const venue = await ok<{ id: string }>(
      t.gql(
        contractOperation('CreateVenue'),
        {
          merchantId: merchant.organizationId,
          name: 'Starfield Farm',
          nameZh: '星空农场',
          latitude: 31.0412,
          longitude: 121.2398,
        },
        merchant.token,
      ),
      'createVenue',
    );
    const experience = await ok<{ id: string }>(
      t.gql(
        contractOperation('CreateExperience'),
        {
          licenseId,
          venueId: venue.id,
          category: 'TOUR',
          name: 'Starfield Farm Night Walk',
          nameZh: tourZh,
          description: 'Walk the paddies where the stars were filmed.',
          ticketTypes: [{ name: 'Adult', price: { amountMinor: ticketMinor, currency: 'CNY' } }],
        },
        merchant.token,
      ),
      'createExperience',
    );
    experienceId = experience.id;
    for (const days of [2, 3]) {
      const startsAt = new Date(t.clock.now().getTime() + days * 86_400_000);
      secondEvening = { startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) };
      await ok(
        t.gql(
          contractOperation('AddTimeSlot'),
          { experienceId, startsAt: startsAt.toISOString(), endsAt: secondEvening.endsAt.toISOString(), capacity: 10 },
          merchant.token,
        ),
        'addTimeSlot',
      );
    }
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: experienceId }, merchant.token),
      'submitProductForApproval',
    );
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: experienceId }, studio.token), 'approveProduct');
    await ok(t.gql(contractOperation('PublishProduct'), { productId: experienceId }, merchant.token), 'publishProduct');

    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto('/');
    await page.getByRole('searchbox', { name: '搜索商品' }).fill('农场');
    await page.getByRole('button', { name: '搜索' }).click();
    const hit = page.getByTestId('product').filter({ hasText: tourZh });
    await hit.waitFor();
    await checkPage(page, 'journey-search-farm-375');
    await hit.getByRole('link', { name: tourZh }).click();
    await page.getByRole('heading', { level: 1, name: tourZh }).waitFor();

    // The second evening, so the test proves the chosen slot is the one bought.
    const slotSelect = page.getByRole('combobox', { name: '场次' });
    const secondSlot = await slotSelect.locator('option').nth(1).getAttribute('value');
    await slotSelect.selectOption(secondSlot!);
    await page.getByRole('spinbutton', { name: '数量' }).fill('2');
    await checkPage(page, 'journey-experience-375');
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByRole('link', { name: '查看购物车' }).click();
    await page.getByTestId('cart-total').getByText('¥240.00').waitFor();
    await checkPage(page, 'journey-cart-375');

    await page.getByRole('link', { name: '登录后结算' }).click();
    await page.getByRole('link', { name: '还没有账号？注册' }).click();
    await page.getByLabel('昵称').fill('Star Visitor');
    await page.getByLabel('邮箱').fill(uniqueEmail('star-visitor'));
    await page.getByLabel('密码').fill(PASSWORD);
    await checkPage(page, 'journey-signup-375');
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByRole('heading', { level: 1, name: '购物车' }).waitFor();
    await page.getByRole('button', { name: '去结算' }).click();

    await page.getByRole('heading', { level: 1, name: '订单' }).waitFor();
    await page.getByTestId('order-status').getByText('待支付').waitFor();
    await checkPage(page, 'journey-order-unpaid-375');
    await page.getByRole('button', { name: '确认支付（开发环境）' }).click();
    await page.getByTestId('order-status').getByText('已支付').waitFor();
    const tickets = page.getByTestId('ticket');
    await tickets.nth(1).waitFor();
    expect(await tickets.count()).toBe(2);
    await checkPage(page, 'journey-tickets-375');

    // What the page shows is the API's signed payload, for the slot the visitor picked.
    const session = JSON.parse((await page.evaluate(() => localStorage.getItem('chedun.session')))!) as {
      accessToken: string;
    };
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const order = await ok<{ tickets: { code: string; qrPayload: string; timeSlotId: string }[] }>(
      t.gql(
        `query($id: ID!) { order(id: $id) { tickets { code qrPayload timeSlotId } } }`,
        { id: orderId },
        session.accessToken,
      ),
      'order',
    );
    expect(order.tickets.map((x) => x.timeSlotId)).toEqual([secondSlot, secondSlot]);
    ticketCodes = order.tickets.map((x) => x.code);
    for (const ticket of order.tickets) {
      const shown = tickets.filter({ hasText: ticket.code });
      await shown.getByRole('img', { name: `电子票 ${ticket.code} 的二维码` }).waitFor();
      // The QR matrix drawn on the page is the one for the signed payload (the path's d attribute holds every module).
      const modules = (svg: string) => / d="([^"]+)"/.exec(svg)?.[1];
      expect(modules(await shown.locator('.qr').innerHTML())).toBe(modules(renderSVG(ticket.qrPayload)));
      expect(modules(renderSVG(ticket.qrPayload))).toBeTruthy();
    }

    await page.getByRole('button', { name: '菜单' }).click(); // a phone: the header's links are behind the menu
    await page.getByRole('link', { name: '我的订单' }).click();
    await page.getByRole('link', { name: new RegExp(`× 2`) }).waitFor();
    await checkPage(page, 'journey-my-orders-375');
    await context.close();
  });

  it('the studio reads the royalty of that sale on its dashboard: 12.5 % of ¥240.00', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(page, studio, '/studio?tab=royalties');
    await page.getByRole('heading', { name: '版税看板' }).waitFor();
    await page.getByTestId('royalty-total').getByText('¥30.00').waitFor();
    const row = page.getByTestId('royalty-lines').locator('tbody tr').filter({ hasText: merchantName });
    await row.getByRole('cell', { name: '¥240.00' }).waitFor();
    await row.getByRole('cell', { name: '¥30.00' }).waitFor();
    expect(await page.getByTestId('royalty-lines').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('breakdown-MERCHANT').getByRole('row').filter({ hasText: merchantName }).waitFor();
    await checkPage(page, 'journey-studio-royalty-desktop');
    await context.close();
  });

  it('the merchant on a phone ships a badge order, is refused a ticket two days before its evening, and edits a slot', async () => {
    // A second buyer orders the badge through the API.
    const buyer = await signUp(t, 'badge-buyer');
    const badge = await ok<{ edges: { node: { id: string } }[] }>(
      t.gql(
        `query($text: String!) { searchProducts(text: $text) { edges { node { id } } } }`,
        { text: badgeZh },
        buyer.token,
      ),
      'searchProducts',
    );
    const product = await ok<{ variants: { id: string }[] }>(
      t.gql(`query($id: ID!) { product(id: $id) { variants { id } } }`, { id: badge.edges[0]!.node.id }, buyer.token),
      'product',
    );
    const checkout = await ok<{ order: { id: string } }>(
      t.gql(
        `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } } }`,
        { input: { idempotencyKey: 'badge-order-1', lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] } },
        buyer.token,
      ),
      'checkout',
    );
    await ok(
      t.gql(`mutation($id: ID!) { devConfirmPayment(orderId: $id) { id } }`, { id: checkout.order.id }, buyer.token),
      'devConfirmPayment',
    );

    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, merchant, '/merchant?tab=orders');
    const badgeOrder = page.getByTestId('merchant-order').filter({ hasText: badgeZh });
    const tourOrder = page.getByTestId('merchant-order').filter({ hasText: tourZh });
    await tourOrder.getByText('2 张票已核销 0 张').waitFor();
    await checkPage(page, 'merchant-orders-375');
    await badgeOrder.getByRole('button', { name: '标记已发货' }).click();
    await page.getByLabel('显示').selectOption('FULFILLED');
    await badgeOrder.getByText('已发货').waitFor();
    await badgeOrder.getByText('已完成').waitFor();

    // Two days before the evening the ticket does not admit yet; the refusal says when it does.
    await page.getByRole('link', { name: '核销电子票' }).click();
    await page.getByText('还没有核销电子票。').waitFor();
    await page.getByLabel('票号或二维码内容').fill(ticketCodes[0]!);
    await page.getByRole('button', { name: '核销', exact: true }).click();
    await page.getByRole('alert').getByText('与当前状态冲突。').waitFor();
    // In Chinese, from the error's structured details: no English sentence inside the Chinese message.
    await page
      .getByRole('alert')
      .getByText(/^这张票还不能入场：入场时间为 .+ 至 .+。$/)
      .waitFor();
    expect(await page.getByRole('alert').textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await checkPage(page, 'merchant-ticket-too-early-375');
    expect(await page.getByTestId('redeemed-ticket').count()).toBe(0);
    // Typed codes elsewhere are not theirs: an unknown code is refused.
    await page.getByLabel('票号或二维码内容').fill('NOTATICKET0000');
    await page.getByRole('button', { name: '核销', exact: true }).click();
    await page.getByRole('alert').getByText('未找到，可能已被删除。').waitFor();

    await page.getByRole('link', { name: '订单', exact: true }).click();
    await page.getByLabel('显示').selectOption('');
    await tourOrder.getByText('2 张票已核销 0 张').waitFor();

    await page.getByRole('link', { name: '商品', exact: true }).click();
    const tour = page.getByTestId('product').filter({ hasText: tourZh });
    const firstSlot = tour.getByTestId('slot').first();
    await firstSlot.getByText('共 10 座，已售 0，余 10').waitFor();
    await firstSlot.getByRole('spinbutton').fill('5');
    await firstSlot.getByRole('button', { name: '调整座位' }).click();
    await firstSlot.getByText('共 15 座，已售 0，余 15').waitFor();
    await firstSlot.getByRole('button', { name: '关闭' }).click();
    await firstSlot.getByText('已关闭').waitFor();
    await checkPage(page, 'merchant-slots-375');
    await context.close();
  });

  it('on the second evening the merchant redeems a ticket by its code (once) and sees what it admits', async () => {
    // Half an hour before the tour starts: inside its window, which opens two hours before.
    t.clock.set(new Date(secondEvening.startsAt.getTime() - 30 * 60_000));
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, merchant, '/merchant?tab=tickets');
    await page.getByText('还没有核销电子票。').waitFor();
    await page.getByLabel('票号或二维码内容').fill(ticketCodes[0]!);
    await page.getByRole('button', { name: '核销', exact: true }).click();
    const redeemed = page.getByTestId('redeemed-ticket').filter({ hasText: ticketCodes[0]! });
    await redeemed.getByText(/已于 .* 核销/).waitFor();
    // Product, date, time and ticket type, in Shanghai time.
    const day = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
      secondEvening.startsAt,
    );
    const hhmm = (at: Date) => shanghaiDateTime(at).slice(11);
    // The Chinese interface names the product in Chinese (the order line keeps both names from the purchase).
    expect(await redeemed.getByTestId('redeemed-product').textContent()).toBe(tourZh);
    expect(await redeemed.getByTestId('redeemed-slot').textContent()).toBe(
      `${day} ${hhmm(secondEvening.startsAt)}–${hhmm(secondEvening.endsAt)}`,
    );
    expect(await redeemed.getByTestId('redeemed-type').textContent()).toBe('票种：Adult');
    await checkPage(page, 'merchant-ticket-redeemed-375');
    await page.getByLabel('票号或二维码内容').fill(ticketCodes[0]!);
    await page.getByRole('button', { name: '核销', exact: true }).click();
    await page.getByRole('alert').getByText('与当前状态冲突。').waitFor();
    await page
      .getByRole('alert')
      .getByText(/^这张票已于 .+ 核销过。$/)
      .waitFor();
    expect(await page.getByRole('alert').textContent()).not.toMatch(/[A-Za-z]{3,}/);

    await page.getByRole('link', { name: '订单', exact: true }).click();
    await page.getByLabel('显示').selectOption('');
    await page.getByTestId('merchant-order').filter({ hasText: tourZh }).getByText('2 张票已核销 1 张').waitFor();
    await context.close();
  });
});
