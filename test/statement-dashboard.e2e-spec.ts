import { randomUUID } from 'node:crypto';
import { organizationOwner, Party, platformAdmin, signUp } from './support/parties';
import { SalesSimulator } from './support/sales';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const STATEMENT_FIELDS = `id month version status supersededBy lineCount royalty { amountMinor } periodRoyalty { amountMinor }
  unstatedEarlier { amountMinor } adjustments { amountMinor } previouslyPaid { amountMinor } amountDue { amountMinor }
  lines(first: 50) { edges { node { kind occurredAt isAdjustment unstatedEarlier royalty { amountMinor } } } }`;
const ISSUE = `mutation($s: ID!, $month: String!) { issueRoyaltyStatement(studioId: $s, month: $month) { ${STATEMENT_FIELDS} } }`;
const REISSUE = `mutation($s: ID!, $month: String!) { reissueRoyaltyStatement(studioId: $s, month: $month) { ${STATEMENT_FIELDS} } }`;
const SERIES = `query($s: ID!, $from: Date!, $to: Date!) {
  royaltySeries(studioId: $s, from: $from, to: $to) { month royalty { amountMinor } } }`;
const TOTALS = `query($s: ID!, $from: Date!, $to: Date!) {
  royaltyReport(studioId: $s, from: $from, to: $to) { totals { royalty { amountMinor } } } }`;

/**
 * The studio's statement and its dashboard (royalty report and monthly chart) hold together for the same month. Both
 * bucket by the Asia/Shanghai date of the sale or refund; the statement also states what no statement took before:
 * rows of earlier months that never had a statement (labelled "earlier, unstated") and rows dated in months already
 * stated that arrived late (labelled adjustments). Only the latter are called adjustments.
 */
