import { randomUUID } from 'node:crypto';
import { DomainEvent, DomainEventBus } from '@chedun/db';
import { Money } from '@chedun/kernel';
import { PaymentService, PaymentSucceeded, RefundSucceeded } from '@chedun/payments';
import { FakeStripe } from './support/fake-stripe';
import { charge, deliver, paymentIntent, sign, stripeEvent } from './support/stripe-events';
import { startTestApp, TestApp } from './support/test-app';

describe('Stripe webhook intake', () => {
  let fake: FakeStripe;
  let t: TestApp;
  const published: DomainEvent[] = [];
  /** Set to make the next PaymentSucceeded subscriber throw after it has written, like a crash mid-way. */
  let failNextSubscriber = false;

  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_test', ...fake.env() },
    });
    // Stands in for the orders context: its writes commit or roll back with the event that caused them.
    await t.sql(
      `CREATE TABLE test_order_effects (order_id uuid NOT NULL, fact text NOT NULL, amount_minor bigint NOT NULL)`,
    );
    const bus = t.app.get(DomainEventBus);
    for (const type of ['PaymentSucceeded', 'PaymentFailed', 'RefundSucceeded']) {
      bus.subscribe<DomainEvent & { orderId: string; amount: Money; refunded?: Money }>(
        type,
        async (event, manager) => {
          published.push(event);
          await manager.query(`INSERT INTO test_order_effects (order_id, fact, amount_minor) VALUES ($1, $2, $3)`, [
            event.orderId,
            event.type,
            (event.refunded ?? event.amount).amountMinor,
          ]);
          if (type === 'PaymentSucceeded' && failNextSubscriber) {
            failNextSubscriber = false;
            throw new Error('orders crashed mid-way');
          }
        },
      );
    }
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  async function openPayment(amountMinor = 10_000): Promise<{ orderId: string; providerPaymentId: string }> {
    const orderId = randomUUID();
    const payment = await t.app.get(PaymentService).createPayment({
      orderId,
      amount: Money.of(amountMinor, 'CNY'),
      idempotencyKey: `checkout-${orderId}`,
      transferGroup: `order_${orderId}`,
      description: `Chedun order ${orderId}`,
    });
    expect(payment.status).toBe('REQUIRES_PAYMENT');
    return { orderId, providerPaymentId: payment.providerPaymentId };
  }

  const effects = (orderId: string) =>
    t.sql<{ fact: string; amount_minor: string }>(
      `SELECT fact, amount_minor FROM test_order_effects WHERE order_id = $1 ORDER BY fact`,
      [orderId],
    );
  const paymentRow = async (providerPaymentId: string) =>
    (
      await t.sql<{ status: string; refunded_minor: string }>(
        `SELECT status, refunded_minor FROM payments WHERE provider_payment_id = $1`,
        [providerPaymentId],
      )
    )[0];
  const eventRows = (eventId: string) =>
    t.sql<{ outcome: string; type: string }>(`SELECT outcome, type FROM payment_events WHERE provider_event_id = $1`, [
      eventId,
    ]);
  const eventCount = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM payment_events`))[0]?.n);

  it('accepts a correctly signed payment_intent.succeeded, records it and publishes PaymentSucceeded', async () => {
    const { orderId, providerPaymentId } = await openPayment(12_800);
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(providerPaymentId, orderId, 12_800),
      'evt_valid_1',
    );

    const res = await deliver(t.baseUrl, payload);

    expect(res).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(await eventRows('evt_valid_1')).toEqual([{ outcome: 'APPLIED', type: 'payment_intent.succeeded' }]);
    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'SUCCEEDED', refunded_minor: '0' });
    const succeeded = published.filter(
      (e): e is PaymentSucceeded => e.type === 'PaymentSucceeded' && (e as PaymentSucceeded).orderId === orderId,
    );
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]).toMatchObject({
      provider: 'stripe',
      providerPaymentId,
      orderId,
      occurredAt: expect.any(Date),
    });
    expect(succeeded[0]?.amount.equals(Money.of(12_800, 'CNY'))).toBe(true);
  });

  it('refuses a bad or missing signature with 400 and a JSON error, storing nothing', async () => {
    const { orderId, providerPaymentId } = await openPayment();
    const payload = stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 10_000));
    const before = await eventCount();

    const wrongSecret = await deliver(t.baseUrl, payload, sign(payload, { secret: 'whsec_someone_else' }));
    const tampered = await deliver(t.baseUrl, payload.replace('"amount":10000', '"amount":1'), sign(payload));
    const missing = await deliver(t.baseUrl, payload, null);
    const garbage = await deliver(t.baseUrl, payload, 'not-a-signature');

    for (const res of [wrongSecret, tampered, missing, garbage]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.any(String) } });
    }
    expect(await eventCount()).toBe(before);
    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'REQUIRES_PAYMENT', refunded_minor: '0' });
    expect(await effects(orderId)).toEqual([]);
  });

  it('refuses a delivery signed 10 minutes ago (outside the 300 s tolerance)', async () => {
    const { orderId, providerPaymentId } = await openPayment();
    const payload = stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 10_000));
    const before = await eventCount();

    const res = await deliver(t.baseUrl, payload, sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }));

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/tolerance/i);
    expect(await eventCount()).toBe(before);
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'REQUIRES_PAYMENT' });
  });

  it('acts exactly once when the same event is delivered 5 times concurrently', async () => {
    const { orderId, providerPaymentId } = await openPayment(6_600);
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(providerPaymentId, orderId, 6_600),
      'evt_concurrent_1',
    );
    const signature = sign(payload);

    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(t.baseUrl, payload, signature)));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(
      published.filter((e) => e.type === 'PaymentSucceeded' && (e as PaymentSucceeded).orderId === orderId),
    ).toHaveLength(1);
    expect(await effects(orderId)).toEqual([{ fact: 'PaymentSucceeded', amount_minor: '6600' }]);
    expect(await eventRows('evt_concurrent_1')).toHaveLength(1);
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('ends REFUNDED when charge.refunded arrives before payment_intent.succeeded', async () => {
    const { orderId, providerPaymentId } = await openPayment(5_000);
    const refunded = stripeEvent('charge.refunded', charge(providerPaymentId, 5_000, 5_000), 'evt_ooo_refund');
    const succeeded = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(providerPaymentId, orderId, 5_000),
      'evt_ooo_success',
    );

    expect((await deliver(t.baseUrl, refunded)).status).toBe(200);
    expect((await deliver(t.baseUrl, succeeded)).status).toBe(200);

    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'REFUNDED', refunded_minor: '5000' });
    expect(await effects(orderId)).toEqual([
      { fact: 'PaymentSucceeded', amount_minor: '5000' },
      { fact: 'RefundSucceeded', amount_minor: '5000' },
    ]);
    expect(await eventRows('evt_ooo_refund')).toEqual([{ outcome: 'APPLIED', type: 'charge.refunded' }]);
    expect(await eventRows('evt_ooo_success')).toEqual([{ outcome: 'STALE', type: 'payment_intent.succeeded' }]);
  });

  it('counts refunds cumulatively, so an older total arriving late refunds nothing more', async () => {
    const { orderId, providerPaymentId } = await openPayment(1_000);
    await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 1_000)));
    await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(providerPaymentId, 1_000, 400)));
    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'PARTIALLY_REFUNDED', refunded_minor: '400' });

    // The third refund's event overtakes the second's.
    await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(providerPaymentId, 1_000, 1_000)));
    await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(providerPaymentId, 1_000, 700)));

    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'REFUNDED', refunded_minor: '1000' });
    const refunds = published.filter(
      (e): e is RefundSucceeded => e.type === 'RefundSucceeded' && (e as RefundSucceeded).orderId === orderId,
    );
    expect(refunds.map((r) => [r.refunded.amountMinor, r.refundedTotal.amountMinor])).toEqual([
      [400, 400],
      [600, 1_000],
    ]);
  });

  it('answers 500 when a subscriber fails mid-way, keeps nothing, and acts once when the event is replayed', async () => {
    const { orderId, providerPaymentId } = await openPayment(3_300);
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(providerPaymentId, orderId, 3_300),
      'evt_crash_1',
    );
    failNextSubscriber = true;

    const crashed = await deliver(t.baseUrl, payload);

    expect(crashed.status).toBe(500);
    expect(crashed.body.error).toMatchObject({ code: 'INTERNAL', message: 'Internal error' });
    expect(await eventRows('evt_crash_1')).toEqual([]);
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'REQUIRES_PAYMENT' });
    expect(await effects(orderId)).toEqual([]);

    const replayed = await deliver(t.baseUrl, payload);
    const again = await deliver(t.baseUrl, payload);

    expect(replayed).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await effects(orderId)).toEqual([{ fact: 'PaymentSucceeded', amount_minor: '3300' }]);
    expect(await eventRows('evt_crash_1')).toEqual([{ outcome: 'APPLIED', type: 'payment_intent.succeeded' }]);
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('records a decline, and a later success on the same payment still counts', async () => {
    const { orderId, providerPaymentId } = await openPayment(2_000);
    const declined = paymentIntent(providerPaymentId, orderId, 2_000, {
      status: 'requires_payment_method',
      last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
    });

    await deliver(t.baseUrl, stripeEvent('payment_intent.payment_failed', declined));
    expect(
      await t.sql(`SELECT status, failure_reason FROM payments WHERE provider_payment_id = $1`, [providerPaymentId]),
    ).toEqual([{ status: 'FAILED', failure_reason: 'Your card was declined.' }]);
    expect(
      published.find((e) => e.type === 'PaymentFailed' && (e as PaymentSucceeded).orderId === orderId),
    ).toMatchObject({ reason: 'Your card was declined.' });

    await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 2_000)));
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('records event types it does not act on, and events for payments the marketplace did not create, as IGNORED', async () => {
    const other = stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }, 'evt_ignored_1');
    const foreign = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent('pi_not_ours', 'not-an-order', 100, { metadata: {} }),
      'evt_ignored_2',
    );

    expect((await deliver(t.baseUrl, other)).status).toBe(200);
    expect((await deliver(t.baseUrl, foreign)).status).toBe(200);

    expect(await eventRows('evt_ignored_1')).toEqual([{ outcome: 'IGNORED', type: 'customer.created' }]);
    expect(await eventRows('evt_ignored_2')).toEqual([{ outcome: 'IGNORED', type: 'payment_intent.succeeded' }]);
    expect(await t.sql(`SELECT 1 FROM payments WHERE provider_payment_id = 'pi_not_ours'`)).toEqual([]);
  });

  it('refunds through Stripe with the caller’s key and settles the refund when its event arrives', async () => {
    const { orderId, providerPaymentId } = await openPayment(8_000);
    await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 8_000)));
    const payments = t.app.get(PaymentService);

    const refund = await payments.refund({
      providerPaymentId,
      amount: Money.of(3_000, 'CNY'),
      idempotencyKey: `refund-${orderId}`,
      reason: 'Pin arrived bent',
    });

    expect(fake.last()).toMatchObject({
      path: '/v1/refunds',
      headers: { 'idempotency-key': `refund-${orderId}` },
      form: { payment_intent: providerPaymentId, amount: '3000' },
    });
    expect(refund).toMatchObject({ providerRefundId: expect.stringMatching(/^re_/), status: 'SUCCEEDED' });
    // Until Stripe reports it, the payment itself is unchanged; the cumulative charge event moves it.
    expect(await paymentRow(providerPaymentId)).toMatchObject({ status: 'SUCCEEDED', refunded_minor: '0' });
    await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(providerPaymentId, 8_000, 3_000)));
    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'PARTIALLY_REFUNDED', refunded_minor: '3000' });

    const tooMuch = await payments
      .refund({ providerPaymentId, amount: Money.of(5_001, 'CNY'), idempotencyKey: `refund-2-${orderId}`, reason: 'x' })
      .catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('settles a pending refund (Alipay, WeChat Pay) when refund.updated arrives, and never moves it back', async () => {
    const { orderId, providerPaymentId } = await openPayment(4_000);
    await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', paymentIntent(providerPaymentId, orderId, 4_000)));
    fake.refundStatus = 'pending';
    const refund = await t.app.get(PaymentService).refund({
      providerPaymentId,
      amount: Money.of(4_000, 'CNY'),
      idempotencyKey: `refund-${orderId}`,
      reason: 'Slot cancelled',
    });
    fake.refundStatus = 'succeeded';
    expect(refund.status).toBe('PENDING');
    // A pending refund still counts against what is left to refund.
    await expect(
      t.app
        .get(PaymentService)
        .refund({ providerPaymentId, amount: Money.of(1, 'CNY'), idempotencyKey: `refund-2-${orderId}`, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    const refundObject = (status: string) => ({
      id: refund.providerRefundId,
      object: 'refund',
      amount: 4_000,
      currency: 'cny',
      payment_intent: providerPaymentId,
      status,
    });
    await deliver(t.baseUrl, stripeEvent('refund.updated', refundObject('succeeded')));
    await deliver(t.baseUrl, stripeEvent('refund.created', refundObject('pending')));

    expect(await t.sql(`SELECT status FROM refunds WHERE provider_refund_id = $1`, [refund.providerRefundId])).toEqual([
      { status: 'SUCCEEDED' },
    ]);
    await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(providerPaymentId, 4_000, 4_000)));
    expect(await paymentRow(providerPaymentId)).toEqual({ status: 'REFUNDED', refunded_minor: '4000' });
  });

  it('does nothing when Stripe retries an event three days later, freshly signed', async () => {
    const { orderId, providerPaymentId } = await openPayment(900);
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(providerPaymentId, orderId, 900),
      'evt_three_days',
    );
    expect((await deliver(t.baseUrl, payload)).body).toEqual({ received: true, duplicate: false });

    t.clock.advanceBy(3 * 24 * 3600 * 1000);
    try {
      const later = await deliver(
        t.baseUrl,
        payload,
        sign(payload, { timestamp: Math.floor(t.clock.now().getTime() / 1000) }),
      );
      expect(later).toEqual({ status: 200, body: { received: true, duplicate: true } });
    } finally {
      t.clock.set(new Date());
    }
    expect(await effects(orderId)).toEqual([{ fact: 'PaymentSucceeded', amount_minor: '900' }]);
  });
});
