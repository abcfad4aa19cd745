import { randomUUID } from 'node:crypto';
import { DomainEvent, DomainEventBus } from '@chedun/db';
import { Money } from '@chedun/kernel';
import { DevelopmentPaymentGateway, PaymentGateway, PaymentService, PaymentSucceeded } from '@chedun/payments';
import { deliver, paymentIntent, stripeEvent } from './support/stripe-events';
import { startTestApp, TestApp } from './support/test-app';

describe('development payment gateway (no Stripe key)', () => {
  let t: TestApp;
  let payments: PaymentService;
  let gateway: DevelopmentPaymentGateway;
  const published: (DomainEvent & { orderId: string })[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    payments = t.app.get(PaymentService);
    gateway = t.app.get(DevelopmentPaymentGateway);
    const bus = t.app.get(DomainEventBus);
    for (const type of ['PaymentSucceeded', 'PaymentFailed', 'RefundSucceeded']) {
      bus.subscribe<DomainEvent & { orderId: string }>(type, async (event) => {
        published.push(event);
      });
    }
  });
  afterAll(() => t.close());

  const open = async (amountMinor = 10_000) => {
    const orderId = randomUUID();
    const input = {
      orderId,
      amount: Money.of(amountMinor, 'CNY'),
      idempotencyKey: `checkout-${orderId}`,
      transferGroup: `order_${orderId}`,
      description: 'Chedun order',
    };
    return { orderId, input, payment: await payments.createPayment(input) };
  };
  const factsOf = (orderId: string) => published.filter((e) => e.orderId === orderId).map((e) => e.type);

  it('is the active gateway and records payments in the database', async () => {
    expect(t.app.get(PaymentGateway)).toBe(gateway);
    const { orderId, input, payment } = await open(4_200);

    expect(payment).toMatchObject({
      provider: 'development',
      providerPaymentId: expect.stringMatching(/^devpi_/),
      status: 'REQUIRES_PAYMENT',
      orderId,
    });
    expect(payment.clientSecret).toMatch(/_secret_/);
    expect(
      await t.sql(
        `SELECT order_id, provider, amount_minor, currency, status FROM payments WHERE provider_payment_id = $1`,
        [payment.providerPaymentId],
      ),
    ).toEqual([
      { order_id: orderId, provider: 'development', amount_minor: '4200', currency: 'CNY', status: 'REQUIRES_PAYMENT' },
    ]);
    expect(await payments.createPayment(input)).toMatchObject({
      id: payment.id,
      providerPaymentId: payment.providerPaymentId,
    });
    await expect(payments.createPayment({ ...input, amount: Money.of(1, 'CNY') })).rejects.toMatchObject({
      code: 'PAYMENT_FAILED',
    });
  });

  it('confirms through the webhook path: PaymentSucceeded once, however many times or concurrently it is confirmed', async () => {
    const { orderId, payment } = await open();

    const results = await Promise.all(Array.from({ length: 5 }, () => gateway.confirm(payment.providerPaymentId)));

    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(factsOf(orderId)).toEqual(['PaymentSucceeded']);
    const [fact] = published.filter((e): e is PaymentSucceeded & { orderId: string } => e.orderId === orderId);
    expect(fact).toMatchObject({
      provider: 'development',
      providerPaymentId: payment.providerPaymentId,
      paymentId: payment.id,
    });
    expect(await payments.paymentsOfOrder(orderId)).toMatchObject([{ status: 'SUCCEEDED' }]);
    expect(await t.sql(`SELECT provider, outcome FROM payment_events WHERE payment_id = $1`, [payment.id])).toEqual([
      { provider: 'development', outcome: 'APPLIED' },
    ]);
    expect(await gateway.confirm(payment.providerPaymentId)).toEqual({ applied: false, outcome: 'DUPLICATE' });
  });

  it('declines, and refunds in part and then in full, each once', async () => {
    const { orderId, payment } = await open(1_000);
    await gateway.decline(payment.providerPaymentId, 'Test decline');
    await gateway.confirm(payment.providerPaymentId);

    const first = await payments.refund({
      providerPaymentId: payment.providerPaymentId,
      amount: Money.of(300, 'CNY'),
      idempotencyKey: `r1-${orderId}`,
      reason: 'Late',
    });
    const retried = await payments.refund({
      providerPaymentId: payment.providerPaymentId,
      amount: Money.of(300, 'CNY'),
      idempotencyKey: `r1-${orderId}`,
      reason: 'Late',
    });
    expect(retried.id).toBe(first.id);
    expect(await payments.paymentsOfOrder(orderId)).toMatchObject([{ status: 'PARTIALLY_REFUNDED' }]);

    await payments.refund({
      providerPaymentId: payment.providerPaymentId,
      amount: Money.of(700, 'CNY'),
      idempotencyKey: `r2-${orderId}`,
      reason: 'Cancelled slot',
    });

    const retriedAfterFull = await payments.refund({
      providerPaymentId: payment.providerPaymentId,
      amount: Money.of(300, 'CNY'),
      idempotencyKey: `r1-${orderId}`,
      reason: 'Late',
    });
    expect(retriedAfterFull.id).toBe(first.id);
    const [view] = await payments.paymentsOfOrder(orderId);
    expect(view?.status).toBe('REFUNDED');
    expect(view?.refunded.equals(Money.of(1_000, 'CNY'))).toBe(true);
    expect(factsOf(orderId)).toEqual(['PaymentFailed', 'PaymentSucceeded', 'RefundSucceeded', 'RefundSucceeded']);
    expect(
      await t.sql(`SELECT amount_minor, status FROM refunds WHERE payment_id = $1 ORDER BY amount_minor`, [payment.id]),
    ).toEqual([
      { amount_minor: '300', status: 'SUCCEEDED' },
      { amount_minor: '700', status: 'SUCCEEDED' },
    ]);
    await expect(
      payments.refund({
        providerPaymentId: payment.providerPaymentId,
        amount: Money.of(1, 'CNY'),
        idempotencyKey: `r3-${orderId}`,
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses to refund an unpaid payment and to confirm one it does not know', async () => {
    const { payment } = await open();
    await expect(
      payments.refund({
        providerPaymentId: payment.providerPaymentId,
        amount: Money.of(1, 'CNY'),
        idempotencyKey: 'k',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(gateway.confirm('devpi_unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 on the Stripe webhook when Stripe is not configured, storing nothing', async () => {
    const res = await deliver(
      t.baseUrl,
      stripeEvent('payment_intent.succeeded', paymentIntent('pi_1', randomUUID(), 100)),
      't=1,v1=abc',
    );

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await t.sql(`SELECT 1 FROM payment_events WHERE provider = 'stripe'`)).toEqual([]);
  });

  it('issues development transfers with ids derived from the idempotency key', async () => {
    const input = {
      destinationAccountId: 'acct_dev',
      amount: Money.of(100, 'CNY'),
      transferGroup: 'order_x',
      idempotencyKey: 'payout-1',
      payoutId: '8f3c1d7e-0000-4000-8000-00000000000a',
    };
    expect(await gateway.transfer(input)).toEqual(await gateway.transfer(input));
  });
});

describe('development payment gateway in production mode', () => {
  it('refuses to confirm', async () => {
    // Production requires Stripe, so checkout never opens a development payment there; the gateway refuses all the same.
    const t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DEMO_SEED: 'false',
        STRIPE_SECRET_KEY: 'sk_test_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_test',
      },
    });
    try {
      const orderId = randomUUID();
      const gateway = t.app.get(DevelopmentPaymentGateway);
      const payment = await gateway.createPayment({
        orderId,
        amount: Money.of(100, 'CNY'),
        idempotencyKey: orderId,
        transferGroup: 'g',
        description: 'd',
      });
      await expect(gateway.confirm(payment.providerPaymentId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await t.sql(`SELECT status FROM payments WHERE provider_payment_id = $1`, [payment.providerPaymentId]),
      ).toEqual([{ status: 'REQUIRES_PAYMENT' }]);
    } finally {
      await t.close();
    }
  });
});
