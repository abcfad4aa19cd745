import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, newPage, PHONE } from '../support/browser';
import { startTestApp, TestApp, uniqueEmail } from '../support/test-app';
import { emailedToken } from '../support/parties';

const PASSWORD = 'film-town-2026';

function shanghaiDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The licensing journeys in a real browser against the real app serving the built web app: a studio
 * publishes an offer, a merchant applies on a phone, the studio approves from its inbox.
 */
describe('web: licensing journeys', () => {
  let t: TestApp;
  let browser: Browser;
  let studio: { context: BrowserContext; page: Page };
  let merchant: { context: BrowserContext; page: Page };
  const title = `Chedun Night Train ${Date.now()}`;
  const titleZh = `车墩夜行列车${Date.now() % 10_000}`;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    studio = await newPage(browser, t.baseUrl, DESKTOP);
    merchant = await newPage(browser, t.baseUrl, PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signUpAndRegister(page: Page, path: '/studio' | '/merchant', name: string, nameZh: string) {
    await page.goto(path);
    await page.getByRole('link', { name: '登录' }).last().click();
    await page.getByRole('link', { name: '还没有账号？注册' }).click();
    const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
    await page.getByLabel('昵称').fill(name);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '注册' }).click();
    // Registering an organization needs a verified address: follow the link of the verification email.
    await page.getByText('请验证您的邮箱：').waitFor();
    await page.goto(`/verify-email#token=${await emailedToken(t, 'EMAIL_VERIFICATION', email)}`);
    await page.getByRole('button', { name: '验证邮箱' }).click();
    await page.getByRole('heading', { level: 1, name: '车墩影视 IP，触手可及' }).waitFor();
    await page.goto(path);
    await page.getByLabel('名称（中文）').fill(nameZh);
    await page.getByLabel('名称（英文）').fill(name);
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: nameZh }).waitFor();
  }

  it('shows the home page in Chinese first, with an English switch that sticks', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto('/');
    await page.waitForFunction("document.documentElement.lang === 'zh-CN'");
    await page.getByRole('heading', { name: '车墩影视 IP，触手可及' }).waitFor();
    await page.getByText('暂无影视 IP。').waitFor();
    await checkPage(page, 'home-empty-zh-375');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Film IP of Chedun, in your hands' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Film IP of Chedun, in your hands' }).waitFor();
    await page.waitForFunction("document.documentElement.lang === 'en'");
    await context.close();
  });

  it('answers a deep link with the app and a wrong log-in with a friendly message', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto('/merchant?tab=licenses');
    await page.getByText('登录后使用后台。').waitFor();
    await page.getByRole('link', { name: '登录' }).last().click();
    await page.getByLabel('邮箱').fill('nobody@example.test');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('请先登录（邮箱或密码有误？）。').waitFor();
    await checkPage(page, 'login-error-375');
    await context.close();
  });

  it('a studio registers, creates its film IP and publishes a license offer', async () => {
    const { page } = studio;
    await signUpAndRegister(page, '/studio', 'Xinshe Test Studio', '新社测试影业');
    await page.getByText('还没有影视 IP，先创建一个吧。').first().waitFor();
    await page.getByLabel('片名（中文）').fill(titleZh);
    await page.getByLabel('片名（英文）').fill(title);
    await page.getByLabel('年份').fill('2025');
    await page.getByLabel('简介').fill('A detective story aboard the last train into the film park.');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: titleZh }).waitFor();
    await checkPage(page, 'studio-ip-desktop');

    await page.getByRole('link', { name: '授权要约' }).click();
    await page.getByText('暂无授权要约。').waitFor();
    await page.getByLabel('版税（净销售额的 %）').fill('12.5');
    await page.getByLabel('收藏品').check();
    await page.getByLabel('文具').check();
    // Ending before it starts: the API's validation message comes back next to a friendly one.
    await page.getByLabel('开始日期').fill(shanghaiDate(1));
    await page.getByLabel('结束日期').fill(shanghaiDate(0));
    await page.getByRole('button', { name: '发布要约' }).click();
    await page.getByRole('alert').getByText('请检查填写的内容。').waitFor();
    await page.getByRole('alert').getByText('endsOn must be after startsOn').first().waitFor();
    await page.getByLabel('结束日期').fill(shanghaiDate(365));
    await page.getByRole('button', { name: '发布要约' }).click();
    const offer = page.getByRole('listitem').filter({ hasText: titleZh });
    await offer.getByText('开放中').waitFor();
    await offer.getByText('12.5%').first().waitFor();
    await offer.getByText('收藏品 · 文具').first().waitFor();
    await checkPage(page, 'studio-offers-desktop');
  });

  it('a merchant registers on a phone, finds the open offer and applies', async () => {
    const { page } = merchant;
    await signUpAndRegister(page, '/merchant', 'Xiangdi Test Shop', '香堤测试店');
    const offer = page.getByTestId('offer').filter({ hasText: titleZh });
    await offer.getByText('12.5%').first().waitFor();
    await checkPage(page, 'merchant-offers-375');
    await offer.getByRole('button', { name: '申请授权' }).click();
    await offer.getByLabel('给片方的申请说明').fill('折纸书签与夜行列车徽章，在车墩影视基地门店销售。');
    await offer.getByRole('button', { name: '提交申请' }).click();
    await offer.getByRole('status').getByText('申请已提交').waitFor();

    await page.getByRole('link', { name: '我的申请' }).click();
    const application = page.getByTestId('application').filter({ hasText: titleZh });
    await application.getByText('待审核').waitFor();
    await checkPage(page, 'merchant-applications-375');
  });

  it('the studio sees the application in its inbox and approves it; the merchant then holds an active license', async () => {
    const { page } = studio;
    await page.getByRole('link', { name: '授权申请' }).click();
    const application = page.getByTestId('application').filter({ hasText: titleZh });
    await application.getByText('折纸书签与夜行列车徽章').first().waitFor();
    await checkPage(page, 'studio-inbox-desktop');
    await application.getByRole('button', { name: '批准' }).click();
    await page.getByText('这里没有申请。').waitFor();
    await page.getByLabel('显示').selectOption('APPROVED');
    await page.getByTestId('application').filter({ hasText: titleZh }).getByText('已批准').waitFor();

    await page.getByRole('link', { name: '授权许可' }).click();
    const license = page.getByTestId('license').filter({ hasText: titleZh });
    await license.getByText('生效中').waitFor();
    await license.getByRole('button', { name: '暂停' }).click();
    await license.getByLabel('暂停理由').fill('包装设计需重新审核');
    await license.getByRole('button', { name: '确认暂停' }).click();
    await license.getByText('已暂停').waitFor();
    await license.getByText('包装设计需重新审核').first().waitFor();
    await checkPage(page, 'studio-licenses-desktop');
    await license.getByRole('button', { name: '恢复' }).click();
    await license.getByText('生效中').waitFor();

    const m = merchant.page;
    await m.getByRole('link', { name: '我的许可' }).click();
    const held = m.getByTestId('license').filter({ hasText: titleZh });
    await held.getByText('生效中').waitFor();
    await held.getByText('12.5%').first().waitFor();
    await checkPage(m, 'merchant-licenses-375');
  });
});
