import { randomUUID } from 'node:crypto';
import { PayoutScheduleJob } from '@chedun/ledger';
import { FakeStripe } from './support/fake-stripe';
import { organizationOwner, Party, platformAdmin } from './support/parties';
import { SalesSimulator } from './support/sales';
import { deliver, stripeEvent, transfer } from './support/stripe-events';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const PAYOUT_FIELDS = `id organizationId payeeKind statementId orderId amount { amountMinor currency } destinationAccountId transferGroup
  status provider providerTransferId failureCode createdAt settledAt failedAt`;
const SET_ACCOUNT = `mutation($o: ID!, $a: String) { setPayoutAccount(organizationId: $o, payoutAccountId: $a) { organizationId payoutAccountId } }`;
const ISSUE = `mutation($s: ID!, $month: String!) { issueRoyaltyStatement(studioId: $s, month: $month) { id amountDue { amountMinor } } }`;
const PAY_STATEMENT = `mutation($id: ID!) { payRoyaltyStatement(statementId: $id) { ${PAYOUT_FIELDS} } }`;
const PAY_ORDER = `mutation($m: ID!, $o: ID!) { payMerchantOrder(merchantId: $m, orderId: $o) { ${PAYOUT_FIELDS} } }`;
const PAYOUTS = `query($o: ID!) { payouts(organizationId: $o) { id status amount { amountMinor } } }`;
const MERCHANT_OWED = `query($m: ID!) { merchantSales(merchantId: $m, from: "2026-01-01", to: "2026-12-31") { payableBalance { amountMinor } } }`;

interface World {
  t: TestApp;
  sales: SalesSimulator;
  platform: Party;
}

/** A studio and a merchant with payout accounts, one order of two lines in September 2026, and September stated. */
async function statedMonth(w: World, opts: { account?: boolean } = {}) {
  const tag = randomUUID().slice(0, 6);
  const [studio, merchant] = await Promise.all([
    organizationOwner(w.t, 'STUDIO', `Studio ${tag}`),
    organizationOwner(w.t, 'MERCHANT', `Merchant ${tag}`),
  ]);
  if (opts.account !== false) {
    for (const p of [studio, merchant]) {
      const set = await w.t.gql(
        SET_ACCOUNT,
        { o: p.organizationId, a: `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}` },
        p.token,
      );
      expect(set.errors).toBeUndefined();
    }
  }
  // Royalty 10%: 1 000 + 500; fee 10%: 1 000 + 500; merchant: 8 000 + 4 000.
  const order = await w.sales.pay('2026-09-10T04:00:00Z', [
    { studioId: studio.organizationId!, merchantId: merchant.organizationId!, netMinor: 10_000, royaltyBps: 1_000 },
    { studioId: studio.organizationId!, merchantId: merchant.organizationId!, netMinor: 5_000, royaltyBps: 1_000 },
  ]);
  const issued = await w.t.gql(ISSUE, { s: studio.organizationId, month: '2026-09' }, studio.token);
  expect(issued.errors).toBeUndefined();
  return { studio, merchant, order, statementId: issued.data!['issueRoyaltyStatement'].id as string };
}

async function payable(t: TestApp, purpose: string, partyId: string): Promise<number> {
  const [row] = await t.sql<{ b: string }>(
    `SELECT balance_minor AS b FROM ledger_accounts WHERE purpose = $1 AND party_id = $2`,
    [purpose, partyId],
  );
  return 0 - Number(row?.b ?? 0) || 0;
}

async function payoutEntries(t: TestApp, payoutId: string): Promise<[string, string, number][]> {
  const rows = await t.sql<{ source_id: string; purpose: string; amount_minor: string }>(
    `SELECT e.source_id, a.purpose, p.amount_minor FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
       JOIN ledger_accounts a ON a.id = p.account_id WHERE e.kind = 'PAYOUT' AND e.source_id LIKE $1 ORDER BY e.created_at, e.source_id, a.purpose`,
    [`payout:${payoutId}%`],
  );
  return rows.map((r) => [r.source_id.replace(payoutId, 'P'), r.purpose, Number(r.amount_minor)]);
}

