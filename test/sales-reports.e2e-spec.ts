import ExcelJS from 'exceljs';
import { SalesReportReminderService } from '@chedun/sales-reports';
import { createMerchandise, licensedMerchant, Licensed, ok } from './support/catalog';
import { contractOperation } from './support/contract';
import { applyForLicense, approveApplication, createFilmIp } from './support/licensing';
import { organizationOwner, Party, platformAdmin } from './support/parties';
import { SalesSimulator } from './support/sales';
import { SettableClock } from '@chedun/kernel';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

/**
 * Issue #17, sales reported from shops. The suite's clock stands on 7 December 2026 (Asia/Shanghai): the months
 * before December are over, and November's reminders are due. Every report goes through the contract's
 * SubmitSalesReport or the spreadsheet endpoint.
 */
describe('sales reported from shops', () => {
  let t: TestApp;
  let studio: Party;
  let merchant: Party;
  let otherMerchant: Party;
  let otherStudio: Party;
  let platform: Party;
  /** From June 2026, all channels, with an advance its royalties repay. */
  let l1: Licensed;
  /** ONLINE and VENUE only, from January 2026 on. */
  let l3: Licensed;
  let approved: string;
  let draft: string;
  let approvedUnderL3: string;
  let othersProduct: string;

  const ADVANCE = 1_000_000;

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock(new Date('2026-12-07T04:00:00Z')) });
    studio = await organizationOwner(t, 'STUDIO', 'Shanghai Film Group');
    merchant = await organizationOwner(t, 'MERCHANT', 'Chedun Old Street Shop');
    otherMerchant = await organizationOwner(t, 'MERCHANT', 'Songjiang Gifts');
    otherStudio = await organizationOwner(t, 'STUDIO', 'Other Studio');
    platform = await platformAdmin(t);
    l1 = await licensedMerchant(t, { studio, merchant, startsOn: '2026-06-01', endsOn: '2027-12-31' });
    await ok(
      t.gql(
        `mutation($input: RecordLicenseTermsInput!) { recordLicenseTerms(input: $input) { licenseId } }`,
        {
          input: {
            licenseId: l1.licenseId,
            studioId: studio.organizationId,
            merchantId: merchant.organizationId,
            advance: { amountMinor: ADVANCE },
            minimumGuarantee: { amountMinor: 2_000_000 },
            startsOn: '2026-06-01',
            endsOn: '2027-12-31',
          },
        },
        platform.token,
      ),
      'recordLicenseTerms',
    );
    approved = (await createMerchandise(t, l1, { name: 'Lotus Lantern tote', nameZh: '宝莲灯帆布袋' })).id;
    await approve(l1, approved);
    draft = (await createMerchandise(t, l1, { name: 'Lantern mug (draft)' })).id;

    const filmIpId = await createFilmIp(t, studio, 'Nezha', '哪吒');
    const offer = await ok<{ id: string }>(
      t.gql(
        contractOperation('PublishLicenseOfferWithChannels'),
        {
          filmIpId,
          royaltyBps: 800,
          categories: ['APPAREL'],
          channels: ['ONLINE', 'VENUE'],
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
        },
        studio.token,
      ),
      'publishLicenseOffer',
    );
    const licenseId = await approveApplication(t, studio, await applyForLicense(t, merchant, offer.id));
    l3 = { studio, merchant, filmIpId, licenseId };
    approvedUnderL3 = (await createMerchandise(t, l3, { name: 'Nezha cap' })).id;
    await approve(l3, approvedUnderL3);

    const theirs = await licensedMerchant(t, { studio, merchant: otherMerchant, title: 'Their IP', titleZh: '他们的' });
    othersProduct = (await createMerchandise(t, theirs)).id;
    await approve(theirs, othersProduct);
  });
  afterAll(() => t.close());

  async function approve(l: Licensed, productId: string): Promise<void> {
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId }, l.merchant.token),
      'submitProductForApproval',
    );
    await ok(t.gql(contractOperation('ApproveProduct'), { productId }, l.studio.token), 'approveProduct');
  }

  type Submitted = {
    submitSalesReport: {
      id: string;
      status: string;
      totals: { gross: { amountMinor: number }; royalty: { amountMinor: number } };
    };
  };
  function submit(
    party: Party,
    licenseId: string,
    month: string,
    lines: { productId: string; channel: string; quantity: number; gross: number }[],
    noSales: boolean | null = null,
  ): Promise<GqlResult<Submitted>> {
    return t.gql<Submitted>(
      contractOperation('SubmitSalesReport'),
      {
        licenseId,
        month,
        noSales,
        lines: lines.map((l) => ({ ...l, gross: { amountMinor: l.gross, currency: 'CNY' } })),
      },
      party.token,
    );
  }

  function decide(party: Party, id: string, accept: boolean, reason: string | null = null) {
    return t.gql<{ decideSalesReport: { id: string; status: string } }>(
      contractOperation('DecideSalesReport'),
      { id, accept, reason },
      party.token,
    );
  }

  function rowErrors(res: GqlResult): { index: number; row?: number; field: string }[] {
    const errors = res.errors as { extensions?: { rows?: { index: number; row?: number; field: string }[] } }[];
    return (errors?.[0]?.extensions?.rows ?? []).map(({ index, row, field }) => ({
      index,
      ...(row === undefined ? {} : { row }),
      field,
    }));
  }

  async function uploadSheet(
    licenseId: string,
    month: string,
    file: Buffer,
    filename: string,
    token?: string,
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), filename);
    const res = await fetch(`${t.baseUrl}/sales-reports/${licenseId}/${month}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: res.status, body: await res.json() };
  }

  async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([
      '商品编号 product_id',
      '商品名称 product_name',
      '渠道 channel',
      '数量 quantity',
      '销售额（元）gross_yuan',
    ]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const REPORT = `query($s: ID!) { royaltyReport(studioId: $s, from: "2026-10-01", to: "2026-10-31") {
    totals { royalty { amountMinor } } lines { source productName royalty { amountMinor } } } }`;
  const PAYABLE = `query($m: ID!) { merchantSales(merchantId: $m, from: "2026-10-01", to: "2026-10-31") {
    payableBalance { amountMinor } } }`;

  it('a month of counter sales: a sheet with a bad row stores nothing; fixed, accepted, it moves the royalty report, statement, guarantee recoupment and payable by exactly its royalty', async () => {
    // October on the marketplace: one line of ¥2 000.00 at 10 %.
    await new SalesSimulator(t).pay('2026-10-10T04:00:00Z', [
      {
        studioId: studio.organizationId!,
        merchantId: merchant.organizationId!,
        licenseId: l1.licenseId,
        filmIpId: l1.filmIpId,
        productId: approved,
        productName: 'Lotus Lantern tote',
        royaltyBps: 1_000,
        netMinor: 200_000,
      },
    ]);
    const before = await t.gql(REPORT, { s: studio.organizationId }, studio.token);
    expect(before.data?.['royaltyReport'].totals.royalty.amountMinor).toBe(20_000);
    const payableBefore = (await t.gql(PAYABLE, { m: merchant.organizationId }, merchant.token)).data?.['merchantSales']
      .payableBalance.amountMinor as number;
    expect(payableBefore).toBeGreaterThan(20_000);

    // The counter's October as an .xlsx: row 3 names a product the studio never approved.
    const bad = await uploadSheet(
      l1.licenseId,
      '2026-10',
      await xlsx([
        [approved, 'tote', 'VENUE', 3, '385.50'],
        [draft, 'mug', 'RETAIL', 2, 40],
        [approved, 'tote', 'RETAIL', 10, 1289.99],
      ]),
      'october.xlsx',
      merchant.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_USER_INPUT');
    expect(bad.body.error.rows).toEqual([
      expect.objectContaining({ index: 1, row: 3, field: 'productId', message: expect.stringMatching(/approved/) }),
    ]);
    expect(await t.sql(`SELECT 1 FROM sales_reports WHERE license_id = $1`, [l1.licenseId])).toHaveLength(0);

    // Fixed, and sent as CSV this time: the bad row removed.
    const csv = [
      'product_id,product_name,channel,quantity,gross_yuan',
      `${approved},宝莲灯帆布袋,VENUE,3,385.50`,
      `${approved},宝莲灯帆布袋,零售,10,"1,289.99"`,
      '',
    ].join('\r\n');
    const fixed = await uploadSheet(l1.licenseId, '2026-10', Buffer.from(csv), 'october.csv', merchant.token);
    expect(fixed.status).toBe(201);
    // 38 550 fen → 3 855; 128 999 fen → 12 899 (floor at 10 %): 16 754 in all.
    expect(fixed.body).toMatchObject({
      status: 'SUBMITTED',
      month: '2026-10',
      totals: { gross: { amountMinor: 167_549 }, royalty: { amountMinor: 16_754 } },
      lines: [
        { lineNo: 1, channel: 'VENUE', quantity: 3, royalty: { amountMinor: 3_855 } },
        { lineNo: 2, channel: 'RETAIL', quantity: 10, royalty: { amountMinor: 12_899 } },
      ],
    });
    const reportId = fixed.body.id as string;
    const R = 16_754;

    // Accepted twice at once: posted once.
    const decisions = await Promise.all([decide(studio, reportId, true), decide(studio, reportId, true)]);
    for (const d of decisions) expect(d.data?.decideSalesReport).toEqual({ id: reportId, status: 'ACCEPTED' });
    expect((await decide(studio, reportId, true)).data?.decideSalesReport.status).toBe('ACCEPTED');
    const entries = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'REPORTED_ROYALTY' AND source_id = $1`,
      [reportId],
    );
    expect(entries[0]?.n).toBe(1);

    // The studio's royalty report: the reported lines beside the marketplace's, by exactly R.
    const after = await t.gql(
      contractOperation('RoyaltyReportBySource'),
      {
        studioId: studio.organizationId,
        from: '2026-10-01',
        to: '2026-10-31',
      },
      studio.token,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data?.['royaltyReport'].totals.royalty.amountMinor).toBe(20_000 + R);
    expect(
      (after.data?.['royaltyReport'].lines as { source: string; royalty: { amountMinor: number } }[])
        .map((l) => [l.source, l.royalty.amountMinor])
        .sort(),
    ).toEqual([
      ['MARKETPLACE', 20_000],
      ['REPORTED', 12_899],
      ['REPORTED', 3_855],
    ]);
    // The CSV says where each line came from; a reported line has no order.
    const csvRes = await fetch(
      `${t.baseUrl}/reports/royalties.csv?studioId=${studio.organizationId}&from=2026-10-01&to=2026-10-31`,
      { headers: { authorization: `Bearer ${studio.token}` } },
    );
    expect(csvRes.status).toBe(200);
    const [header, ...rows] = (await csvRes.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header!.split(',');
    expect(columns.at(-1)).toBe('source');
    const cells = rows.filter((r) => !r.startsWith('TOTAL')).map((r) => r.split(','));
    expect(
      cells
        .map((c) => [
          c[columns.indexOf('source')],
          c[columns.indexOf('order_id')] === '',
          c[columns.indexOf('royalty_minor')],
        ])
        .sort(),
    ).toEqual([
      ['MARKETPLACE', false, '20000'],
      ['REPORTED', true, '12899'],
      ['REPORTED', true, '3855'],
    ]);

    // The merchant's payable paid the royalty: it owed less by exactly R, so nothing was invoiced.
    const payableAfter = (await t.gql(PAYABLE, { m: merchant.organizationId }, merchant.token)).data?.['merchantSales']
      .payableBalance.amountMinor;
    expect(payableAfter).toBe(payableBefore - R);

    // October's statement: both sources; the advance (which the guarantee counts) is repaid by R more.
    const statement = await t.gql(
      `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2026-10") { id royalty { amountMinor }
         advanceRecouped { amountMinor } lines(first: 10) { edges { node { kind source royalty { amountMinor } } } } } }`,
      { s: studio.organizationId },
      studio.token,
    );
    expect(statement.errors).toBeUndefined();
    const issued = statement.data?.['issueRoyaltyStatement'];
    expect(issued.royalty.amountMinor).toBe(20_000 + R);
    expect(issued.advanceRecouped.amountMinor).toBe(20_000 + R);
    const terms = await t.gql(
      `query($l: ID!) { licenseTerms(licenseId: $l) { advanceRecouped { amountMinor } } }`,
      { l: l1.licenseId },
      merchant.token,
    );
    expect(terms.data?.['licenseTerms'].advanceRecouped.amountMinor).toBe(20_000 + R);
    expect(
      (issued.lines.edges as { node: { kind: string; source: string } }[])
        .map((e) => `${e.node.kind}/${e.node.source}`)
        .sort(),
    ).toEqual(['REPORTED/REPORTED', 'REPORTED/REPORTED', 'SALE/MARKETPLACE']);

    // Once accepted, the month cannot be revised.
    const revised = await submit(merchant, l1.licenseId, '2026-10', [
      { productId: approved, channel: 'VENUE', quantity: 1, gross: 100 },
    ]);
    expect(errorCode(revised)).toBe('CONFLICT');
  });

  it('checks every line against the license and names the wrong ones; nothing is stored', async () => {
    const wrong = await submit(merchant, l1.licenseId, '2026-09', [
      { productId: approved, channel: 'VENUE', quantity: 1, gross: 1_000 },
      { productId: othersProduct, channel: 'VENUE', quantity: 1, gross: 1_000 },
      { productId: draft, channel: 'VENUE', quantity: 1, gross: 1_000 },
      { productId: approved, channel: 'ONLINE', quantity: 1, gross: 1_000 },
    ]);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(rowErrors(wrong)).toEqual([
      { index: 1, field: 'productId' },
      { index: 2, field: 'productId' },
      { index: 3, field: 'channel' },
    ]);
    // A channel the license does not allow.
    const retail = await submit(merchant, l3.licenseId, '2026-11', [
      { productId: approvedUnderL3, channel: 'RETAIL', quantity: 2, gross: 5_000 },
    ]);
    expect(rowErrors(retail)).toEqual([{ index: 0, field: 'channel' }]);
    // A month not over yet, and months outside the term.
    for (const [licenseId, month, productId] of [
      [l3.licenseId, '2026-12', approvedUnderL3],
      [l1.licenseId, '2026-05', approved],
      [l1.licenseId, '2028-01', approved],
    ] as const) {
      const res = await submit(merchant, licenseId, month, [{ productId, channel: 'VENUE', quantity: 1, gross: 100 }]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe('month');
    }
    // A nil report has no lines; a report without lines must say it is nil.
    expect(errorCode(await submit(merchant, l1.licenseId, '2026-09', []))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await submit(
          merchant,
          l1.licenseId,
          '2026-09',
          [{ productId: approved, channel: 'VENUE', quantity: 1, gross: 1 }],
          true,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await t.sql(`SELECT 1 FROM sales_reports WHERE month IN ('2026-09', '2026-11', '2026-12')`)).toHaveLength(0);
  });

  it('revises a report until the studio accepts it; a dispute carries a reason the merchant reads', async () => {
    const first = await submit(merchant, l1.licenseId, '2026-09', [
      { productId: approved, channel: 'VENUE', quantity: 2, gross: 10_000 },
    ]);
    const id = first.data!.submitSalesReport.id;
    expect(first.data?.submitSalesReport.totals.royalty.amountMinor).toBe(1_000);
    // Only the studio decides, and a dispute needs a reason.
    expect(errorCode(await decide(merchant, id, true))).toBe('FORBIDDEN');
    expect(errorCode(await decide(otherStudio, id, true))).toBe('NOT_FOUND');
    expect(errorCode(await decide(otherMerchant, id, false, 'no'))).toBe('NOT_FOUND');
    expect(errorCode(await decide(studio, id, false))).toBe('BAD_USER_INPUT');
    // A second owner of the merchant: every owner hears of the dispute, and no one else.
    const coOwner = await organizationOwner(t, 'MERCHANT', 'Co-owner Holdings');
    await t.sql(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
      merchant.organizationId,
      coOwner.userId,
    ]);
    const disputedMails = () =>
      t.sql<{ to: string; userId: string; payload: Record<string, string> }>(
        `SELECT recipient_email AS "to", recipient_user_id AS "userId", payload FROM notifications
          WHERE kind = 'SALES_REPORT_DISPUTED' AND payload->>'licenseId' = $1 AND payload->>'month' = '2026-09'
          ORDER BY recipient_email`,
        [l1.licenseId],
      );
    expect(await disputedMails()).toEqual([]);
    expect((await decide(studio, id, false, '九月门店销量与库存记录不符')).data?.decideSalesReport.status).toBe(
      'DISPUTED',
    );
    const payload = {
      organizationName: 'Chedun Old Street Shop',
      studioName: 'Shanghai Film Group',
      licenseId: l1.licenseId,
      month: '2026-09',
      reason: '九月门店销量与库存记录不符',
    };
    expect(await disputedMails()).toEqual(
      [merchant, coOwner]
        .map((o) => ({ to: o.email, userId: o.userId, payload }))
        .sort((x, y) => (x.to < y.to ? -1 : 1)),
    );

    const READ = `query($l: ID!) { salesReports(licenseId: $l) { id month status revision disputeReason
      totals { royalty { amountMinor } } } }`;
    const seen = await t.gql(READ, { l: l1.licenseId }, merchant.token);
    expect(seen.data?.['salesReports']).toContainEqual({
      id,
      month: '2026-09',
      status: 'DISPUTED',
      revision: 1,
      disputeReason: '九月门店销量与库存记录不符',
      totals: { royalty: { amountMinor: 1_000 } },
    });
    expect(errorCode(await t.gql(READ, { l: l1.licenseId }, otherMerchant.token))).toBe('NOT_FOUND');

    const revised = await submit(merchant, l1.licenseId, '2026-09', [
      { productId: approved, channel: 'VENUE', quantity: 3, gross: 15_000 },
    ]);
    expect(revised.data?.submitSalesReport).toMatchObject({ id, status: 'SUBMITTED' });
    const again = await t.gql(READ, { l: l1.licenseId }, studio.token);
    expect((again.data?.['salesReports'] as { id: string }[]).find((r) => r.id === id)).toEqual({
      id,
      month: '2026-09',
      status: 'SUBMITTED',
      revision: 2,
      disputeReason: null,
      totals: { royalty: { amountMinor: 1_500 } },
    });
    // The studio may not report for the merchant.
    expect(errorCode(await submit(studio, l1.licenseId, '2026-08', [], true))).toBe('FORBIDDEN');
  });

  it('takes a nil report and shows the studio which months are missing', async () => {
    const nil = await submit(merchant, l1.licenseId, '2026-08', [], true);
    expect(nil.data?.submitSalesReport).toMatchObject({ status: 'SUBMITTED', totals: { gross: { amountMinor: 0 } } });
    const MISSING = `query($o: ID!) { missingSalesReports(organizationId: $o) { licenseId merchantName months } }`;
    const missing = await t.gql(MISSING, { o: studio.organizationId }, studio.token);
    expect(missing.data?.['missingSalesReports']).toContainEqual({
      licenseId: l1.licenseId,
      merchantName: 'Chedun Old Street Shop',
      months: ['2026-06', '2026-07', '2026-11'],
    });
    const own = await t.gql(MISSING, { o: merchant.organizationId }, merchant.token);
    expect((own.data?.['missingSalesReports'] as { licenseId: string }[]).map((m) => m.licenseId)).toContain(
      l1.licenseId,
    );
    expect(errorCode(await t.gql(MISSING, { o: studio.organizationId }, merchant.token))).toBe('FORBIDDEN');
    const queue = await t.gql(
      `query($s: ID!) { studioSalesReports(studioId: $s, status: SUBMITTED) { month merchantName } }`,
      { s: studio.organizationId },
      studio.token,
    );
    expect(queue.data?.['studioSalesReports']).toEqual([
      { month: '2026-08', merchantName: 'Chedun Old Street Shop' },
      { month: '2026-09', merchantName: 'Chedun Old Street Shop' },
    ]);
  });

  it('emails a merchant once per license-month that has no report five days after it ended', async () => {
    const reminders = t.app.get(SalesReportReminderService);
    // 7 December, past the 5th: November is due, and neither l1 nor l3 has a November report.
    const nil = await submit(merchant, l3.licenseId, '2026-11', [], true);
    expect(nil.errors).toBeUndefined();
    await reminders.remindDue();
    await reminders.remindDue();
    const sent = await t.sql<{ licenseId: string; month: string }>(
      `SELECT payload->>'licenseId' AS "licenseId", payload->>'month' AS month FROM notifications
        WHERE kind = 'SALES_REPORT_REMINDER' AND recipient_user_id = $1`,
      [merchant.userId],
    );
    // l3 reported November (nil): only l1's merchant is reminded, once.
    expect(sent).toEqual([{ licenseId: l1.licenseId, month: '2026-11' }]);
  });

  describe('the spreadsheet endpoints', () => {
    it('refuse anyone but the license’s merchant: anonymous 401, the studio 403, another merchant 404', async () => {
      const sheet = Buffer.from(`product_id,channel,quantity,gross_yuan\r\n${approved},VENUE,1,1\r\n`);
      expect((await uploadSheet(l1.licenseId, '2026-07', sheet, 'r.csv')).status).toBe(401);
      expect((await uploadSheet(l1.licenseId, '2026-07', sheet, 'r.csv', studio.token)).status).toBe(403);
      expect((await uploadSheet(l1.licenseId, '2026-07', sheet, 'r.csv', otherMerchant.token)).status).toBe(404);
      expect((await uploadSheet(l1.licenseId, '2026-07', sheet, 'r.csv', 'not-a-token')).status).toBe(401);
      expect(await t.sql(`SELECT 1 FROM sales_reports WHERE month = '2026-07'`)).toHaveLength(0);

      const template = (token?: string, licenseId = l1.licenseId) =>
        fetch(`${t.baseUrl}/sales-reports/template.xlsx?licenseId=${licenseId}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      expect((await template()).status).toBe(401);
      expect((await template(studio.token)).status).toBe(403);
      expect((await template(otherMerchant.token)).status).toBe(404);
    });

    it('give the merchant a template listing its approved products under the license', async () => {
      const res = await fetch(`${t.baseUrl}/sales-reports/template.xlsx?licenseId=${l1.licenseId}`, {
        headers: { authorization: `Bearer ${merchant.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(String(rows[0]?.[1])).toContain('product_id');
      expect(rows.slice(1).map((r) => r[1])).toEqual([approved]);
    });
  });
});
