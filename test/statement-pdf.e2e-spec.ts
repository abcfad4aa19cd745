import { organizationOwner, platformAdmin } from './support/parties';
import { pdfTextRuns } from './support/pdf-text';
import { SalesSimulator } from './support/sales';
import { startTestApp, TestApp } from './support/test-app';

describe('royalty statement PDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('prints an issued statement with Chinese names and its totals, for the studio and platform only', async () => {
    const sales = new SalesSimulator(t);
    const [studio, merchant, otherStudio, platform] = await Promise.all([
      organizationOwner(t, 'STUDIO', '星禧影业'),
      organizationOwner(t, 'MERCHANT', '香地艺术中心'),
      organizationOwner(t, 'STUDIO', 'Other Pictures'),
      platformAdmin(t),
    ]);
    const order = await sales.pay('2026-08-05T04:00:00Z', [
      {
        studioId: studio.organizationId!,
        merchantId: merchant.organizationId!,
        netMinor: 123_456,
        royaltyBps: 1_000,
        productName: '新社牧场纪念T恤（限量版）',
      },
      {
        studioId: studio.organizationId!,
        merchantId: merchant.organizationId!,
        netMinor: 9_900,
        royaltyBps: 1_500,
        productName: 'Ranch tour for two',
      },
    ]);
    await sales.refund(order, order.lines[1]!, 0, 3_300, '2026-08-09T04:00:00Z');
    const issued = await t.gql(
      `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2026-08") { id amountDue { amountMinor } royalty { amountMinor } } }`,
      { s: studio.organizationId },
      studio.token,
    );
    const statement = issued.data!['issueRoyaltyStatement'];
    // 12 345 + (1 485 − 495) = 13 335 fen royalty, all due.
    expect(statement).toMatchObject({ royalty: { amountMinor: 13_335 }, amountDue: { amountMinor: 13_335 } });

    const url = `${t.baseUrl}/reports/statements/${statement.id}.pdf`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${studio.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="royalty-statement-2026-08-${statement.id}.pdf"`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/);

    const runs = pdfTextRuns(pdf);
    expect(runs).toEqual(
      expect.arrayContaining([
        'Royalty statement 版税结算单',
        '星禧影业',
        '新社牧场纪念T恤（限量版）',
        '香地艺术中心',
        'Ranch tour for two',
        '1,234.56',
        '1,333.56 CNY', // gross 1 234.56 + 99.00
        '33.00 CNY',
        '133.35 CNY', // royalty, of which this month, and amount due
        'of which this month 其中本月 (= royalty report)',
        'of which earlier months never stated 其中此前未出账月份 †',
        '-4.95', // the refund's royalty reversal
      ]),
    );
    expect(runs.filter((r) => r === '133.35 CNY')).toHaveLength(3);

    expect((await fetch(url, { headers: { authorization: `Bearer ${platform.token}` } })).status).toBe(200);
    for (const outsider of [otherStudio, merchant]) {
      expect((await fetch(url, { headers: { authorization: `Bearer ${outsider.token}` } })).status).toBe(404);
    }
    expect((await fetch(url)).status).toBe(401);
    expect(
      (
        await fetch(`${t.baseUrl}/reports/statements/not-a-uuid.pdf`, {
          headers: { authorization: `Bearer ${studio.token}` },
        })
      ).status,
    ).toBe(400);
  });
});