describe('payouts with the development gateway', () => {
  const w = {} as World;
  beforeAll(async () => {
    w.t = await startTestApp();
    w.sales = new SalesSimulator(w.t);
    w.platform = await platformAdmin(w.t);
  });
  afterAll(() => w.t.close());

  it('lets only an owner set a valid acct_ payout account', async () => {
    const studio = await organizationOwner(w.t, 'STUDIO', 'Xingxi Pictures');
    const other = await organizationOwner(w.t, 'STUDIO', 'Other Pictures');
    expect(errorCode(await w.t.gql(SET_ACCOUNT, { o: studio.organizationId, a: 'ba_12345678' }, studio.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await w.t.gql(SET_ACCOUNT, { o: studio.organizationId, a: 'acct_1Nv0FGQ9RKHgCVdK' }, other.token)),
    ).toBe('FORBIDDEN');
    const ok = await w.t.gql(SET_ACCOUNT, { o: studio.organizationId, a: 'acct_1Nv0FGQ9RKHgCVdK' }, studio.token);
    expect(ok.data?.['setPayoutAccount']).toEqual({
      organizationId: studio.organizationId,
      payoutAccountId: 'acct_1Nv0FGQ9RKHgCVdK',
    });
    const read = await w.t.gql(
      `query($o: ID!) { payoutAccount(organizationId: $o) { payoutAccountId } }`,
      { o: studio.organizationId },
      studio.token,
    );
    expect(read.data?.['payoutAccount']).toEqual({ payoutAccountId: 'acct_1Nv0FGQ9RKHgCVdK' });
  });

  it('pays a statement once however often it is asked, journals payable → in transit → settled, and hides it from other studios', async () => {
    const { studio, statementId } = await statedMonth(w);
    const other = await organizationOwner(w.t, 'STUDIO', 'Nosy Pictures');
    expect(await payable(w.t, 'STUDIO_ROYALTIES_PAYABLE', studio.organizationId!)).toBe(1_500);

    const [first, ...again] = await Promise.all(
      [1, 2, 3].map(() => w.t.gql(PAY_STATEMENT, { id: statementId }, studio.token)),
    );
    expect(first!.errors).toBeUndefined();
    const payout = first!.data!['payRoyaltyStatement'];
    expect(payout).toMatchObject({
      organizationId: studio.organizationId,
      payeeKind: 'STUDIO',
      statementId,
      orderId: null,
      amount: { amountMinor: 1_500, currency: 'CNY' },
      transferGroup: `statement_${statementId}`,
      status: 'PAID',
      provider: 'development',
      providerTransferId: expect.stringMatching(/^devtr_/),
    });
    for (const r of again) expect(r.data?.['payRoyaltyStatement']).toEqual(payout);
    const [count] = await w.t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payouts WHERE statement_id = $1`, [
      statementId,
    ]);
    expect(count!.n).toBe(1);
    expect(await payoutEntries(w.t, payout.id)).toEqual([
      ['payout:P', 'PAYOUTS_IN_TRANSIT', -1_500],
      ['payout:P', 'STUDIO_ROYALTIES_PAYABLE', 1_500],
      ['payout:P:settled', 'PAYMENT_CLEARING', -1_500],
      ['payout:P:settled', 'PAYOUTS_IN_TRANSIT', 1_500],
    ]);
    expect(await payable(w.t, 'STUDIO_ROYALTIES_PAYABLE', studio.organizationId!)).toBe(0);
    // The database keeps a settled payout as it is.
    await expect(
      w.t.sql(`UPDATE payouts SET status = 'FAILED', failed_at = now() WHERE id = $1`, [payout.id]),
    ).rejects.toThrow(/never changes/);
    await expect(w.t.sql(`DELETE FROM payouts WHERE id = $1`, [payout.id])).rejects.toThrow(/never deleted/);

    // Another studio can neither pay this statement nor see the studio's payouts.
    expect(errorCode(await w.t.gql(PAY_STATEMENT, { id: statementId }, other.token))).toBe('NOT_FOUND');
    expect(errorCode(await w.t.gql(PAYOUTS, { o: studio.organizationId }, other.token))).toBe('FORBIDDEN');
    expect(errorCode(await w.t.gql(PAYOUTS, { o: studio.organizationId }))).toBe('UNAUTHENTICATED');
    expect((await w.t.gql(PAYOUTS, { o: studio.organizationId }, studio.token)).data?.['payouts']).toEqual([
      { id: payout.id, status: 'PAID', amount: { amountMinor: 1_500 } },
    ]);
    expect((await w.t.gql(PAYOUTS, { o: studio.organizationId }, w.platform.token)).data?.['payouts']).toHaveLength(1);
  });

  it('pays a merchant its share of one order in the order’s transfer group; other merchants are refused', async () => {
    const { merchant, order } = await statedMonth(w);
    const other = await organizationOwner(w.t, 'MERCHANT', 'Nosy Ranch');
    await w.sales.refund(order, order.lines[1]!, 0, 5_000, '2026-10-02T02:00:00Z');
    expect(errorCode(await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, other.token))).toBe(
      'FORBIDDEN',
    );

    const res = await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, merchant.token);
    expect(res.errors).toBeUndefined();
    // Line 2 refunded in full: only line 1's 8 000 is owed.
    expect(res.data?.['payMerchantOrder']).toMatchObject({
      payeeKind: 'MERCHANT',
      orderId: order.orderId,
      amount: { amountMinor: 8_000 },
      transferGroup: `order_${order.orderId}`,
      status: 'PAID',
    });
    expect(
      (await w.t.gql(MERCHANT_OWED, { m: merchant.organizationId }, merchant.token)).data?.['merchantSales']
        .payableBalance,
    ).toEqual({ amountMinor: 0 });
    expect(errorCode(await w.t.gql(PAYOUTS, { o: merchant.organizationId }, other.token))).toBe('FORBIDDEN');
  });

  it('pays the merchant its shipping fee whole with the order’s goods, by request and in the scheduled run', async () => {
    const tag = randomUUID().slice(0, 6);
    const [studio, merchant] = await Promise.all([
      organizationOwner(w.t, 'STUDIO', `Studio ${tag}`),
      organizationOwner(w.t, 'MERCHANT', `Merchant ${tag}`),
    ]);
    const set = await w.t.gql(
      SET_ACCOUNT,
      { o: merchant.organizationId, a: `acct_${randomUUID().replace(/-/g, '').slice(0, 16)}` },
      merchant.token,
    );
    expect(set.errors).toBeUndefined();
    const line = {
      studioId: studio.organizationId!,
      merchantId: merchant.organizationId!,
      netMinor: 10_000,
      royaltyBps: 1_000,
    };
    // Royalty 1 000, fee 1 000, merchant 8 000, plus its 1 200 shipping fee; the second order's goods are all refunded.
    const byRequest = await w.sales.pay('2026-09-10T04:00:00Z', [line], 'CNY', [
      { merchantId: merchant.organizationId!, feeMinor: 1_200 },
    ]);
    const res = await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: byRequest.orderId }, merchant.token);
    expect(res.data?.['payMerchantOrder']).toMatchObject({ amount: { amountMinor: 9_200 }, status: 'PAID' });

    const scheduled = await w.sales.pay('2026-09-11T04:00:00Z', [line], 'CNY', [
      { merchantId: merchant.organizationId!, feeMinor: 800 },
    ]);
    await w.sales.refund(scheduled, scheduled.lines[0]!, 0, 10_000, '2026-09-12T04:00:00Z');
    const run = await w.t.gql(
      `mutation { runDuePayouts(currency: "CNY") { payouts { organizationId orderId amount { amountMinor } } } }`,
      {},
      w.platform.token,
    );
    const mine = run.data!['runDuePayouts'].payouts.filter(
      (p: { organizationId: string }) => p.organizationId === merchant.organizationId,
    );
    expect(mine).toEqual([
      { organizationId: merchant.organizationId, orderId: scheduled.orderId, amount: { amountMinor: 800 } },
    ]);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(0);
  });

  it('refuses with CONFLICT when the payee has no payout account, and the scheduled run pays what is due once one is set', async () => {
    const { studio, merchant, statementId } = await statedMonth(w, { account: false });
    expect(errorCode(await w.t.gql(PAY_STATEMENT, { id: statementId }, studio.token))).toBe('CONFLICT');
    const RUN = `mutation { runDuePayouts(currency: "CNY") { payouts { organizationId amount { amountMinor } status } errors { code } } }`;
    expect(errorCode(await w.t.gql(RUN, {}, studio.token))).toBe('FORBIDDEN');

    await w.t.gql(SET_ACCOUNT, { o: studio.organizationId, a: 'acct_StudioRun0000001' }, studio.token);
    await w.t.gql(SET_ACCOUNT, { o: merchant.organizationId, a: 'acct_MerchantRun00001' }, merchant.token);
    const run = await w.t.gql(RUN, {}, w.platform.token);
    expect(run.errors).toBeUndefined();
    const mine = run.data!['runDuePayouts'].payouts.filter((p: { organizationId: string }) =>
      [studio.organizationId, merchant.organizationId].includes(p.organizationId),
    );
    expect(mine).toEqual(
      expect.arrayContaining([
        { organizationId: studio.organizationId, amount: { amountMinor: 1_500 }, status: 'PAID' },
        { organizationId: merchant.organizationId, amount: { amountMinor: 12_000 }, status: 'PAID' },
      ]),
    );
    expect(mine).toHaveLength(2);
    const rerun = await w.t.gql(RUN, {}, w.platform.token);
    expect(
      rerun.data!['runDuePayouts'].payouts.filter(
        (p: { organizationId: string }) => p.organizationId === studio.organizationId,
      ),
    ).toEqual([]);

    const RECONCILE = `query { reconciliation(from: "2026-09-01", to: "2026-12-31") { discrepancies { check reference detail } } }`;
    expect((await w.t.gql(RECONCILE, {}, w.platform.token)).data?.['reconciliation'].discrepancies).toEqual([]);

    // A payout recorded without its journal entry (hand-written SQL) is reported.
    const ghost = randomUUID();
    await w.t.sql(
      `INSERT INTO payouts (id, organization_id, payee_kind, subject, order_id, currency, amount_minor, destination_account_id, transfer_group,
         idempotency_key, status, created_at) VALUES ($1, $2, 'MERCHANT', $3, $4, 'CNY', 700, 'acct_Ghost000000001', 'g', $5, 'IN_TRANSIT', now())`,
      [ghost, merchant.organizationId, `order:${ghost}`, ghost, `payout_${ghost}`],
    );
    expect((await w.t.gql(RECONCILE, {}, w.platform.token)).data?.['reconciliation'].discrepancies).toEqual([
      {
        check: 'PAYOUT_POSTINGS',
        reference: ghost,
        detail: 'IN_TRANSIT payout of 700: in transit nets 0, payable drawn 0',
      },
    ]);
  });
});

describe('payouts through the Stripe adapter (official SDK against the local fake API)', () => {
  const w = {} as World;
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await FakeStripe.start();
    w.t = await startTestApp({
      env: { STRIPE_SECRET_KEY: 'sk_test_payouts', STRIPE_WEBHOOK_SECRET: 'whsec_test', ...fake.env() },
    });
    w.sales = new SalesSimulator(w.t);
    w.platform = await platformAdmin(w.t);
  });
  afterAll(async () => {
    await w.t.close();
    await fake.close();
  });

  it('creates one Connect transfer with the payout’s idempotency key, even when asked concurrently and again', async () => {
    const { studio, statementId } = await statedMonth(w);
    const before = fake.transferRequests().length;
    const results = await Promise.all([1, 2].map(() => w.t.gql(PAY_STATEMENT, { id: statementId }, w.platform.token)));
    const again = await w.t.gql(PAY_STATEMENT, { id: statementId }, studio.token);
    const payout = results[0]!.data!['payRoyaltyStatement'];
    expect(payout).toMatchObject({
      status: 'PAID',
      provider: 'stripe',
      providerTransferId: expect.stringMatching(/^tr_/),
    });
    expect(results[1]!.data?.['payRoyaltyStatement']).toEqual(payout);
    expect(again.data?.['payRoyaltyStatement']).toEqual(payout);

    const sent = fake.transferRequests().slice(before);
    // A concurrent duplicate may reach Stripe, but only with the same key, which Stripe answers with the same transfer.
    expect(new Set(sent.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`payout_${payout.id}`]));
    expect(sent[0]!.headers['authorization']).toBe('Bearer sk_test_payouts');
    expect(sent[0]!.form).toEqual({
      amount: '1500',
      currency: 'cny',
      destination: payout.destinationAccountId,
      transfer_group: `statement_${statementId}`,
      'metadata[payoutId]': payout.id,
    });
    const [entries] = await w.t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM journal_entries WHERE kind = 'PAYOUT' AND source_id LIKE $1`,
      [`payout:${payout.id}%`],
    );
    expect(entries!.n).toBe(2);
  });

  it('returns the amount to payable when Stripe refuses the transfer, and a new request pays with a new key', async () => {
    const { merchant, order } = await statedMonth(w);
    fake.failNext(400, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: 'The destination account is not connected.',
    });
    const failed = (await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, merchant.token)).data![
      'payMerchantOrder'
    ];
    expect(failed).toMatchObject({
      status: 'FAILED',
      failureCode: 'account_invalid',
      providerTransferId: null,
      amount: { amountMinor: 12_000 },
    });
    expect(fake.last().form['transfer_group']).toBe(`order_${order.orderId}`);
    expect(await payoutEntries(w.t, failed.id)).toEqual([
      ['payout:P', 'MERCHANT_PAYABLE', 12_000],
      ['payout:P', 'PAYOUTS_IN_TRANSIT', -12_000],
      ['payout:P:failed', 'MERCHANT_PAYABLE', -12_000],
      ['payout:P:failed', 'PAYOUTS_IN_TRANSIT', 12_000],
    ]);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(12_000);

    const retried = (await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, merchant.token)).data![
      'payMerchantOrder'
    ];
    expect(retried).toMatchObject({ status: 'PAID', amount: { amountMinor: 12_000 } });
    expect(retried.id).not.toBe(failed.id);
    expect(fake.last().headers['idempotency-key']).toBe(`payout_${retried.id}`);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(0);
  });

  it('keeps a payout in transit through a Stripe outage and retries it with the same key', async () => {
    const { studio, statementId } = await statedMonth(w);
    fake.failNext(500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' });
    const outage = await w.t.gql(PAY_STATEMENT, { id: statementId }, studio.token);
    expect(errorCode(outage)).toBe('INTERNAL');
    const [row] = await w.t.sql<{ id: string; status: string }>(
      `SELECT id, status FROM payouts WHERE statement_id = $1`,
      [statementId],
    );
    expect(row!.status).toBe('IN_TRANSIT');
    expect(await payable(w.t, 'STUDIO_ROYALTIES_PAYABLE', studio.organizationId!)).toBe(0);

    const paid = (await w.t.gql(PAY_STATEMENT, { id: statementId }, studio.token)).data!['payRoyaltyStatement'];
    expect(paid).toMatchObject({ id: row!.id, status: 'PAID' });
    expect(
      fake
        .transferRequests()
        .slice(-2)
        .map((r) => r.headers['idempotency-key']),
    ).toEqual([`payout_${row!.id}`, `payout_${row!.id}`]);
  });

  it('returns a reversed transfer to the payee’s payable once, whatever the order and repetition of Stripe’s events', async () => {
    const { merchant, order } = await statedMonth(w);
    const paid = (await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, merchant.token)).data![
      'payMerchantOrder'
    ];
    expect(paid).toMatchObject({ status: 'PAID', amount: { amountMinor: 12_000 } });
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(0);
    const reversal = (type: string, reversed: number, id?: string) =>
      stripeEvent(type, transfer(paid.providerTransferId, 12_000, reversed, paid.id), id);

    // 5 000 reversed, delivered three times at once: acts once.
    const partial = reversal('transfer.reversed', 5_000);
    const first = await Promise.all([1, 2, 3].map(() => deliver(w.t.baseUrl, partial)));
    expect(first.map((d) => d.status)).toEqual([200, 200, 200]);
    expect(first.filter((d) => d.body.duplicate === false)).toHaveLength(1);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(5_000);

    // The rest reversed; then an older total arrives late under another event id, and the newest is redelivered.
    expect((await deliver(w.t.baseUrl, reversal('transfer.reversed', 12_000))).status).toBe(200);
    expect((await deliver(w.t.baseUrl, reversal('transfer.updated', 5_000))).status).toBe(200);
    expect((await deliver(w.t.baseUrl, reversal('transfer.reversed', 12_000))).status).toBe(200);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(12_000);
    expect((await payoutEntries(w.t, paid.id)).filter(([source]) => source.includes(':reversed:'))).toEqual([
      ['payout:P:reversed:5000', 'MERCHANT_PAYABLE', -5_000],
      ['payout:P:reversed:5000', 'PAYMENT_CLEARING', 5_000],
      ['payout:P:reversed:12000', 'MERCHANT_PAYABLE', -7_000],
      ['payout:P:reversed:12000', 'PAYMENT_CLEARING', 7_000],
    ]);

    // A reversal of a transfer the marketplace never made is recorded and changes nothing.
    const stranger = await deliver(
      w.t.baseUrl,
      stripeEvent('transfer.reversed', transfer('tr_not_ours_000001', 900, 900, randomUUID())),
    );
    expect(stranger.status).toBe(200);

    const RECONCILE = `query { reconciliation(from: "2020-01-01", to: "2030-12-31") { discrepancies { check reference detail } } }`;
    const found = (await w.t.gql(RECONCILE, {}, w.platform.token)).data?.['reconciliation'].discrepancies as {
      reference: string;
    }[];
    expect(found.filter((d) => d.reference === paid.id)).toEqual([]);

    // A hand-written reversal entry beyond the transfer's amount is reported, though it balances.
    const [entry] = await w.t.sql<{ id: string }>(
      `INSERT INTO journal_entries (kind, source_id, occurred_at, memo) VALUES ('PAYOUT', $1, now(), 'hand-written') RETURNING id`,
      [`payout:${paid.id}:reversed:99999`],
    );
    await w.t.sql(
      `INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency)
       SELECT $1, id, CASE purpose WHEN 'PAYMENT_CLEARING' THEN 1000 ELSE -1000 END, 'CNY' FROM ledger_accounts
        WHERE currency = 'CNY' AND ((purpose = 'PAYMENT_CLEARING' AND party_id IS NULL) OR (purpose = 'MERCHANT_PAYABLE' AND party_id = $2))`,
      [entry!.id, merchant.organizationId],
    );
    const after = (await w.t.gql(RECONCILE, {}, w.platform.token)).data?.['reconciliation'].discrepancies as {
      reference: string;
    }[];
    expect(after.filter((d) => d.reference === paid.id)).toEqual([
      {
        check: 'PAYOUT_POSTINGS',
        reference: paid.id,
        detail: 'PAID payout of 12000: in transit nets 0, payable drawn -1000, reversed 13000',
      },
    ]);
  });

  it('refuses a reversal that overtook the payout’s settlement, so Stripe delivers it again later', async () => {
    const { merchant, order } = await statedMonth(w);
    fake.failNext(500, { type: 'api_error', message: 'Something went wrong on Stripe’s end.' });
    expect(errorCode(await w.t.gql(PAY_ORDER, { m: merchant.organizationId, o: order.orderId }, merchant.token))).toBe(
      'INTERNAL',
    );
    const [row] = await w.t.sql<{ id: string }>(
      `SELECT id FROM payouts WHERE order_id = $1 AND status = 'IN_TRANSIT'`,
      [order.orderId],
    );
    const early = stripeEvent('transfer.reversed', transfer('tr_overtaking_00001', 12_000, 12_000, row!.id));
    const refused = await deliver(w.t.baseUrl, early);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await w.t.sql(`SELECT 1 FROM payment_events WHERE provider_event_id = $1`, [JSON.parse(early).id])).toEqual(
      [],
    );
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(0);
  });
});

