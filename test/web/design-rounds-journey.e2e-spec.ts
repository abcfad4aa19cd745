import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { createMerchandise, licensedMerchant, Licensed } from '../support/catalog';
import { photo } from '../support/media';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #17 in a real browser: design round 1 rejected with comments, round 2 approved, the product published with
 * its verification QR; a phone opens the verification URL and sees the genuine-product page; the studio suspends the
 * license and the same page says so.
 */
describe('web: design rounds to proof of license', () => {
  let t: TestApp;
  let browser: Browser;
  let l: Licensed;
  const productZh = '宝莲灯刺绣帆布包';

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    l = await licensedMerchant(t, { title: 'Lotus Lantern', titleZh: '宝莲灯', categories: ['APPAREL'] });
    await createMerchandise(t, l, { name: 'Lotus Lantern tote', nameZh: productZh });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('round 1 rejected, round 2 approved, published with its QR; the verification page follows the license', async () => {
    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, l.merchant, '/merchant?tab=products');
    const card = m.page.getByTestId('product').filter({ hasText: productZh });
    const submitRound = async (seed: number, note: string) => {
      await card.locator('summary').filter({ hasText: '设计轮次' }).click();
      await card
        .getByLabel('设计稿文件（JPEG、PNG 或 WebP）')
        .setInputFiles([{ name: `artwork-${seed}.png`, mimeType: 'image/png', buffer: await photo('png', seed) }]);
      await card.getByLabel('给片方的说明').fill(note);
      await card.getByRole('button', { name: '提交本轮设计' }).click();
      await card.getByText('待片方审批').first().waitFor();
    };
    await submitRound(1, '正面刺绣宝莲灯');

    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, l.studio, '/studio?tab=designs');
    const design = s.page.getByTestId('design').filter({ hasText: productZh });
    const round1 = design.getByTestId('design-round').filter({ hasText: '第 1 轮' });
    await round1.getByText('正面刺绣宝莲灯').waitFor();
    // The artwork itself is shown, not only named.
    const artwork = round1.getByRole('img', { name: '第 1 轮设计稿 1' });
    await artwork.waitFor();
    await s.page.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      await artwork.elementHandle(),
    );
    await design.getByRole('button', { name: '驳回', exact: true }).click();
    await design.getByLabel('给商家的意见').fill('灯焰颜色请用官方朱红');
    await design.getByRole('button', { name: '驳回设计' }).click();
    await s.page.getByText('没有待审批的设计。').waitFor();

    await m.page.reload();
    await card.getByText('已驳回').first().waitFor();
    await submitRound(2, '灯焰改为官方朱红');

    await s.page.reload();
    const rounds = design.getByTestId('design-round');
    await rounds.first().getByText('灯焰改为官方朱红').waitFor();
    // Side by side, newest first, the earlier round with the studio's comments.
    expect(await rounds.allInnerTexts()).toEqual([
      expect.stringContaining('第 2 轮'),
      expect.stringMatching(/第 1 轮[\s\S]*已驳回[\s\S]*灯焰颜色请用官方朱红/),
    ]);
    await checkPage(s.page, 'studio-design-rounds-desktop');
    await design.getByRole('button', { name: '批准设计' }).click();
    await s.page.getByText('没有待审批的设计。').waitFor();

    await m.page.reload();
    await card.getByText('已批准').first().waitFor();
    await card.locator('summary').filter({ hasText: '设计轮次' }).click();
    await card.getByTestId('design-round').first().getByText('已批准').waitFor();
    await checkPage(m.page, 'merchant-design-rounds-375');
    await card.getByRole('button', { name: '上架' }).click();
    await card.getByText('已上架').first().waitFor();
    await card.getByRole('button', { name: '防伪标签（PDF）' }).waitFor();
    await card.getByRole('link', { name: '在商店查看' }).click();
    const proof = m.page.locator('section.proof');
    await proof.getByRole('img', { name: '扫码验证此商品是否获得正版授权。' }).waitFor();
    const verifyPath = await proof.getByRole('link', { name: '打开验证页面' }).getAttribute('href');
    expect(verifyPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{20}$/);
    await m.context.close();

    // A buyer's phone, signed in nowhere, opens the URL the QR holds.
    const phone = await newPage(browser, t.baseUrl, PHONE);
    await phone.page.goto(verifyPath!);
    const verdict = phone.page.getByTestId('proof');
    await verdict.getByText('正版授权商品').waitFor();
    await verdict.getByText(productZh).waitFor();
    await checkPage(phone.page, 'verify-genuine-375');

    await s.page.goto('/studio?tab=licenses');
    const license = s.page.getByTestId('license').filter({ hasText: '宝莲灯' });
    await license.getByRole('button', { name: '暂停' }).click();
    await license.getByLabel('暂停理由').fill('审核商品质量');
    await license.getByRole('button', { name: '确认暂停' }).click();
    await license.getByText('已暂停').waitFor();
    await s.context.close();

    await phone.page.reload();
    await verdict.getByText('授权已暂停：此商品目前不得销售。').waitFor();
    expect(await verdict.innerText()).not.toContain('审核商品质量');
    await checkPage(phone.page, 'verify-suspended-375');
    await phone.context.close();
  });
});
