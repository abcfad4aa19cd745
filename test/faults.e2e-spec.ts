import { randomUUID } from 'node:crypto';
import { ERROR_CODES } from '@chedun/kernel';
import { ReservationExpiryJob } from '@chedun/orders';
import { approveAndPublish, createMerchandise, licensedMerchant } from './support/catalog';
import { FakeStripe } from './support/fake-stripe';
import { organizationOwner, signUp } from './support/parties';
import { SalesSimulator } from './support/sales';
import { errorCode, startTestApp, TestApp } from './support/test-app';

interface Answer {
  status: number;
  text: string;
}

async function post(
  t: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Answer> {
  try {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { status: 0, text: String(e) };
  }
}

describe('fault: the database drops every connection under traffic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('fails requests cleanly while connections die, then serves again without a restart', async () => {
    const studio = await organizationOwner(t, 'STUDIO', 'Fault Studio');
    const visitor = await signUp(t, 'fault-visitor');
    const calls: (() => Promise<Answer>)[] = [
      () => post(t, `{ me { id } }`, {}, visitor.token),
      () => post(t, `{ licenseOffers(first: 5) { totalCount } }`),
      () => post(t, `query($s: ID!) { filmIps(studioId: $s) { totalCount } }`, { s: studio.organizationId }),
      () =>
        post(
          t,
          `mutation($i: CreateFilmIpInput!) { createFilmIp(input: $i) { id } }`,
          { i: { studioId: studio.organizationId, title: `Take ${randomUUID().slice(0, 6)}` } },
          studio.token,
        ),
    ];
    const answers: Answer[] = [];
    let running = true;
    const workers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; running; i++) answers.push(await calls[(i + w) % calls.length]!());
    });
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const rows = await t.sql<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      killed += rows.filter((r) => r.ok).length;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    running = false;
    await Promise.all(workers);

    expect(killed).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(20);
    const failed = answers.filter((a) => a.status !== 200 || a.text.includes('"errors"'));
    for (const a of answers) {
      expect(a.status).not.toBe(0);
      expect(a.status).toBeLessThan(500);
      expect(a.text).not.toMatch(/stack|terminating connection|QueryFailedError|node_modules|Connection terminated/i);
      const body = JSON.parse(a.text) as { errors?: { extensions?: { code?: string } & Record<string, unknown> }[] };
      for (const e of body.errors ?? []) {
        expect(ERROR_CODES.has(e.extensions?.code ?? '')).toBe(true);
        // A lost connection is INTERNAL at worst, and says that trying again may help.
        if (e.extensions?.code === 'INTERNAL') expect(e.extensions).toMatchObject({ retryable: true });
      }
    }

    // Recovery: the pool replaces dead connections; within a few attempts everything answers again.
    let attempts = 0;
    while (attempts < 30 && (await post(t, `{ me { id } }`, {}, visitor.token)).text.includes('"errors"')) {
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 12; i++) {
      const a = await calls[i % calls.length]!();
      expect([a.status, a.text.includes('"errors"')]).toEqual([200, false]);
    }
    const health = await fetch(`${t.baseUrl}/health`);
    expect(health.status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(
      `db fault: ${killed} backends terminated, ${answers.length} requests, ${failed.length} failed cleanly, recovered after ${attempts} retries`,
    );
  });
});