describe('the scheduled payout run (Stripe adapter, minimum 20.00)', () => {
  const w = {} as World;
  let fake: FakeStripe;
  let job: PayoutScheduleJob;
  beforeAll(async () => {
    fake = await FakeStripe.start();
    w.t = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_schedule',
        STRIPE_WEBHOOK_SECRET: 'whsec_test',
        PAYOUT_MINIMUM_MINOR: '2000',
        PAYOUT_RUN_SECONDS: '0',
        ...fake.env(),
      },
    });
    w.sales = new SalesSimulator(w.t);
    w.platform = await platformAdmin(w.t);
    job = w.t.app.get(PayoutScheduleJob);
  });
  afterAll(async () => {
    await w.t.close();
    await fake.close();
  });

  const paidOf = async (organizationId: string) =>
    w.t.sql<{ subject: string; status: string; amount_minor: string; idempotency_key: string }>(
      `SELECT subject, status, amount_minor::text, idempotency_key FROM payouts WHERE organization_id = $1 ORDER BY created_at, status`,
      [organizationId],
    );

  it('pays each payee owed at least the minimum once, retries a refused transfer next run, and waits for small amounts to add up', async () => {
    const { studio, merchant, order } = await statedMonth(w);
    // The studio is owed 1 500 (below the minimum); the merchant 12 000. The merchant's transfer is refused once.
    fake.failNext(400, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: 'The destination account is not connected.',
    });
    const first = await job.payDue();
    expect(first?.errors).toEqual([]);
    expect(await paidOf(studio.organizationId!)).toEqual([]);
    const [failed] = await paidOf(merchant.organizationId!);
    expect(failed).toMatchObject({ subject: `order:${order.orderId}`, status: 'FAILED', amount_minor: '12000' });
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(12_000);

    const second = await job.payDue();
    expect(second?.payouts.map((p) => [p.organizationId, p.status, p.amountMinor])).toEqual([
      [merchant.organizationId, 'PAID', 12_000],
    ]);
    const merchantPayouts = await paidOf(merchant.organizationId!);
    expect(merchantPayouts.map((p) => p.status)).toEqual(['FAILED', 'PAID']);
    expect(merchantPayouts[1]!.idempotency_key).not.toBe(merchantPayouts[0]!.idempotency_key);
    expect(await payable(w.t, 'MERCHANT_PAYABLE', merchant.organizationId!)).toBe(0);

    // Rerunning pays nothing new: no transfer reaches Stripe.
    const transfersBefore = fake.transferRequests().length;
    expect((await job.payDue())?.payouts).toEqual([]);
    expect(fake.transferRequests().length).toBe(transfersBefore);

    // October adds 1 000 for the studio: 2 500 in all reaches the minimum, and both statements are paid.
    await w.sales.pay('2026-10-10T04:00:00Z', [
      { studioId: studio.organizationId!, merchantId: merchant.organizationId!, netMinor: 10_000, royaltyBps: 1_000 },
    ]);
    expect((await w.t.gql(ISSUE, { s: studio.organizationId, month: '2026-10' }, studio.token)).errors).toBeUndefined();
    const third = await job.payDue();
    expect(
      third?.payouts.filter((p) => p.organizationId === studio.organizationId).map((p) => [p.status, p.amountMinor]),
    ).toEqual([
      ['PAID', 1_500],
      ['PAID', 1_000],
    ]);
    expect(await payable(w.t, 'STUDIO_ROYALTIES_PAYABLE', studio.organizationId!)).toBe(0);
    // The October sale's merchant share (8 000) is over the minimum too.
    expect(
      third?.payouts.filter((p) => p.organizationId === merchant.organizationId).map((p) => p.amountMinor),
    ).toEqual([8_000]);
    expect((await job.payDue())?.payouts).toEqual([]);
  });

  it('runs in one process at a time: while another session holds the run’s lock, a run does nothing', async () => {
    // The key PayoutScheduleJob locks through withSessionLock.
    const PAYOUT_RUN_LOCK_KEY = 'ledger:scheduled-payout-run';
    const { merchant } = await statedMonth(w);
    const other = await import('pg').then(({ Client }) => new Client({ connectionString: w.t.databaseUrl }));
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [PAYOUT_RUN_LOCK_KEY]);
      expect(await job.payDue()).toBeNull();
      expect(await paidOf(merchant.organizationId!)).toEqual([]);
      await other.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [PAYOUT_RUN_LOCK_KEY]);
      expect((await job.payDue())?.payouts.filter((p) => p.organizationId === merchant.organizationId)).toHaveLength(1);
    } finally {
      await other.end();
    }
  });
});
