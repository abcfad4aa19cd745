import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { applyForLicense, createFilmIp, grantLicense, publishOffer } from '../support/licensing';
import { organizationOwner, Party } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * From design to shop in a real browser: a licensed merchant creates a product on a phone and submits it,
 * the studio approves the design, the merchant publishes it, and a visitor finds it by searching in Chinese.
 */
describe('web: from design to shop', () => {
  let t: TestApp;
  let browser: Browser;
  let studio: Party;
  let merchant: Party;
  let experienceId: string;
  const productZh = '夜行列车折纸徽章';

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    studio = await organizationOwner(t, 'STUDIO', 'Wuyue Test Films');
    merchant = await organizationOwner(t, 'MERCHANT', 'Film Park Test Shop');
    const filmIpId = await createFilmIp(t, studio, 'The Last Night Train', '末班夜行列车');
    const { licenseId } = await grantLicense(t, studio, merchant, { filmIpId, categories: ['COLLECTIBLE', 'TOUR'] });

    // An experience set up through the API, so the product page has tickets, a calendar and a venue.
    const venue = await ok<{ id: string }>(
      t.gql(
        contractOperation('CreateVenue'),
        {
          merchantId: merchant.organizationId,
          name: 'Night Train Platform',
          nameZh: '夜行列车站台',
          latitude: 31.0456,
          longitude: 121.2321,
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
          name: 'Night Train Set Tour',
          nameZh: '夜行列车片场导览',
          description: 'Walk the platform where the last train was filmed.',
          ticketTypes: [{ name: 'Adult', price: { amountMinor: 12_000, currency: 'CNY' } }],
        },
        merchant.token,
      ),
      'createExperience',
    );
    experienceId = experience.id;
    const startsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    await ok(
      t.gql(
        contractOperation('AddTimeSlot'),
        {
          experienceId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
          capacity: 20,
        },
        merchant.token,
      ),
      'addTimeSlot',
    );
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: experienceId }, merchant.token),
      'submitProductForApproval',
    );
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: experienceId }, studio.token), 'approveProduct');
    await ok(t.gql(contractOperation('PublishProduct'), { productId: experienceId }, merchant.token), 'publishProduct');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a merchant creates a design on a phone, the studio approves it, the merchant publishes it', async () => {
    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, merchant, '/merchant?tab=products');
    const page = m.page;
    await page.getByLabel('名称（中文）').fill(productZh);
    await page.getByLabel('名称（英文）').fill('Night Train Origami Badge');
    await page.getByLabel('描述（中文）').fill('纸鹤造型的徽章，取自末班夜行列车。');
    await page.getByLabel('SKU', { exact: true }).fill('NT-BADGE-01');
    await page.getByLabel('价格（元）', { exact: true }).fill('39');
    await page.getByLabel('现有库存').fill('20');
    await page.getByRole('button', { name: '保存草稿' }).click();
    const card = page.getByTestId('product').filter({ hasText: productZh });
    await card.getByText('草稿').waitFor();
    await card.getByRole('button', { name: '提交审批' }).click();
    await card.getByText('待片方审批').waitFor();
    await checkPage(page, 'merchant-products-375');

    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, studio, '/studio?tab=designs');
    const design = s.page.getByTestId('design').filter({ hasText: productZh });
    await design.getByText('NT-BADGE-01').waitFor();
    await checkPage(s.page, 'studio-design-approvals-desktop');
    await design.getByRole('button', { name: '批准设计' }).click();
    await s.page.getByText('没有待审批的设计。').waitFor();
    await s.context.close();

    await page.reload();
    await card.getByText('已批准').waitFor();
    await card.getByRole('button', { name: '上架' }).click();
    await card.getByText('已上架').waitFor();
    await card.getByLabel('NT-BADGE-01 补货数量').fill('5');
    await card.getByRole('button', { name: '补货' }).click();
    await card.getByText('剩余 25').waitFor();
    await m.context.close();
  });

  it('a visitor on a phone searches in Chinese, filters by category and opens the product', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto('/');
    await page
      .getByRole('link', { name: /末班夜行列车/ })
      .first()
      .waitFor();
    await checkPage(page, 'storefront-home-375');

    await page.getByRole('searchbox', { name: '搜索商品' }).fill('折纸徽章');
    await page.getByRole('button', { name: '搜索' }).click();
    const hit = page.getByTestId('product').filter({ hasText: productZh });
    await hit.waitFor();
    await hit.getByText('¥39.00 起').waitFor();
    await page.getByTestId('product').filter({ hasText: '夜行列车片场导览' }).waitFor({ state: 'detached' });
    await checkPage(page, 'search-zh-375');

    await page.getByRole('searchbox', { name: '搜索商品' }).fill('夜行列车');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('共 2 个结果').waitFor();
    // On a phone the filters wait behind a button. Facets count every match; the film IP facet reads in Chinese.
    await page.getByRole('button', { name: '筛选与排序' }).click();
    await page.getByLabel('末班夜行列车 (2)').waitFor();
    await page.getByLabel(/游览/).check();
    await page.getByText('共 1 个结果').waitFor();
    await page.getByTestId('product').filter({ hasText: '夜行列车片场导览' }).waitFor();
    await page.getByLabel(/游览/).uncheck();
    await page.getByText('共 2 个结果').waitFor();

    await hit.getByRole('link', { name: productZh }).click();
    await page.getByRole('heading', { level: 1, name: productZh }).waitFor();
    await page.getByRole('cell', { name: '剩余 25' }).waitFor();
    await checkPage(page, 'product-merchandise-375');
    await page.getByRole('link', { name: '末班夜行列车' }).click();
    await page.getByText('共 2 个结果').waitFor();
    await context.close();
  });

  it('rejections reach the merchant with the reason: a license application and a product design', async () => {
    const offerId = await publishOffer(t, studio, await createFilmIp(t, studio, 'Paper Crane Alley', '纸鹤巷'), {
      categories: ['STATIONERY'],
    });
    await applyForLicense(t, merchant, offerId, '纸鹤巷明信片套装');
    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, studio, '/studio?tab=inbox');
    const application = s.page.getByTestId('application').filter({ hasText: '纸鹤巷明信片套装' });
    await application.getByRole('button', { name: '拒绝' }).click();
    await application.getByLabel('拒绝理由（商家可见）').fill('本季度已授权同类文具');
    await checkPage(s.page, 'studio-inbox-reject-desktop');
    await application.getByRole('button', { name: '确认拒绝' }).click();
    await s.page.getByText('这里没有申请。').waitFor();

    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, merchant, '/merchant?tab=applications');
    const mine = m.page.getByTestId('application').filter({ hasText: '纸鹤巷' });
    await mine.getByText('已拒绝').waitFor();
    await mine.getByText('本季度已授权同类文具', { exact: false }).waitFor();

    await m.page.goto('/merchant?tab=products');
    await m.page.getByLabel('名称（中文）').fill('夜行列车车票书签');
    await m.page.getByLabel('名称（英文）').fill('Night Train Ticket Bookmark');
    await m.page.getByLabel('SKU', { exact: true }).fill('NT-BOOKMARK-01');
    await m.page.getByLabel('价格（元）', { exact: true }).fill('18');
    await m.page.getByRole('button', { name: '保存草稿' }).click();
    const draft = m.page.getByTestId('product').filter({ hasText: '夜行列车车票书签' });
    await draft.getByRole('button', { name: '提交审批' }).click();
    await draft.getByText('待片方审批').waitFor();

    await s.page.goto('/studio?tab=designs');
    const design = s.page.getByTestId('design').filter({ hasText: '夜行列车车票书签' });
    await design.getByRole('button', { name: '驳回', exact: true }).click();
    await design.getByLabel('给商家的意见').fill('车票上的列车编号请改为 K1905');
    await design.getByRole('button', { name: '驳回设计' }).click();
    await s.page.getByText('没有待审批的设计。').waitFor();
    await s.context.close();

    await m.page.reload();
    await draft.getByText('已驳回').waitFor();
    await draft.getByText('车票上的列车编号请改为 K1905', { exact: false }).waitFor();
    await draft.getByRole('button', { name: '提交审批' }).waitFor();
    await checkPage(m.page, 'merchant-product-rejected-375');
    await m.context.close();
  });

  it('shows an experience with its calendar, seats and venue position on a desktop', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await page.goto(`/products/${experienceId}`);
    await page.getByRole('heading', { level: 1, name: '夜行列车片场导览' }).waitFor();
    await page.getByText('余 20 座', { exact: true }).waitFor();
    await page.getByText('夜行列车站台').waitFor();
    await page.getByText('地图位置 31.04560, 121.23210').waitFor();
    await checkPage(page, 'product-experience-desktop');
    // An unknown product is a not-found page (status 404 from the server), not an error with "try again".
    await page.goto('/products/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    await checkPage(page, 'product-not-found-desktop');
    await context.close();
  });
});
