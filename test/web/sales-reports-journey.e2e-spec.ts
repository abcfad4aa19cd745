import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { SettableClock } from '@chedun/kernel';
import { checkPage, DESKTOP, launchBrowser, logIn, newPage, PHONE } from '../support/browser';
import { createMerchandise, licensedMerchant, Licensed, ok } from '../support/catalog';
import { contractOperation } from '../support/contract';
import { organizationOwner } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';

/** An amount as the page shows it in Chinese (zh-CN, grouped thousands). */
const yuan = (minor: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(minor / 100);
/** A line's royalty as the API takes it: floor(gross × bps / 10 000). */
const share = (grossMinor: number, bps: number) => Math.floor((grossMinor * bps) / 10_000);

/**
 * Issue #17's sales reported from shops, in the browser, Chinese first. The API's clock stands on 7 December 2026
 * (Asia/Shanghai) and the license runs from October 2026: October and November are over. The merchant, on a phone,
 * downloads the template, uploads October's sheet with a bad row (told which row and why, in Chinese, nothing stored),
 * then the fixed sheet; the studio disputes it with a reason; the merchant reads the reason and revises it through the
 * form; the studio accepts; November, never reported, is on the studio's list of missing reports.
 */
describe('web: a month of counter sales reported, disputed, revised and accepted', () => {
  let t: TestApp;
  let browser: Browser;
  let l: Licensed;
  let tote: string;
  let mug: string;
  let bps: number;

  beforeAll(async () => {
    t = await startTestApp({
      clock: new SettableClock(new Date('2026-12-07T04:00:00Z')),
      env: { ACCESS_TOKEN_TTL_SECONDS: '86400' },
    });
    browser = await launchBrowser();
    const studio = await organizationOwner(t, 'STUDIO', 'Shanghai Film Group');
    const merchant = await organizationOwner(t, 'MERCHANT', 'Chedun Old Street Shop');
    l = await licensedMerchant(t, { studio, merchant, startsOn: '2026-10-01', endsOn: '2027-12-31' });
    tote = (await createMerchandise(t, l, { name: 'Lotus Lantern tote', nameZh: '宝莲灯帆布袋' })).id;
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: tote }, merchant.token),
      'submitProductForApproval',
    );
    await ok(t.gql(contractOperation('ApproveProduct'), { productId: tote }, studio.token), 'approveProduct');
    // Never sent to the studio: a sheet that names it is refused.
    mug = (await createMerchandise(t, l, { name: 'Lantern mug', nameZh: '宝莲灯马克杯' })).id;
    const [license] = await t.sql<{ royaltyBps: number }>(
      `SELECT royalty_bps AS "royaltyBps" FROM licenses WHERE id = $1`,
      [l.licenseId],
    );
    bps = license!.royaltyBps;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const csv = (rows: string[]) =>
    Buffer.from(['product_id,product_name,channel,quantity,gross_yuan', ...rows, ''].join('\r\n'));

  async function upload(page: Page, name: string, file: Buffer): Promise<void> {
    const form = page.getByTestId('sales-report-upload');
    await form.getByLabel('上传表格（.xlsx 或 .csv）').setInputFiles([{ name, mimeType: 'text/csv', buffer: file }]);
    await form.getByRole('button', { name: '上传', exact: true }).click();
  }

  it('uploads with a row error, fixes it, is disputed, revises through the form, and is accepted', async () => {
    const m = await newPage(browser, t.baseUrl, PHONE);
    await logIn(m.page, l.merchant, '/merchant?tab=sales-reports');
    await m.page.getByRole('heading', { name: '平台外销售报告' }).waitFor();
    await m.page.getByTestId('missing-months').getByText('尚未报告的月份：2026-10、2026-11').waitFor();
    await m.page.getByLabel('月份').fill('2026-10');

    // The template: a real .xlsx with the columns and a row for the one approved product.
    const [download] = await Promise.all([
      m.page.waitForEvent('download'),
      m.page.getByRole('button', { name: '下载模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('product_id');
    expect(sheet.getRow(2).getCell(1).value).toBe(tote);
    expect(sheet.rowCount).toBe(2);

    // Row 3 names the mug the studio never approved: told in Chinese, and nothing is stored.
    await upload(m.page, 'october.csv', csv([`${tote},宝莲灯帆布袋,VENUE,3,385.50`, `${mug},宝莲灯马克杯,零售,2,40`]));
    const rowErrors = m.page.getByTestId('sheet-row-errors');
    await rowErrors.getByText('第 3 行，商品：授权方尚未批准此商品').waitFor();
    expect(await rowErrors.getByRole('listitem').count()).toBe(1);
    await m.page.getByText('尚无报告。').waitFor();
    expect(await t.sql(`SELECT 1 FROM sales_reports WHERE license_id = $1`, [l.licenseId])).toHaveLength(0);
    await checkPage(m.page, 'sales-report-row-error-375');

    // Fixed: the mug's row removed, the tote also sold in another shop.
    await upload(
      m.page,
      'october.csv',
      csv([`${tote},宝莲灯帆布袋,VENUE,3,385.50`, `${tote},宝莲灯帆布袋,零售,10,1289.99`]),
    );
    await m.page.getByRole('status').getByText('报告已提交。').waitFor();
    expect(await rowErrors.count()).toBe(0);
    const first = share(38_550, bps) + share(128_999, bps);
    const report = m.page.getByTestId('sales-report').filter({ hasText: '2026-10' });
    await report.getByText('待授权方确认').waitFor();
    await report.getByText('第 1 版').waitFor();
    await report.getByText(`销售额 ${yuan(167_549)} · 版税 ${yuan(first)}`).waitFor();
    await m.page.getByTestId('missing-months').getByText('尚未报告的月份：2026-11').waitFor();
    await checkPage(m.page, 'sales-report-submitted-375');

    // The studio, on a desktop, reads the lines and disputes with a reason.
    const s = await newPage(browser, t.baseUrl, DESKTOP);
    await logIn(s.page, l.studio, '/studio?tab=sales-reports');
    const queued = s.page.getByTestId('studio-sales-report').filter({ hasText: '2026-10' });
    await queued.getByText('Chedun Old Street Shop · 2026-10').waitFor();
    await queued.getByText(`销售额 ${yuan(167_549)} · 版税 ${yuan(first)}`).waitFor();
    await queued.getByText('自有场馆或门店 · × 3').waitFor();
    await queued.getByText('其他零售门店 · × 10').waitFor();
    await checkPage(s.page, 'sales-report-queue-desktop');
    await queued.getByRole('button', { name: '提出异议' }).click();
    await queued.getByLabel('理由（商家可见）').fill('十月门店的帆布袋销量与我们的发货记录不符');
    await queued.getByRole('button', { name: '提交异议' }).click();
    await s.page.getByText('没有待确认的报告。').waitFor();

    // The merchant reads the reason and sends revision 2 through the form: 4 at the counter for ¥500.00.
    await m.page.reload();
    await report.getByText('有异议').waitFor();
    await report.getByText('授权方的理由：十月门店的帆布袋销量与我们的发货记录不符').waitFor();
    await checkPage(m.page, 'sales-report-disputed-375');
    const form = m.page.getByTestId('sales-report-form');
    await form.getByLabel('月份').fill('2026-10');
    await form.getByRole('button', { name: '添加一行' }).click();
    await form.getByLabel('商品').selectOption({ label: '宝莲灯帆布袋' });
    await form.getByLabel('渠道').selectOption({ label: '自有场馆或门店' });
    await form.getByLabel('数量').fill('4');
    await form.getByLabel('销售额（元）').fill('500');
    await form.getByRole('button', { name: '提交报告' }).click();
    await m.page.getByRole('status').getByText('报告已提交。').waitFor();
    const revised = share(50_000, bps);
    await report.getByText('第 2 版').waitFor();
    await report.getByText('待授权方确认').waitFor();
    await report.getByText(`销售额 ${yuan(50_000)} · 版税 ${yuan(revised)}`).waitFor();
    // The reason was about revision 1: revision 2 no longer carries it.
    expect(await report.getByText('授权方的理由').count()).toBe(0);

    // The studio accepts revision 2; November, never reported, is listed as missing.
    await s.page.reload();
    const second = s.page.getByTestId('studio-sales-report').filter({ hasText: '2026-10' });
    await second.getByText('第 2 版').waitFor();
    await second.getByText(`销售额 ${yuan(50_000)} · 版税 ${yuan(revised)}`).waitFor();
    await second.getByRole('button', { name: '确认（计入版税）' }).click();
    await s.page.getByText('没有待确认的报告。').waitFor();
    const missing = s.page.getByTestId('missing-sales-reports').filter({ hasText: 'Chedun Old Street Shop' });
    await missing.getByText('尚未报告的月份：2026-11').waitFor();
    await checkPage(s.page, 'sales-report-missing-desktop');

    await m.page.reload();
    await report.getByText('已确认').waitFor();
    const [row] = await t.sql<{ status: string; revision: number }>(
      `SELECT status, revision FROM sales_reports WHERE license_id = $1`,
      [l.licenseId],
    );
    expect(row).toEqual({ status: 'ACCEPTED', revision: 2 });
    await m.context.close();
    await s.context.close();
  });
});
