import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { checkPage, DESKTOP, launchBrowser, newPage, PHONE } from '../support/browser';
import { createFilmIp } from '../support/licensing';
import { organizationOwner, Party, PASSWORD } from '../support/parties';
import { SalesSimulator } from '../support/sales';
import { startTestApp, TestApp } from '../support/test-app';

function shanghaiDay(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A studio reads its royalties in the browser: totals, the monthly chart, the breakdowns, the paged lines and
 * an issued statement's CSV. Sales come from the orders context's OrderPaid events (simulated, as in the
 * ledger's own suites, until checkout lands).
 */
describe('web: royalty dashboard', () => {
  let t: TestApp;
  let browser: Browser;
  let studio: Party;
  let merchant: Party;
  const now = new Date();
  const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 4));
  const lastMonth = new Date(firstOfMonth.getTime() - 10 * 86_400_000);
  const twoMonthsAgo = new Date(firstOfMonth.getTime() - 40 * 86_400_000);
  const month = (d: Date) => shanghaiDay(d).slice(0, 7);

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    studio = await organizationOwner(t, 'STUDIO', 'Xingxi Test Pictures');
    merchant = await organizationOwner(t, 'MERCHANT', 'Xinshe Test Ranch');
    const filmIpId = await createFilmIp(t, studio, 'Summer at the Ranch', '牧场的夏天');
    const sales = new SalesSimulator(t);
    const licenseId = randomUUID();
    const line = (n: number) => ({
      studioId: studio.organizationId!,
      merchantId: merchant.organizationId!,
      filmIpId,
      licenseId,
      productName: `Ranch cap ${n}`,
      netMinor: 10_000,
      royaltyBps: 1_000,
    });
    let refundable;
    for (const [i, at] of [twoMonthsAgo, lastMonth, new Date(now.getTime() - 3_600_000)].entries()) {
      const order = await sales.pay(at, [line(i * 4 + 1), line(i * 4 + 2), line(i * 4 + 3), line(i * 4 + 4)]);
      refundable ??= order;
    }
    await sales.refund(refundable!, refundable!.lines[0]!, 0, 5_000, new Date(now.getTime() - 1_800_000));
    const issued = await t.gql(
      `mutation($studioId: ID!, $month: String!) { issueRoyaltyStatement(studioId: $studioId, month: $month) { id } }`,
      { studioId: studio.organizationId, month: month(lastMonth) },
      studio.token,
    );
    if (!issued.data) throw new Error(`issueRoyaltyStatement failed: ${JSON.stringify(issued.errors)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows totals, the monthly chart, breakdowns, paged lines and downloads the statement CSV', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, DESKTOP);
    await page.goto(`/login?next=${encodeURIComponent('/studio?tab=royalties')}`);
    await page.getByLabel('邮箱').fill(studio.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '版税看板' }).waitFor();
    await page.getByLabel('起始日期').fill(shanghaiDay(new Date(twoMonthsAgo.getTime() - 86_400_000)));
    await page.getByLabel('截止日期').fill(shanghaiDay(now));
    await page.getByRole('button', { name: '查看' }).click();

    // 12 lines of ¥100.00 at 10%, one refunded by half: 12 × ¥10.00 − ¥5.00.
    await page.getByTestId('royalty-total').getByText('¥115.00').waitFor();
    const chart = page.getByTestId('monthly-chart');
    await chart.getByText(month(twoMonthsAgo)).waitFor();
    await chart.getByText(month(lastMonth)).waitFor();
    const byIp = page.getByTestId('breakdown-FILM_IP').getByRole('row').filter({ hasText: '牧场的夏天' });
    await byIp.getByRole('cell', { name: '¥115.00' }).waitFor();
    const byMerchant = page.getByTestId('breakdown-MERCHANT').getByRole('row').filter({ hasText: 'Xinshe Test Ranch' });
    await byMerchant.getByRole('cell', { name: '¥1,200.00' }).waitFor();
    const lines = page.getByTestId('royalty-lines');
    await page.getByText('第 1 页 · 共 12 行').waitFor();
    await checkPage(page, 'studio-royalties-desktop');
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页 · 共 12 行').waitFor();
    await lines.locator('tbody tr').nth(1).waitFor();
    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByText('第 1 页 · 共 12 行').waitFor();

    const statement = page.getByRole('listitem').filter({ hasText: month(lastMonth) });
    await statement.getByText('已出具').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      statement.getByRole('button', { name: '结算单 CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Ranch cap');
    expect(csv.split('\n').filter((l) => l.includes('Ranch cap')).length).toBeGreaterThanOrEqual(4);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      statement.getByRole('button', { name: '结算单 PDF' }).click(),
    ]);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await context.close();
  });

  it('shows the merchant its sales per license and how they split', async () => {
    const { page, context } = await newPage(browser, t.baseUrl, PHONE);
    await page.goto(`/login?next=${encodeURIComponent('/merchant?tab=sales')}`);
    await page.getByLabel('邮箱').fill(merchant.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '按授权的销售' }).waitFor();
    await page.getByLabel('起始日期').fill(shanghaiDay(new Date(twoMonthsAgo.getTime() - 86_400_000)));
    await page.getByRole('button', { name: '查看' }).click();
    const row = page.getByTestId('sales-by-license').getByRole('row').filter({ hasText: 'Xingxi Test Pictures' });
    await row.getByRole('cell', { name: '¥1,200.00' }).waitFor();
    // ¥1,200.00 gross, ¥50.00 refunded, ¥115.00 royalty and ¥115.00 platform fee (10% each): ¥920.00 for the merchant.
    await row.getByRole('cell', { name: '¥115.00' }).first().waitFor();
    await row.getByRole('cell', { name: '¥920.00' }).waitFor();
    await page.getByTestId('payable').waitFor();
    await checkPage(page, 'merchant-sales-375');
    await context.close();
  });
});
