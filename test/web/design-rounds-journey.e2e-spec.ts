import PDFDocument from 'pdfkit';
import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { createMerchandise, licensedMerchant, Licensed } from '../support/catalog';
import { photo } from '../support/media';
import { startTestApp, TestApp } from '../support/test-app';

function styleGuidePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5' });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text('Lotus Lantern style guide');
    doc.end();
  });
}

/**
 * Issue #17 in a real browser: design round 1 rejected with comments, round 2 approved, the product published with
 * its verification QR; a phone opens the verification URL and sees the genuine-product page; the studio suspends the
 * license and the same page says so. On the way, the studio uploads a brand asset and the licensed merchant downloads it.
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
    const width = await artwork.evaluate(async (el) => {
      // The test project's types have no DOM: the two members of HTMLImageElement used here.
      const image = el as unknown as { decode(): Promise<void>; naturalWidth: number };
      await image.decode().catch(() => undefined);
      return image.naturalWidth;
    });
    expect(width).toBeGreaterThan(0);
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

    // Brand assets: the studio uploads its style guide (a PDF) under the IP; the licensed merchant downloads it.
    await s.page.goto('/studio?tab=ip');
    const ip = s.page.getByTestId('film-ip').filter({ hasText: '宝莲灯' });
    await ip.locator('summary').filter({ hasText: '品牌素材' }).click();
    await ip
      .getByLabel('文件（图片或 PDF）')
      .setInputFiles([{ name: 'style-guide.pdf', mimeType: 'application/pdf', buffer: await styleGuidePdf() }]);
    await ip.getByLabel('标题').fill('品牌手册');
    await ip.getByRole('button', { name: '上传素材' }).click();
    await ip.getByRole('link', { name: '下载 · 品牌手册' }).waitFor();
    await checkPage(s.page, 'studio-brand-assets-desktop');
    await m.page.goto('/merchant?tab=licenses');
    const licensed = m.page.getByTestId('license').filter({ hasText: '宝莲灯' });
    await licensed.locator('summary').filter({ hasText: '品牌素材' }).click();
    const download = licensed.getByRole('link', { name: '下载 · 品牌手册' });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/brand-assets\/[0-9a-f-]{36}\?for=.+&expires=\d+&signature=/);
    const file = await m.page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await checkPage(m.page, 'merchant-brand-assets-375');
    await m.page.goto('/merchant?tab=products');
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
