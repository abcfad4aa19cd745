import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { contractOperation } from './support/contract';
import { organizationOwner, Party, platformAdmin, signUp } from './support/parties';
import { SalesSimulator } from './support/sales';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

describe('ledger: revenue split, royalty report, statements, reconciliation', () => {
  let t: TestApp;
  let sales: SalesSimulator;
  let otherStudio: Party;
  let merchant: Party;
  let otherMerchant: Party;
  let visitor: Party;
  let platform: Party;

  beforeAll(async () => {
    t = await startTestApp();
    sales = new SalesSimulator(t);
    [otherStudio, merchant, otherMerchant, visitor, platform] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Xingxi Pictures'),
      organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center'),
      organizationOwner(t, 'MERCHANT', 'Xinshe Ranch'),
      signUp(t, 'visitor'),
      platformAdmin(t),
    ]);
  });
  afterAll(() => t.close());

  /** A studio of its own per test, so reports never see another test's sales. */
  const freshStudio = () => organizationOwner(t, 'STUDIO', `Studio ${randomUUID().slice(0, 6)}`);

  it('runs the contract RoyaltyReport: a T-shirt and a tour, a third of the T-shirt refunded, checked by hand', async () => {
    const s = await freshStudio();
    const order = await sales.pay('2026-03-10T04:00:00Z', [
      {
        studioId: s.organizationId!,
        merchantId: merchant.organizationId!,
        netMinor: 9_900,
        royaltyBps: 1_200,
        productName: 'Xinshe T-shirt',
      },
      {
        studioId: s.organizationId!,
        merchantId: merchant.organizationId!,
        netMinor: 77_600,
        royaltyBps: 800,
        productName: 'Ranch tour for two',
      },
    ]);
    await sales.refund(order, order.lines[0]!, 0, 3_300, '2026-03-12T02:00:00Z');

    const res = await t.gql(
      contractOperation('RoyaltyReport'),
      { studioId: s.organizationId, from: '2026-03-01', to: '2026-03-31' },
      s.token,
    );
    expect(res.errors).toBeUndefined();
    // T-shirt: royalty 11.88 less 3.96 reversed = 7.92; tour: 62.08. Together 70.00.
    expect(res.data?.royaltyReport).toEqual({
      totals: { gross: cny(87_500), refunded: cny(3_300), royalty: cny(7_000) },
      lines: [
        {
          orderLineId: order.lines[0]!.orderLineId,
          productName: 'Xinshe T-shirt',
          merchantName: 'Xiangdi Art Center',
          gross: cny(9_900),
          refunded: cny(3_300),
          royalty: cny(792),
        },
        {
          orderLineId: order.lines[1]!.orderLineId,
          productName: 'Ranch tour for two',
          merchantName: 'Xiangdi Art Center',
          gross: cny(77_600),
          refunded: cny(0),
          royalty: cny(6_208),
        },
      ].sort((a, b) => a.orderLineId.localeCompare(b.orderLineId)),
    });

    const vars = { studioId: s.organizationId, from: '2026-03-01', to: '2026-03-31' };
    for (const outsider of [otherStudio, merchant, visitor, platform]) {
      const denied = await t.gql(contractOperation('RoyaltyReport'), vars, outsider.token);
      expect(errorCode(denied)).toBe('FORBIDDEN');
      expect(denied.data ?? null).toBeNull();
    }
    expect(errorCode(await t.gql(contractOperation('RoyaltyReport'), vars))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(contractOperation('RoyaltyReport'), { ...vars, from: '2026-04-01' }, s.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('posts each line as a balanced entry with the default fee, and posts nothing twice when events are replayed', async () => {
    const s = await freshStudio();
    const order = await sales.pay('2026-05-02T03:00:00Z', [
      { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 99, royaltyBps: 1_250 },
    ]);
    await sales.publish(order);
    const refund = await sales.refund(order, order.lines[0]!, 0, 33, '2026-05-03T03:00:00Z');
    await sales.publish(refund);
    const lineId = order.lines[0]!.orderLineId;
    const splits = await t.sql(
      `SELECT gross_minor, royalty_minor, fee_minor, merchant_minor, refunded_minor, fee_bps FROM sale_line_splits WHERE order_line_id = $1`,
      [lineId],
    );
    expect(splits).toEqual([
      {
        gross_minor: '99',
        royalty_minor: '12',
        fee_minor: '9',
        merchant_minor: '78',
        refunded_minor: '33',
        fee_bps: 1000,
      },
    ]);
    const entries = await t.sql<{ kind: string; purpose: string; amount_minor: string }>(
      `SELECT e.kind, a.purpose, p.amount_minor FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id WHERE e.source_id IN ($1, $2) ORDER BY e.kind DESC, a.purpose`,
      [lineId, refund.refundId],
    );
    expect(entries.map((e) => [e.kind, e.purpose, Number(e.amount_minor)])).toEqual([
      ['SALE', 'MERCHANT_PAYABLE', -78],
      ['SALE', 'PAYMENT_CLEARING', 99],
      ['SALE', 'PLATFORM_FEE_REVENUE', -9],
      ['SALE', 'STUDIO_ROYALTIES_PAYABLE', -12],
      ['REFUND', 'MERCHANT_PAYABLE', 26],
      ['REFUND', 'PAYMENT_CLEARING', -33],
      ['REFUND', 'PLATFORM_FEE_REVENUE', 3],
      ['REFUND', 'STUDIO_ROYALTIES_PAYABLE', 4],
    ]);
  });

  it('posts once when the same payment or refund arrives concurrently, and issues a month once under a race', async () => {
    const s = await freshStudio();
    const order = await sales.pay('2026-05-20T03:00:00Z', [
      { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 5_000, royaltyBps: 1_000 },
    ]);
    await Promise.all(Array.from({ length: 5 }, () => sales.publish(order)));
    const refund = {
      type: 'OrderLineRefunded' as const,
      orderId: order.orderId,
      orderLineId: order.lines[0]!.orderLineId,
      refundId: randomUUID(),
      currency: 'CNY',
      amountMinor: 1_000,
      refundedBeforeMinor: 0,
      refundedAfterMinor: 1_000,
      refundedAt: new Date('2026-05-21T03:00:00Z'),
    };
    await Promise.all(Array.from({ length: 5 }, () => sales.publish(refund)));
    const [counts] = await t.sql(
      `SELECT (SELECT count(*) FROM sale_line_splits WHERE order_line_id = $1)::int AS splits,
              (SELECT count(*) FROM sale_line_refunds WHERE order_line_id = $1)::int AS refunds,
              (SELECT refunded_minor FROM sale_line_splits WHERE order_line_id = $1)::int AS refunded,
              (SELECT count(*) FROM journal_entries WHERE source_id IN ($1::text, $2::text))::int AS entries`,
      [order.lines[0]!.orderLineId, refund.refundId],
    );
    expect(counts).toEqual({ splits: 1, refunds: 1, refunded: 1_000, entries: 2 });

    // More concurrent payments than the pool has connections: posting needs no connection beyond the publisher's.
    const many = await Promise.all(
      Array.from({ length: 25 }, () =>
        sales.pay('2026-05-22T03:00:00Z', [
          { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 100, royaltyBps: 1_000 },
        ]),
      ),
    );
    const [named] = await t.sql(
      `SELECT count(*)::int AS n FROM sale_line_splits WHERE order_id = ANY($1::uuid[]) AND merchant_name = 'Xiangdi Art Center'`,
      [many.map((o) => o.orderId)],
    );
    expect(named).toEqual({ n: 25 });

    const ISSUE = `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2026-05") { id } }`;
    const results = await Promise.all(Array.from({ length: 3 }, () => t.gql(ISSUE, { s: s.organizationId }, s.token)));
    expect(results.filter((r) => r.data?.issueRoyaltyStatement).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(2);
  });

  it('refuses a refund that does not follow the line\u2019s refunds, rolling back the publisher\u2019s transaction', async () => {
    const s = await freshStudio();
    const order = await sales.pay('2026-05-02T03:00:00Z', [
      { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 1_000, royaltyBps: 1_000 },
    ]);
    await expect(sales.refund(order, order.lines[0]!, 500, 100, '2026-05-03T03:00:00Z')).rejects.toThrow(
      /does not follow/,
    );
    await expect(sales.refund(order, order.lines[0]!, 0, 1_001, '2026-05-03T03:00:00Z')).rejects.toThrow(/beyond/);
    const [row] = await t.sql(`SELECT refunded_minor FROM sale_line_splits WHERE order_line_id = $1`, [
      order.lines[0]!.orderLineId,
    ]);
    expect(row).toEqual({ refunded_minor: '0' });
  });

  it('makes the database refuse an unbalanced entry, and any edit or deletion of the journal', async () => {
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const [account] = (
        await client.query(`SELECT id FROM ledger_accounts WHERE purpose = 'PAYMENT_CLEARING' AND currency = 'CNY'`)
      ).rows;
      await client.query('BEGIN');
      const entry = (
        await client.query(
          `INSERT INTO journal_entries (kind, source_id, occurred_at) VALUES ('ADJUSTMENT', $1, now()) RETURNING id`,
          [randomUUID()],
        )
      ).rows[0];
      await client.query(
        `INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency) VALUES ($1, $2, 100, 'CNY')`,
        [entry.id, account.id],
      );
      await expect(client.query('COMMIT')).rejects.toThrow(/unbalanced/);

      await expect(
        client.query(
          `UPDATE ledger_postings SET amount_minor = amount_minor + 1 WHERE id = (SELECT min(id) FROM ledger_postings)`,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM ledger_postings`)).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE journal_entries SET memo = 'edited'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM journal_entries`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE ledger_postings CASCADE`)).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE sale_line_splits SET royalty_minor = royalty_minor + 1`)).rejects.toThrow(
        /never changes|check/,
      );
    } finally {
      await client.end();
    }
  });

  it('counts days in Asia/Shanghai and filters by IP, merchant and license, a page at a time', async () => {
    const s = await freshStudio();
    const ip = randomUUID();
    const base = { studioId: s.organizationId!, royaltyBps: 1_000 };
    await sales.pay('2026-03-31T15:59:59Z', [
      { ...base, merchantId: merchant.organizationId!, netMinor: 100, filmIpId: ip },
    ]); // 23:59:59 on 31 March
    const april = await sales.pay('2026-03-31T16:00:00Z', [
      { ...base, merchantId: merchant.organizationId!, netMinor: 1_000, filmIpId: ip }, // 00:00 on 1 April
      { ...base, merchantId: otherMerchant.organizationId!, netMinor: 2_000 },
      { ...base, merchantId: otherMerchant.organizationId!, netMinor: 3_000, filmIpId: ip },
    ]);
    const REPORT = `query($studioId: ID!, $from: Date!, $to: Date!, $filmIpId: ID, $merchantId: ID, $licenseId: ID) {
      royaltyReport(studioId: $studioId, from: $from, to: $to, filmIpId: $filmIpId, merchantId: $merchantId, licenseId: $licenseId) {
        totals { gross { amountMinor } royalty { amountMinor } lineCount } } }`;
    const gross = async (vars: Record<string, unknown>) => {
      const res = await t.gql(REPORT, { studioId: s.organizationId, ...vars }, s.token);
      expect(res.errors).toBeUndefined();
      return res.data?.royaltyReport.totals.gross.amountMinor;
    };
    expect(await gross({ from: '2026-03-01', to: '2026-03-31' })).toBe(100);
    expect(await gross({ from: '2026-04-01', to: '2026-04-30' })).toBe(6_000);
    expect(await gross({ from: '2026-04-01', to: '2026-04-01', filmIpId: ip })).toBe(4_000);
    expect(await gross({ from: '2026-03-01', to: '2026-04-30', merchantId: otherMerchant.organizationId })).toBe(5_000);
    expect(await gross({ from: '2026-03-01', to: '2026-04-30', licenseId: april.lines[1]!.licenseId })).toBe(2_000);

    const SERIES = `query($s: ID!, $by: RoyaltySeriesBy) { royaltySeries(studioId: $s, from: "2026-03-01", to: "2026-04-30", by: $by) {
      month label gross { amountMinor } royalty { amountMinor } } }`;
    const points = (res: any) =>
      res.data?.royaltySeries.map((p: any) => [p.month, p.label, p.gross.amountMinor, p.royalty.amountMinor]);
    expect(points(await t.gql(SERIES, { s: s.organizationId }, s.token))).toEqual([
      ['2026-03', '', 100, 10],
      ['2026-04', '', 6_000, 600],
    ]);
    expect(points(await t.gql(SERIES, { s: s.organizationId, by: 'MERCHANT' }, s.token)).sort()).toEqual(
      [
        ['2026-03', 'Xiangdi Art Center', 100, 10],
        ['2026-04', 'Xiangdi Art Center', 1_000, 100],
        ['2026-04', 'Xinshe Ranch', 5_000, 500],
      ].sort(),
    );
    expect(errorCode(await t.gql(SERIES, { s: s.organizationId }, merchant.token))).toBe('FORBIDDEN');

    const PAGE = `query($studioId: ID!, $after: String) {
      royaltyReportLines(studioId: $studioId, from: "2026-03-01", to: "2026-04-30", first: 3, after: $after) {
        totalCount edges { node { orderLineId gross { amountMinor } } } pageInfo { hasNextPage endCursor } } }`;
    const first = await t.gql(PAGE, { studioId: s.organizationId }, s.token);
    expect(first.data?.royaltyReportLines.totalCount).toBe(4);
    expect(first.data?.royaltyReportLines.edges.map((e: any) => e.node.gross.amountMinor)[0]).toBe(100);
    expect(first.data?.royaltyReportLines.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql(
      PAGE,
      { studioId: s.organizationId, after: first.data?.royaltyReportLines.pageInfo.endCursor },
      s.token,
    );
    expect(second.data?.royaltyReportLines.edges).toHaveLength(1);
    expect(second.data?.royaltyReportLines.pageInfo.hasNextPage).toBe(false);
    const seen = [...first.data!.royaltyReportLines.edges, ...second.data!.royaltyReportLines.edges].map(
      (e: any) => e.node.orderLineId,
    );
    expect(new Set(seen).size).toBe(4);
    expect(errorCode(await t.gql(PAGE, { studioId: s.organizationId }, otherStudio.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PAGE, { studioId: s.organizationId, after: 'bogus' }, s.token))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('downloads the report as CSV with the same Bearer token and rules, totals row included', async () => {
    const s = await freshStudio();
    const order = await sales.pay('2026-06-05T04:00:00Z', [
      {
        studioId: s.organizationId!,
        merchantId: merchant.organizationId!,
        netMinor: 9_900,
        royaltyBps: 1_200,
        productName: '=HYPERLINK("x"), "cap"',
      },
    ]);
    await sales.refund(order, order.lines[0]!, 0, 9_900, '2026-06-06T04:00:00Z');
    const url = `${t.baseUrl}/reports/royalties.csv?studioId=${s.organizationId}&from=2026-06-01&to=2026-06-30`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'order_line_id,order_id,paid_at,product_id,product_name,merchant_id,merchant_name,license_id,film_ip_id,currency,gross_minor,refunded_minor,royalty_minor,gross_yuan,refunded_yuan,royalty_yuan,source',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), ""cap"""`);
    expect(lines[1]).toContain(',Xiangdi Art Center,');
    expect(lines[1]).toMatch(/,CNY,9900,9900,0,99.00,99.00,0.00,MARKETPLACE$/);
    expect(lines[2]).toBe('TOTAL,,,,,,,,,CNY,9900,9900,0,99.00,99.00,0.00,');

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${otherStudio.token}` } })).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: `Bearer ${merchant.token}` } })).status).toBe(403);
    const bad = await fetch(
      `${t.baseUrl}/reports/royalties.csv?studioId=${s.organizationId}&from=2026-13-01&to=2026-06-30`,
      {
        headers: { authorization: `Bearer ${s.token}` },
      },
    );
    expect(bad.status).toBe(400);
  });

  it('issues a frozen monthly statement; a late sale dated in an issued month lands in the next as an adjustment', async () => {
    const s = await freshStudio();
    const line = { studioId: s.organizationId!, merchantId: merchant.organizationId!, royaltyBps: 1_000 };
    const march = await sales.pay('2026-03-15T04:00:00Z', [{ ...line, netMinor: 10_000 }]);
    await sales.pay('2026-04-02T04:00:00Z', [{ ...line, netMinor: 20_000 }]);
    const ISSUE = `mutation($studioId: ID!, $month: String!) { issueRoyaltyStatement(studioId: $studioId, month: $month) {
      id month status lineCount gross { amountMinor } refunded { amountMinor } royalty { amountMinor } adjustments { amountMinor } amountDue { amountMinor }
      lines(first: 10) { totalCount edges { node { kind isAdjustment gross { amountMinor } refunded { amountMinor } royalty { amountMinor } } } } } }`;

    expect(errorCode(await t.gql(ISSUE, { studioId: s.organizationId, month: '2026-03' }, otherStudio.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await t.gql(ISSUE, { studioId: s.organizationId, month: '2099-01' }, s.token))).toBe('CONFLICT');
    const issued = await t.gql(ISSUE, { studioId: s.organizationId, month: '2026-03' }, s.token);
    expect(issued.errors).toBeUndefined();
    const m1 = issued.data?.issueRoyaltyStatement;
    expect(m1).toMatchObject({
      month: '2026-03',
      status: 'ISSUED',
      lineCount: 1,
      gross: { amountMinor: 10_000 },
      royalty: { amountMinor: 1_000 },
      amountDue: { amountMinor: 1_000 },
    });
    expect(errorCode(await t.gql(ISSUE, { studioId: s.organizationId, month: '2026-03' }, s.token))).toBe('CONFLICT');

    // After March is issued: a refund of the March sale and a sale dated March arrive late.
    await sales.refund(march, march.lines[0]!, 0, 5_000, '2026-03-20T04:00:00Z');
    await sales.pay('2026-03-30T04:00:00Z', [{ ...line, netMinor: 3_000 }]);
    const again = await t.gql(
      `query($id: ID!) { royaltyStatement(id: $id) { lineCount royalty { amountMinor } } }`,
      { id: m1.id },
      s.token,
    );
    expect(again.data?.royaltyStatement).toEqual({ lineCount: 1, royalty: { amountMinor: 1_000 } });

    const april = (await t.gql(ISSUE, { studioId: s.organizationId, month: '2026-04' }, platform.token)).data
      ?.issueRoyaltyStatement;
    expect(april).toMatchObject({
      lineCount: 3,
      gross: { amountMinor: 23_000 },
      refunded: { amountMinor: 5_000 },
      royalty: { amountMinor: 2_000 - 500 + 300 },
      adjustments: { amountMinor: -500 + 300 },
      amountDue: { amountMinor: 1_800 },
    });
    expect(
      april.lines.edges
        .filter((e: any) => e.node.isAdjustment)
        .map((e: any) => e.node.kind)
        .sort(),
    ).toEqual(['REFUND', 'SALE']);

    await expect(t.sql(`UPDATE royalty_statements SET amount_due_minor = 0 WHERE id = $1`, [m1.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(t.sql(`DELETE FROM royalty_statement_lines WHERE statement_id = $1`, [m1.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(
      t.sql(`UPDATE sale_line_splits SET statement_id = NULL WHERE statement_id = $1`, [m1.id]),
    ).rejects.toThrow(/belongs to statement/);

    const list = await t.gql(
      `query($s: ID!) { royaltyStatements(studioId: $s) { month } }`,
      { s: s.organizationId },
      s.token,
    );
    expect(list.data?.royaltyStatements).toEqual([{ month: '2026-04' }, { month: '2026-03' }]);
    expect(
      errorCode(
        await t.gql(
          `query($s: ID!) { royaltyStatements(studioId: $s) { month } }`,
          { s: s.organizationId },
          merchant.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(`query($id: ID!) { royaltyStatement(id: $id) { id } }`, { id: m1.id }, otherStudio.token)),
    ).toBe('NOT_FOUND');

    const csv = await fetch(`${t.baseUrl}/reports/statements/${april.id}.csv`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows).toHaveLength(1 + 3 + 8);
    expect(rows.at(-1)).toBe('AMOUNT_DUE,,,,,,,,,,CNY,,,1800,,,,,18.00');
    expect(rows).toContain('ADJUSTMENTS,,,,,,,,,,CNY,,,-200,,,,,-2.00');
    expect(
      (
        await fetch(`${t.baseUrl}/reports/statements/${april.id}.csv`, {
          headers: { authorization: `Bearer ${otherStudio.token}` },
        })
      ).status,
    ).toBe(404);
  });

  it('recoups a license\u2019s advance from its royalties and charges the guarantee shortfall when the term ends', async () => {
    const s = await freshStudio();
    const licenseId = randomUUID();
    const RECORD = `mutation($input: RecordLicenseTermsInput!) { recordLicenseTerms(input: $input) {
      licenseId advance { amountMinor } minimumGuarantee { amountMinor } endsOn guaranteeSettled } }`;
    const input = {
      licenseId,
      studioId: s.organizationId,
      merchantId: merchant.organizationId,
      advance: { amountMinor: 1_000 },
      minimumGuarantee: { amountMinor: 5_000 },
      startsOn: '2026-01-01',
      endsOn: '2026-04-30',
    };
    expect(errorCode(await t.gql(RECORD, { input }, s.token))).toBe('FORBIDDEN');
    const recorded = await t.gql(RECORD, { input }, platform.token);
    expect(recorded.data?.recordLicenseTerms).toEqual({
      licenseId,
      advance: { amountMinor: 1_000 },
      minimumGuarantee: { amountMinor: 5_000 },
      endsOn: '2026-04-30',
      guaranteeSettled: false,
    });
    expect(errorCode(await t.gql(RECORD, { input }, platform.token))).toBe('CONFLICT');

    const line = { studioId: s.organizationId!, merchantId: merchant.organizationId!, licenseId, royaltyBps: 1_000 };
    await sales.pay('2026-03-05T04:00:00Z', [{ ...line, netMinor: 6_000 }]);
    await sales.pay('2026-04-05T04:00:00Z', [{ ...line, netMinor: 7_000 }]);
    const ISSUE = `mutation($s: ID!, $month: String!) { issueRoyaltyStatement(studioId: $s, month: $month) {
      royalty { amountMinor } advanceRecouped { amountMinor } guaranteeShortfall { amountMinor } amountDue { amountMinor } } }`;
    // March: 6.00 royalty, all kept back against the 10.00 advance.
    expect(
      (await t.gql(ISSUE, { s: s.organizationId, month: '2026-03' }, s.token)).data?.issueRoyaltyStatement,
    ).toEqual({
      royalty: { amountMinor: 600 },
      advanceRecouped: { amountMinor: 600 },
      guaranteeShortfall: { amountMinor: 0 },
      amountDue: { amountMinor: 0 },
    });
    // April, the term's last month: 7.00 royalty repays the last 4.00; lifetime 13.00 is 37.00 short of the 50.00 guarantee.
    expect(
      (await t.gql(ISSUE, { s: s.organizationId, month: '2026-04' }, s.token)).data?.issueRoyaltyStatement,
    ).toEqual({
      royalty: { amountMinor: 700 },
      advanceRecouped: { amountMinor: 400 },
      guaranteeShortfall: { amountMinor: 3_700 },
      amountDue: { amountMinor: 4_000 },
    });
    const terms = await t.gql(
      `query($l: ID!) { licenseTerms(licenseId: $l) { advanceRecouped { amountMinor } guaranteeSettled } }`,
      { l: licenseId },
      merchant.token,
    );
    expect(terms.data?.licenseTerms).toEqual({ advanceRecouped: { amountMinor: 1_000 }, guaranteeSettled: true });
    expect(
      errorCode(
        await t.gql(
          `query($l: ID!) { licenseTerms(licenseId: $l) { guaranteeSettled } }`,
          { l: licenseId },
          otherStudio.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    const balances = await t.sql<{ purpose: string; balance: string }>(
      `SELECT purpose, balance_minor::text AS balance FROM ledger_accounts WHERE party_id IN ($1, $2) ORDER BY purpose`,
      [s.organizationId, licenseId],
    );
    // The studio is owed 13.00 royalty − 10.00 recouped + 37.00 guarantee = 40.00; the license holds 10.00 recouped.
    expect(balances).toEqual([
      { purpose: 'ADVANCES_RECOUPED', balance: '-1000' },
      { purpose: 'STUDIO_ROYALTIES_PAYABLE', balance: '-4000' },
    ]);
  });

  it('shows merchants their own sales per license, the platform its fees, with a per-merchant rate', async () => {
    const m = await organizationOwner(t, 'MERCHANT', 'Songjiang Crafts');
    const s = await freshStudio();
    const SET_FEE = `mutation($m: ID!, $bps: Int!) { setMerchantPlatformFee(merchantId: $m, feeBps: $bps) }`;
    expect(errorCode(await t.gql(SET_FEE, { m: m.organizationId, bps: 500 }, m.token))).toBe('FORBIDDEN');
    expect((await t.gql(SET_FEE, { m: m.organizationId, bps: 500 }, platform.token)).data?.setMerchantPlatformFee).toBe(
      500,
    );
    const order = await sales.pay('2026-07-01T04:00:00Z', [
      { studioId: s.organizationId!, merchantId: m.organizationId!, netMinor: 10_000, royaltyBps: 1_500 },
    ]);
    await sales.refund(order, order.lines[0]!, 0, 1_000, '2026-07-02T04:00:00Z');

    const SALES = `query($m: ID!) { merchantSales(merchantId: $m, from: "2026-07-01", to: "2026-07-31") {
      licenses { licenseId studioName lineCount gross { amountMinor } refunded { amountMinor } royalty { amountMinor } platformFee { amountMinor } merchantShare { amountMinor } }
      payableBalance { amountMinor } } }`;
    const mine = await t.gql(SALES, { m: m.organizationId }, m.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.merchantSales).toEqual({
      licenses: [
        {
          licenseId: order.lines[0]!.licenseId,
          studioName: s.organizationId ? expect.any(String) : '',
          lineCount: 1,
          gross: { amountMinor: 10_000 },
          refunded: { amountMinor: 1_000 },
          royalty: { amountMinor: 1_500 - 150 },
          platformFee: { amountMinor: 500 - 50 },
          merchantShare: { amountMinor: 8_000 - 800 },
        },
      ],
      payableBalance: { amountMinor: 7_200 },
    });
    expect(errorCode(await t.gql(SALES, { m: m.organizationId }, merchant.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SALES, { m: m.organizationId }, s.token))).toBe('FORBIDDEN');
    expect((await t.gql(SALES, { m: m.organizationId }, platform.token)).errors).toBeUndefined();

    const FEES = `{ platformFeeRevenue(from: "2026-07-01", to: "2026-07-31") { net { amountMinor } byMerchant { merchantName fees { amountMinor } } } }`;
    expect(errorCode(await t.gql(FEES, {}, m.token))).toBe('FORBIDDEN');
    const fees = await t.gql(FEES, {}, platform.token);
    expect(fees.data?.platformFeeRevenue.byMerchant).toContainEqual({
      merchantName: 'Songjiang Crafts',
      fees: { amountMinor: 450 },
    });
  });

  it('reconciles a period: nothing to report when the books agree, each discrepancy when they do not', async () => {
    const s = await freshStudio();
    await sales.pay('2026-08-03T04:00:00Z', [
      { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 12_345, royaltyBps: 777 },
      { studioId: s.organizationId!, merchantId: otherMerchant.organizationId!, netMinor: 1, royaltyBps: 9_000 },
    ]);
    const RECONCILE = `{ reconciliation(from: "2026-08-01", to: "2026-08-31") {
      grossPaid { amountMinor } royalties { amountMinor } platformFees { amountMinor } merchantShares { amountMinor } discrepancies { check reference detail } } }`;
    expect(errorCode(await t.gql(RECONCILE, {}, s.token))).toBe('FORBIDDEN');
    const fineRes = await t.gql(RECONCILE, {}, platform.token);
    expect(fineRes.errors).toBeUndefined();
    const fine = fineRes.data?.reconciliation;
    expect(fine.discrepancies).toEqual([]);
    expect(fine.grossPaid.amountMinor).toBe(
      fine.royalties.amountMinor + fine.platformFees.amountMinor + fine.merchantShares.amountMinor,
    );
    expect(fine.grossPaid.amountMinor).toBe(12_346);

    const [account] = await t.sql<{ id: string }>(
      `SELECT id FROM ledger_accounts WHERE purpose = 'MERCHANT_PAYABLE' AND party_id = $1`,
      [otherMerchant.organizationId],
    );
    await t.sql(`UPDATE ledger_accounts SET balance_minor = balance_minor + 1 WHERE id = $1`, [account!.id]);
    try {
      const broken = (await t.gql(RECONCILE, {}, platform.token)).data?.reconciliation;
      expect(broken.discrepancies).toEqual([
        { check: 'ACCOUNT_BALANCE', reference: account!.id, detail: expect.stringMatching(/MERCHANT_PAYABLE/) },
      ]);
    } finally {
      await t.sql(`UPDATE ledger_accounts SET balance_minor = balance_minor - 1 WHERE id = $1`, [account!.id]);
    }
  });
});
