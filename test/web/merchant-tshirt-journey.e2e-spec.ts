import type { Browser, Page } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { createVenue, Licensed, licensedMerchant, ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { photo } from '../support/media';
import { Party, signUp } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';

/** The image's decoded width: 0 until it has loaded, and for a broken image. */
async function loadedWidth(page: Page, selector: string): Promise<number> {
  const img = page.locator(selector).first();
  await img.scrollIntoViewIfNeeded();
  return img.evaluate(async (el) => {
    // The test project's types have no DOM: the two members of HTMLImageElement used here.
    const image = el as unknown as { decode(): Promise<void>; naturalWidth: number };
    await image.decode().catch(() => undefined);
    return image.naturalWidth;
  });
}

/**
 * The merchant console end to end (issue #16): a merchant creates a T-shirt in three sizes and two colours with four
 * pictures from the web form, the studio approves it, a visitor on a 375 px phone finds it with its picture, saves it,
 * buys size M in black by option names, pays, the merchant ships it, and the visitor reviews it; the product page
 * shows the rating.
 */
describe('web: a merchant sells a T-shirt in sizes and colours', () => {
  let t: TestApp;
  let browser: Browser;
  let l: Licensed;
  let visitor: Party;
  let productId: string;
  let orderId: string;
  let mBlackId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    browser = await launchBrowser();
    l = await licensedMerchant(t, { title: 'Lotus Lantern', titleZh: '宝莲灯', categories: ['APPAREL', 'TOUR'] });
    await ok(
      t.gql(
        contractOperation('SetDeliveryOptions'),
        {
          merchantId: l.merchant.organizationId,
          pickup: true,
          ship: true,
          shippingFee: { amountMinor: 1000, currency: 'CNY' },
        },
        l.merchant.token,
      ),
      'setDeliveryOptions',
    );
    visitor = await signUp(t, 'tshirt-visitor');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the merchant defines sizes × colours, fixes what the form finds, adds four pictures in order, and submits', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(page, l.merchant, '/merchant?tab=products');
    const form = page.locator('form[aria-labelledby="create-product"]');
    await form.getByLabel('名称（中文）', { exact: true }).fill('宝莲灯T恤');
    await form.getByLabel('名称（英文）', { exact: true }).fill('Lotus Lantern T-shirt');
    await form.getByRole('button', { name: '添加规格' }).click();
    await form.getByLabel('规格 1 名称（中文）').fill('尺码');
    await form.getByLabel('规格 1 名称（英文）').fill('Size');
    await form.getByLabel('规格 1 取值（中文）').fill('S, M, L');
    await form.getByRole('button', { name: '添加规格' }).click();
    await form.getByLabel('规格 2 名称（中文）').fill('颜色');
    await form.getByLabel('规格 2 名称（英文）').fill('Colour');
    await form.getByLabel('规格 2 取值（中文）').fill('黑，白');
    await form.getByLabel('规格 2 取值（英文，选填）').fill('Black, White');
    expect(await form.getByTestId('variant-row').count()).toBe(6);

    // Nothing filled in yet: every row is reported before anything is sent.
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.getByTestId('form-problems').getByText('有 6 个规格的 SKU、价格或库存需要修改。').waitFor();

    await form.getByLabel('SKU 前缀').fill('tee');
    await form.getByLabel('统一价格（元）').fill('99');
    await form.getByLabel('统一库存').fill('10');
    await form.getByRole('button', { name: '批量填入' }).click();
    expect(await form.getByLabel('M / 黑 的 SKU', { exact: true }).inputValue()).toBe('TEE-M-BLACK');
    await form.getByLabel('L / 白 的价格（元）', { exact: true }).fill('109');
    await form.getByLabel('M / 白 的 SKU', { exact: true }).fill('tee-m-black');
    await form.getByRole('button', { name: '保存草稿' }).click();
    expect(await form.getByText('与其他款式的 SKU 重复').count()).toBe(2);
    await form.getByLabel('M / 白 的 SKU', { exact: true }).fill('TEE-M-WHITE');

    // Five pictures drawn here, uploaded through POST /media; the fifth is removed again and the last moved up.
    const files = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => ({
        name: `tee-${n}.png`,
        mimeType: 'image/png',
        buffer: await photo('png', n * 9, 900, 900),
      })),
    );
    await form.getByLabel('上传图片').setInputFiles(files);
    await form.getByTestId('gallery-item').nth(4).waitFor({ timeout: 30_000 });
    await form.getByRole('button', { name: '删除第 5 张' }).click();
    expect(await form.getByTestId('gallery-item').count()).toBe(4);
    const fourth = await form.getByTestId('gallery-item').nth(3).locator('img').getAttribute('src');
    await form.getByRole('button', { name: '第 4 张上移' }).click();
    expect(await form.getByTestId('gallery-item').nth(2).locator('img').getAttribute('src')).toBe(fourth);
    // The focus stays on the moved picture's button, so a keyboard user can go on moving it.
    await page.keyboard.press('Enter');
    expect(await form.getByTestId('gallery-item').nth(1).locator('img').getAttribute('src')).toBe(fourth);
    for (const [i, zh, en] of [
      [1, '宝莲灯T恤正面', 'Front of the Lotus Lantern T-shirt'],
      [2, '宝莲灯T恤背面', 'Back'],
      [3, '领口细节', 'Collar'],
      [4, '模特上身', 'Worn'],
    ] as const) {
      await form.getByLabel(`第 ${i} 张图片说明（中文）`).fill(zh);
      await form.getByLabel(`第 ${i} 张图片说明（英文）`).fill(en);
    }
    await checkPage(page, 'merchant-product-form-1280');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.getByRole('status').getByText('草稿“宝莲灯T恤”已保存。').waitFor();

    await page.getByLabel('名称或 SKU').fill('tee-m-black');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    const card = page.getByTestId('product').filter({ hasText: '宝莲灯T恤' });
    await card.getByText(/尺码 M · 颜色 黑 · TEE-M-BLACK/).waitFor();
    expect(await card.locator('img').first().getAttribute('alt')).toBe('宝莲灯T恤正面');
    expect(await page.getByTestId('product').count()).toBe(1);
    await card.getByRole('button', { name: '提交审批' }).click();
    await card.getByText('待片方审批').waitFor();
    await context.close();

    const listed = await t.gql(
      `query($m: ID!) { merchantProducts(merchantId: $m, filter: { search: "宝莲灯T恤" }) { edges { node { id
          media { altZh } variants { id sku price { amountMinor } stock options { nameZh value valueZh } } } } } }`,
      { m: l.merchant.organizationId },
      l.merchant.token,
    );
    const node = listed.data!.merchantProducts.edges[0].node;
    productId = node.id;
    mBlackId = node.variants.find((v: { sku: string }) => v.sku === 'TEE-M-BLACK').id;
    expect(node.media.map((m: { altZh: string }) => m.altZh)).toEqual([
      '宝莲灯T恤正面',
      '宝莲灯T恤背面',
      '领口细节',
      '模特上身',
    ]);
    expect(node.variants).toHaveLength(6);
    expect(node.variants.find((v: { sku: string }) => v.sku === 'TEE-L-WHITE').price.amountMinor).toBe(10900);
  });

  it('the merchant form at 375 px: the options and grid fit a phone', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, l.merchant, '/merchant?tab=products');
    const form = page.locator('form[aria-labelledby="create-product"]');
    await form.getByRole('button', { name: '添加规格' }).click();
    await form.getByLabel('规格 1 名称（中文）').fill('尺码');
    await form.getByLabel('规格 1 取值（中文）').fill('S, M');
    await form.getByTestId('variant-row').nth(1).waitFor();
    await checkPage(page, 'merchant-product-form-375');
    await page.getByRole('button', { name: '新建体验' }).click();
    await page.getByRole('heading', { name: '新建体验' }).waitFor();
    await page.getByLabel('票种 1 名称（中文）').waitFor();
    await checkPage(page, 'merchant-experience-form-375');
    await context.close();
  });

  it('the merchant on a phone creates an experience: an existing venue, two ticket types, Saturday evenings for four weeks, one picture', async () => {
    const venue = await createVenue(t, l.merchant, 'Lotus Lantern Theatre', '宝莲灯剧场');
    // Tomorrow to four weeks on, in Shanghai: exactly four Saturdays, whatever today is.
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, l.merchant, '/merchant?tab=products');
    await page.getByRole('button', { name: '新建体验' }).click();
    const form = page.locator('form[aria-labelledby="create-experience"]');
    await form.getByLabel('名称（中文）', { exact: true }).fill('宝莲灯夜场');
    await form.getByLabel('名称（英文）', { exact: true }).fill('Lotus Lantern Night');
    await form.getByLabel('举办场地').selectOption({ label: '宝莲灯剧场' });
    await form.getByLabel('票种 1 价格（元）').fill('120');
    await form.getByLabel('票种 2 价格（元）').fill('60');
    await form.getByRole('checkbox', { name: '周日' }).uncheck();
    expect(await form.getByRole('checkbox', { name: '周六' }).isChecked()).toBe(true);
    await form.getByLabel('开始时间').fill('19:00');
    await form.getByLabel('时长（分钟）').fill('120');
    await form.getByLabel('座位数').fill('20');
    await form.getByLabel('起始日期').fill(day(1));
    await form.getByLabel('结束日期').fill(day(28));
    await form
      .getByLabel('上传图片')
      .setInputFiles([{ name: 'night.png', mimeType: 'image/png', buffer: await photo('png', 40, 900, 600) }]);
    await form.getByTestId('gallery-item').first().waitFor({ timeout: 30_000 });
    await form.getByLabel('第 1 张图片说明（中文）').fill('宝莲灯夜场舞台');
    await form.getByLabel('第 1 张图片说明（英文）').fill('The stage at night');
    await checkPage(page, 'merchant-experience-filled-375');
    await form.getByRole('button', { name: '保存草稿' }).click();
    await form.getByRole('status').getByText('草稿“宝莲灯夜场”已保存。').waitFor({ timeout: 30_000 });

    const card = page.getByTestId('product').filter({ hasText: '宝莲灯夜场' });
    await card.getByTestId('slot').nth(3).waitFor();
    expect(await card.getByTestId('slot').count()).toBe(4);
    expect(await card.locator('img').first().getAttribute('alt')).toBe('宝莲灯夜场舞台');
    await context.close();

    const listed = await t.gql(
      `query($m: ID!) { merchantProducts(merchantId: $m, filter: { search: "宝莲灯夜场" }) { edges { node { kind category
          venue { id } media { altZh } ticketTypes { name nameZh price { amountMinor currency } }
          upcomingTimeSlots { startsAt endsAt capacity } } } } }`,
      { m: l.merchant.organizationId },
      l.merchant.token,
    );
    const node = listed.data!.merchantProducts.edges[0].node;
    expect(node).toMatchObject({ kind: 'EXPERIENCE', category: 'TOUR', venue: { id: venue.id } });
    expect(node.media).toEqual([{ altZh: '宝莲灯夜场舞台' }]);
    expect(node.ticketTypes).toEqual([
      { name: 'Adult', nameZh: '成人', price: { amountMinor: 12000, currency: 'CNY' } },
      { name: 'Child', nameZh: '儿童', price: { amountMinor: 6000, currency: 'CNY' } },
    ]);
    const slots = node.upcomingTimeSlots as { startsAt: string; endsAt: string; capacity: number }[];
    expect(slots).toHaveLength(4);
    for (const slot of slots) {
      // 19:00 in Shanghai is 11:00 UTC; a Saturday there; two hours; twenty seats.
      const starts = new Date(slot.startsAt);
      expect(starts.getUTCHours()).toBe(11);
      expect(starts.getUTCMinutes()).toBe(0);
      expect(starts.getUTCDay()).toBe(6);
      expect(new Date(slot.endsAt).getTime() - starts.getTime()).toBe(2 * 3_600_000);
      expect(slot.capacity).toBe(20);
      expect(starts.toISOString().slice(0, 10) >= day(1) && starts.toISOString().slice(0, 10) <= day(28)).toBe(true);
    }
  });

  it('the studio approves and the merchant publishes', async () => {
    await ok(t.gql(contractOperation('ApproveProduct'), { productId }, l.studio.token), 'approveProduct');
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(page, l.merchant, '/merchant?tab=products');
    const card = page.getByTestId('product').filter({ hasText: '宝莲灯T恤' });
    await card.getByRole('button', { name: '上架' }).click();
    await card.getByRole('link', { name: '在商店查看' }).waitFor();
    await context.close();
  });

  it('a visitor on a phone finds it with its picture, saves it, buys size M in black, and pays', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, visitor, `/search?q=${encodeURIComponent('宝莲灯T恤')}`);
    const card = page.getByTestId('product').filter({ hasText: '宝莲灯T恤' });
    await card.locator('img.card-cover').waitFor();
    expect(await card.locator('img.card-cover').getAttribute('alt')).toBe('宝莲灯T恤正面');
    expect(await loadedWidth(page, 'img.card-cover')).toBeGreaterThan(0);
    await checkPage(page, 'tshirt-search-375');
    await card.getByRole('link', { name: '宝莲灯T恤' }).click();
    await page.getByRole('heading', { level: 1, name: '宝莲灯T恤' }).waitFor();

    // The film's own page: its title, studio and story, with this T-shirt among its products; then back to the product.
    await page.getByRole('main').getByRole('link', { name: '宝莲灯', exact: true }).click();
    await page.waitForURL(/\/ip\//);
    await page.getByRole('heading', { level: 1, name: /宝莲灯/ }).waitFor();
    const filmCard = page.getByTestId('product').filter({ hasText: '宝莲灯T恤' });
    await filmCard.locator('img').first().waitFor();
    await checkPage(page, 'tshirt-film-375');
    await filmCard.getByRole('link', { name: '宝莲灯T恤' }).click();
    await page.getByRole('heading', { level: 1, name: '宝莲灯T恤' }).waitFor();

    await page.getByTestId('favourite').getByText('收藏').click();
    await page.getByTestId('favourite').getByText('已收藏').waitFor();
    expect(await page.getByRole('list', { name: '图片' }).getByRole('button').count()).toBe(4);
    await page.getByLabel('尺码').selectOption({ label: 'M' });
    await page.getByLabel('颜色').selectOption({ label: '黑' });
    await page
      .getByTestId('chosen-variant')
      .getByText(/¥99\.00/)
      .waitFor();
    await page.getByLabel('颜色').selectOption({ label: '白' });
    await page.getByLabel('尺码').selectOption({ label: 'L' });
    await page
      .getByTestId('chosen-variant')
      .getByText(/¥109\.00/)
      .waitFor();
    await page.getByLabel('尺码').selectOption({ label: 'M' });
    await page.getByLabel('颜色').selectOption({ label: '黑' });
    await checkPage(page, 'tshirt-product-375');
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByRole('link', { name: '查看购物车' }).click();
    await page.getByText('M · 黑').first().waitFor();

    const delivery = page.getByTestId('delivery-choice');
    await delivery.getByLabel('快递配送').check();
    await delivery.getByLabel('收货人').fill('李小红');
    await delivery.getByLabel('手机号码').fill('13900139000');
    await delivery.getByLabel('省份').fill('上海市');
    await delivery.getByLabel('城市').fill('上海市');
    await delivery.getByLabel('区/县').fill('松江区');
    await delivery.getByLabel('详细地址').fill('车墩镇影视路 2 号');
    await page.getByTestId('cart-total').getByText('¥109.00').waitFor();
    await page.getByRole('button', { name: '去结算' }).click();
    await page.getByTestId('order-status').getByText('待支付').waitFor();
    await page.getByRole('button', { name: '确认支付（开发环境）' }).click();
    await page.getByTestId('order-status').getByText('已支付').waitFor();
    orderId = new URL(page.url()).pathname.split('/').pop()!;
    await context.close();

    const saved = await newPage(browser, t.baseUrl, PHONE);
    await logIn(saved.page, visitor, '/favourites');
    await saved.page.getByTestId('favourite-product').filter({ hasText: '宝莲灯T恤' }).waitFor();
    await saved.context.close();

    const order = await t.gql(
      `query($id: ID!) { order(id: $id) { lines { variantId quantity } } }`,
      { id: orderId },
      visitor.token,
    );
    expect(order.data?.order.lines).toEqual([{ variantId: mBlackId, quantity: 1 }]);
  });

  it('the merchant ships it; the visitor sees it shipped, reviews it, and the product page shows the rating', async () => {
    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, l.merchant, '/merchant?tab=orders');
    const order = m.page.getByTestId('merchant-order').filter({ hasText: orderId.slice(0, 8) });
    await order.getByLabel('快递公司').fill('顺丰速运');
    await order.getByLabel('运单号').fill('SF2026001');
    await order.getByRole('button', { name: '发货' }).click();
    await m.page.getByLabel('显示').selectOption('');
    await order.getByText('顺丰速运 · 运单号 SF2026001').waitFor();
    await m.context.close();

    // No "confirm receipt" step exists: a shipped order is complete, and its buyer may review it.
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await logIn(page, visitor, `/orders/${orderId}`);
    await page.getByTestId('tracking').getByText('顺丰速运 · 运单号 SF2026001').waitFor();
    await page.getByTestId('order-status').getByText('已完成').waitFor();
    await page.getByTestId('write-review').click();
    await page.getByLabel('★★★★★', { exact: true }).check();
    await page.getByLabel('评价内容（选填）').fill('M 码合身，黑色很正');
    await page.getByRole('button', { name: '发表评价' }).click();
    await page.getByTestId('reviewed').getByText('你的评分：5 / 5').waitFor();
    await checkPage(page, 'tshirt-order-375');

    await page.goto(`/products/${productId}`);
    await page.getByTestId('review').getByText('M 码合身，黑色很正').waitFor();
    await page.getByTestId('rating').first().getByText('5.0').waitFor();
    await page.getByRole('cell', { name: 'M · 黑' }).waitFor();
    await checkPage(page, 'tshirt-product-rated-375');
    await context.close();
  });
});