describe('statements and the dashboard agree', () => {
  let t: TestApp;
  let sales: SalesSimulator;
  let merchant: Party;
  let otherStudio: Party;
  let visitor: Party;
  let platform: Party;

  beforeAll(async () => {
    t = await startTestApp();
    sales = new SalesSimulator(t);
    [merchant, otherStudio, visitor, platform] = await Promise.all([
      organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center'),
      organizationOwner(t, 'STUDIO', 'Xingxi Pictures'),
      signUp(t, 'visitor'),
      platformAdmin(t),
    ]);
  });
  afterAll(() => t.close());

  const freshStudio = () => organizationOwner(t, 'STUDIO', `Studio ${randomUUID().slice(0, 6)}`);

  async function dashboardMonth(s: Party, month: string): Promise<{ series: number; report: number }> {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const vars = { s: s.organizationId, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
    const series = await t.gql(SERIES, vars, s.token);
    const report = await t.gql(TOTALS, vars, s.token);
    expect(series.errors).toBeUndefined();
    expect(report.errors).toBeUndefined();
    const points = series.data?.royaltySeries as { month: string; royalty: { amountMinor: number } }[];
    return {
      series: points.find((p) => p.month === month)?.royalty.amountMinor ?? 0,
      report: report.data?.royaltyReport.totals.royalty.amountMinor,
    };
  }

  it('a first statement states the unstated September apart from October, which equals the dashboard, refund crossing months included', async () => {
    const s = await freshStudio();
    const line = { studioId: s.organizationId!, merchantId: merchant.organizationId!, royaltyBps: 1_000 };
    // September: two sales, one of them refunded in part on 1 October at 00:30 Shanghai (30 September 16:30 UTC).
    const sept = await sales.pay('2026-09-10T04:00:00Z', [{ ...line, netMinor: 40_000 }]);
    await sales.pay('2026-09-30T15:30:00Z', [{ ...line, netMinor: 20_000 }]); // 23:30 Shanghai, still September
    await sales.refund(sept, sept.lines[0]!, 0, 10_000, '2026-09-30T16:30:00Z');
    // October: one sale; the last one on 31 October 23:59 Shanghai; 1 November 00:10 Shanghai belongs to November.
    await sales.pay('2026-10-05T04:00:00Z', [{ ...line, netMinor: 30_000 }]);
    await sales.pay('2026-10-31T15:59:00Z', [{ ...line, netMinor: 5_000 }]);
    await sales.pay('2026-10-31T16:10:00Z', [{ ...line, netMinor: 7_000 }]);

    const octoberOnDashboard = await dashboardMonth(s, '2026-10');
    const septemberOnDashboard = await dashboardMonth(s, '2026-09');
    // October: 3 000 + 500 royalty, less the 1 000 reversed by the refund dated 1 October in Shanghai.
    expect(octoberOnDashboard).toEqual({ series: 2_500, report: 2_500 });
    expect(septemberOnDashboard).toEqual({ series: 6_000, report: 6_000 });

    const res = await t.gql(ISSUE, { s: s.organizationId, month: '2026-10' }, s.token);
    expect(res.errors).toBeUndefined();
    const october = res.data?.issueRoyaltyStatement;
    expect(october).toMatchObject({
      royalty: { amountMinor: 8_500 },
      periodRoyalty: { amountMinor: octoberOnDashboard.report },
      unstatedEarlier: { amountMinor: septemberOnDashboard.report },
      // September has no statement: nothing here adjusts a stated period.
      adjustments: { amountMinor: 0 },
      amountDue: { amountMinor: 8_500 },
    });
    const nodes = october.lines.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.isAdjustment)).toEqual([]);
    expect(nodes.filter((n: any) => n.unstatedEarlier).map((n: any) => n.kind)).toEqual(['SALE', 'SALE']);
    expect(nodes.find((n: any) => n.kind === 'REFUND')).toMatchObject({ unstatedEarlier: false, isAdjustment: false });
  });

  it('calls a late row an adjustment only when its month has a statement, and the difference is exactly that row', async () => {
    const s = await freshStudio();
    const line = { studioId: s.organizationId!, merchantId: merchant.organizationId!, royaltyBps: 1_000 };
    const aug = await sales.pay('2026-08-20T04:00:00Z', [{ ...line, netMinor: 10_000 }]);
    expect((await t.gql(ISSUE, { s: s.organizationId, month: '2026-08' }, s.token)).errors).toBeUndefined();
    // Recorded after August was stated, dated in August: a refund and a sale.
    await sales.refund(aug, aug.lines[0]!, 0, 4_000, '2026-08-25T04:00:00Z');
    await sales.pay('2026-08-28T04:00:00Z', [{ ...line, netMinor: 2_000 }]);
    await sales.pay('2026-09-03T04:00:00Z', [{ ...line, netMinor: 50_000 }]);

    const september = (await t.gql(ISSUE, { s: s.organizationId, month: '2026-09' }, s.token)).data
      ?.issueRoyaltyStatement;
    const dash = await dashboardMonth(s, '2026-09');
    expect(september).toMatchObject({
      periodRoyalty: { amountMinor: dash.report },
      adjustments: { amountMinor: -400 + 200 },
      unstatedEarlier: { amountMinor: 0 },
    });
    // August on the dashboard = August's statement + the adjustments stated in September.
    const augustNow = await dashboardMonth(s, '2026-08');
    expect(augustNow.report).toBe(1_000 + september.adjustments.amountMinor);
  });

  it('re-issues a month as a new version that supersedes the old, both kept, and owes only what was not paid', async () => {
    const s = await freshStudio();
    const line = { studioId: s.organizationId!, merchantId: merchant.organizationId!, royaltyBps: 1_000 };
    await sales.pay('2026-07-10T04:00:00Z', [{ ...line, netMinor: 10_000 }]);
    expect(errorCode(await t.gql(REISSUE, { s: s.organizationId, month: '2026-07' }, s.token))).toBe('CONFLICT');
    const v1 = (await t.gql(ISSUE, { s: s.organizationId, month: '2026-07' }, s.token)).data?.issueRoyaltyStatement;
    expect(v1).toMatchObject({ version: 1, status: 'ISSUED', amountDue: { amountMinor: 1_000 } });

    // A July sale recorded after July was stated: the re-issue takes it into July itself.
    await sales.pay('2026-07-30T04:00:00Z', [{ ...line, netMinor: 3_000 }]);
    const res = await t.gql(REISSUE, { s: s.organizationId, month: '2026-07' }, s.token);
    expect(res.errors).toBeUndefined();
    const v2 = res.data?.reissueRoyaltyStatement;
    expect(v2).toMatchObject({
      version: 2,
      status: 'ISSUED',
      lineCount: 2,
      royalty: { amountMinor: 1_300 },
      periodRoyalty: { amountMinor: (await dashboardMonth(s, '2026-07')).report },
      adjustments: { amountMinor: 0 },
      previouslyPaid: { amountMinor: 0 },
      amountDue: { amountMinor: 1_300 },
    });

    const LIST = `query($s: ID!) { royaltyStatements(studioId: $s) { id month version status supersededBy } }`;
    const listed = (await t.gql(LIST, { s: s.organizationId }, s.token)).data?.royaltyStatements;
    expect(listed).toEqual([
      { id: v2.id, month: '2026-07', version: 2, status: 'ISSUED', supersededBy: null },
      { id: v1.id, month: '2026-07', version: 1, status: 'SUPERSEDED', supersededBy: v2.id },
    ]);
    // The old version is kept as issued: still readable, still frozen.
    const old = await t.gql(
      `query($id: ID!) { royaltyStatement(id: $id) { status lineCount royalty { amountMinor } } }`,
      { id: v1.id },
      s.token,
    );
    expect(old.data?.royaltyStatement).toEqual({ status: 'SUPERSEDED', lineCount: 1, royalty: { amountMinor: 1_000 } });
    await expect(t.sql(`UPDATE royalty_statements SET amount_due_minor = 0 WHERE id = $1`, [v1.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(
      t.sql(`UPDATE royalty_statements SET status = 'ISSUED', superseded_by = NULL WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/never changes/);
    // A superseded version cannot be paid; the live one is.
    expect(
      errorCode(
        await t.gql(`mutation($id: ID!) { payRoyaltyStatement(statementId: $id) { id } }`, { id: v1.id }, s.token),
      ),
    ).toBe('NOT_FOUND');

    // Paid in part on version 2 (a settled payout row), then re-issued: version 3 owes only the rest.
    await t.sql(
      `INSERT INTO payouts (id, organization_id, payee_kind, subject, statement_id, currency, amount_minor,
         destination_account_id, transfer_group, idempotency_key, status, provider_transfer_id, requested_by, created_at, settled_at)
       SELECT $2::uuid, studio_id, 'STUDIO', 'statement:' || id, id, currency, 1300, 'acct_test', 'statement-' || id, $2::text,
              'PAID', 'tr_test', $3, now(), now()
         FROM royalty_statements WHERE id = $1`,
      [v2.id, randomUUID(), s.userId],
    );
    await sales.pay('2026-07-31T04:00:00Z', [{ ...line, netMinor: 1_000 }]);
    const v3 = (await t.gql(REISSUE, { s: s.organizationId, month: '2026-07' }, s.token)).data?.reissueRoyaltyStatement;
    expect(v3).toMatchObject({
      version: 3,
      royalty: { amountMinor: 1_400 },
      previouslyPaid: { amountMinor: 1_300 },
      amountDue: { amountMinor: 100 },
    });
  });

  it('lets only that studio’s staff (or the platform) re-issue, and re-issues a month once under a race', async () => {
    const s = await freshStudio();
    await sales.pay('2026-06-10T04:00:00Z', [
      { studioId: s.organizationId!, merchantId: merchant.organizationId!, netMinor: 10_000, royaltyBps: 1_000 },
    ]);
    expect((await t.gql(ISSUE, { s: s.organizationId, month: '2026-06' }, s.token)).errors).toBeUndefined();
    const vars = { s: s.organizationId, month: '2026-06' };
    for (const outsider of [otherStudio, merchant, visitor]) {
      expect(errorCode(await t.gql(REISSUE, vars, outsider.token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.gql(REISSUE, vars))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(REISSUE, { ...vars, month: '2099-01' }, s.token))).toBe('CONFLICT');
    expect(errorCode(await t.gql(REISSUE, { ...vars, month: '2026-13' }, s.token))).toBe('BAD_USER_INPUT');

    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(REISSUE, vars, s.token)));
    expect(results.filter((r) => r.errors).length).toBe(0);
    const versions = results.map((r) => r.data?.reissueRoyaltyStatement.version).sort();
    expect(versions).toEqual([2, 3, 4, 5, 6]);
    const live = await t.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM royalty_statements WHERE studio_id = $1 AND status = 'ISSUED'`,
      [s.organizationId],
    );
    expect(live).toEqual([{ n: '1' }]);
    expect((await t.gql(REISSUE, vars, platform.token)).data?.reissueRoyaltyStatement.version).toBe(7);
  });
});