describe('fault: a Stripe call hangs', () => {
  let t: TestApp;
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_faults',
        STRIPE_WEBHOOK_SECRET: 'whsec_test',
        STRIPE_TIMEOUT_MS: '400',
        STRIPE_MAX_NETWORK_RETRIES: '0',
        ...fake.env(),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('answers a retryable error in bounded time, keeps the payout in transit, and a retry pays it once with the same key', async () => {
    const [studio, merchant] = await Promise.all([
      organizationOwner(t, 'STUDIO', 'Hang Studio'),
      organizationOwner(t, 'MERCHANT', 'Hang Merchant'),
    ]);
    const SET_ACCOUNT = `mutation($o: ID!, $a: String) { setPayoutAccount(organizationId: $o, payoutAccountId: $a) { payoutAccountId } }`;
    expect(
      (await t.gql(SET_ACCOUNT, { o: studio.organizationId, a: 'acct_1Nv0FGQ9RKHgCVdK' }, studio.token)).errors,
    ).toBeUndefined();
    await new SalesSimulator(t).pay('2026-09-10T04:00:00Z', [
      { studioId: studio.organizationId!, merchantId: merchant.organizationId!, netMinor: 10_000, royaltyBps: 1_000 },
    ]);
    const issued = await t.gql(
      `mutation($s: ID!) { issueRoyaltyStatement(studioId: $s, month: "2026-09") { id } }`,
      { s: studio.organizationId },
      studio.token,
    );
    const statementId = issued.data?.['issueRoyaltyStatement'].id as string;
    expect(statementId).toBeDefined();
    const PAY = `mutation($id: ID!) { payRoyaltyStatement(statementId: $id) { id status } }`;

    fake.hangPaths.add('/v1/transfers');
    const started = Date.now();
    const hung = await t.gql(PAY, { id: statementId }, studio.token);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(errorCode(hung)).toBe('INTERNAL');
    expect(hung.errors?.[0]?.extensions?.['retryable']).toBe(true);
    const [row] = await t.sql<{ id: string; status: string }>(
      `SELECT id, status FROM payouts WHERE statement_id = $1`,
      [statementId],
    );
    expect(row?.status).toBe('IN_TRANSIT');

    fake.hangPaths.clear();
    const paid = await t.gql(PAY, { id: statementId }, studio.token);
    expect(paid.data?.['payRoyaltyStatement']).toEqual({ id: row!.id, status: 'PAID' });
    const keys = fake.transferRequests().map((r) => r.headers['idempotency-key']);
    expect(new Set(keys)).toEqual(new Set([`payout_${row!.id}`]));
    const payouts = await t.sql(`SELECT id FROM payouts WHERE statement_id = $1`, [statementId]);
    expect(payouts).toHaveLength(1);
  });
});

describe('fault: Stripe hangs while checkout opens the payment', () => {
  let t: TestApp;
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_checkout_faults',
        STRIPE_WEBHOOK_SECRET: 'whsec_test',
        STRIPE_TIMEOUT_MS: '400',
        STRIPE_MAX_NETWORK_RETRIES: '0',
        ...fake.env(),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('answers a retryable error, the same key then completes the same order, and a lapsed reservation is given back', async () => {
    const l = await licensedMerchant(t);
    const product = await createMerchandise(t, l, { stock: 5 });
    await approveAndPublish(t, l, product.id);
    const variantId = product.variants[0]!.id;
    const buyer = await signUp(t, 'hang-buyer');
    const CHECKOUT = `mutation($i: CheckoutInput!) { checkout(input: $i) { order { id status } payment { clientSecret } } }`;
    const reserved = async () =>
      Number(
        (await t.sql<{ reserved: string }>(`SELECT reserved FROM product_variants WHERE id = $1`, [variantId]))[0]
          ?.reserved,
      );

    fake.hangPaths.add('/v1/payment_intents');
    const started = Date.now();
    const hung = await t.gql(
      CHECKOUT,
      { i: { idempotencyKey: 'hang-key-1', lines: [{ variantId, quantity: 1 }] } },
      buyer.token,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(errorCode(hung)).toBe('INTERNAL');
    expect(hung.errors?.[0]?.extensions?.['retryable']).toBe(true);
    expect(await reserved()).toBe(1);

    // The same key after the provider recovers: the same order, now with a payment.
    fake.hangPaths.clear();
    const retried = await t.gql(
      CHECKOUT,
      { i: { idempotencyKey: 'hang-key-1', lines: [{ variantId, quantity: 1 }] } },
      buyer.token,
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.['checkout'].payment.clientSecret).toEqual(expect.any(String));
    expect(await reserved()).toBe(1);
    const orders = await t.sql(`SELECT id FROM orders WHERE buyer_user_id = $1`, [buyer.userId]);
    expect(orders).toHaveLength(1);

    // A buyer who never comes back: after the reservation's expiry nothing is left held.
    fake.hangPaths.add('/v1/payment_intents');
    const abandoned = await t.gql(
      CHECKOUT,
      { i: { idempotencyKey: 'hang-key-2', lines: [{ variantId, quantity: 2 }] } },
      buyer.token,
    );
    expect(errorCode(abandoned)).toBe('INTERNAL');
    fake.hangPaths.clear();
    expect(await reserved()).toBe(3);
    t.clock.advanceBy(16 * 60_000);
    await t.app.get(ReservationExpiryJob).expireReservations();
    expect(await reserved()).toBe(0);
    const left = await t.sql<{ status: string }>(
      `SELECT status FROM orders WHERE buyer_user_id = $1 AND status = 'PENDING_PAYMENT'`,
      [buyer.userId],
    );
    expect(left).toEqual([]);
  });
});
