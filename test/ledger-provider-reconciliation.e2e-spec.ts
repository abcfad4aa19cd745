import { shanghaiDate } from '@chedun/kernel';
import { RefundTaskJob, ReservationExpiryJob } from '@chedun/orders';
import { contractOperation } from './support/contract';
import { FakeStripe } from './support/fake-stripe';
import { checkout, openShop, Shop } from './support/orders';
import { Party, platformAdmin, signUp } from './support/parties';
import { charge, deliver, stripeEvent } from './support/stripe-events';
import { startTestApp, TestApp } from './support/test-app';

const RECONCILE = `query($from: Date!, $to: Date!) {
  reconciliation(from: $from, to: $to) { grossPaid { amountMinor } refunded { amountMinor } providerPayments discrepancies { check reference detail } }
}`;

/**
 * Reconciliation against the payment provider: the Stripe adapter lists the provider's succeeded PaymentIntents for
 * the period through the official SDK (auto-pagination, `created` range) from the local fake, and each way the
 * provider and the orders can disagree is reported by kind.
 */
describe('reconciliation against the payment provider (Stripe adapter, local fake API)', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let shop: Shop;
  let platform: Party;
  const day = 24 * 3600_000;
  const period = () => ({
    from: shanghaiDate(new Date(Date.now() - day)),
    to: shanghaiDate(new Date(Date.now() + day)),
  });

  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: { STRIPE_SECRET_KEY: 'sk_test_recon', STRIPE_WEBHOOK_SECRET: 'whsec_test', ...fake.env() },
    });
    shop = await openShop(t, { stock: 50 });
    platform = await platformAdmin(t);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  /** A visitor's checkout of one 99.00 cap; the PaymentIntent exists at the fake, the order awaits payment. */
  async function placeOrder(): Promise<{ orderId: string; intentId: string; buyer: Party }> {
    const buyer = await signUp(t, 'recon-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.checkout.order.id as string;
    const [payment] = await t.sql<{ provider_payment_id: string }>(
      `SELECT provider_payment_id FROM payments WHERE order_id = $1`,
      [orderId],
    );
    return { orderId, intentId: payment!.provider_payment_id, buyer };
  }

  /** The visitor pays at Stripe and Stripe's signed webhook marks the order PAID. */
  async function paidOrder(): Promise<{ orderId: string; intentId: string; buyer: Party }> {
    const placed = await placeOrder();
    const res = await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', fake.succeed(placed.intentId)));
    expect(res.status).toBe(200);
    const order = await t.gql(contractOperation('Order'), { id: placed.orderId }, placed.buyer.token);
    expect(order.data!.order.status).toBe('PAID');
    return placed;
  }

  const reconcile = async () => {
    const res = await t.gql(RECONCILE, period(), platform.token);
    expect(res.errors).toBeUndefined();
    return res.data!['reconciliation'];
  };

  it('finds nothing when every provider payment and refund matches a paid order, paging through the provider’s list', async () => {
    await paidOrder();
    const b = await paidOrder();
    await paidOrder();
    // A merchant refunds part of b's line at Stripe; Stripe's charge.refunded brings it into the ledger.
    const line = (await t.gql(contractOperation('Order'), { id: b.orderId }, b.buyer.token)).data!.order.lines[0]
      .id as string;
    const asked = await t.gql(
      contractOperation('RefundOrderLine'),
      { orderLineId: line, amountMinor: 2_500 },
      shop.licensed.merchant.token,
    );
    expect(asked.errors).toBeUndefined();
    expect(fake.intents.get(b.intentId)!.amountRefunded).toBe(2_500);
    expect((await deliver(t.baseUrl, stripeEvent('charge.refunded', charge(b.intentId, 9_900, 2_500)))).status).toBe(
      200,
    );
    // An abandoned checkout: the intent never succeeded, so it is no payment to match.
    await placeOrder();

    fake.listPageCap = 3;
    const listedBefore = fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/payment_intents').length;
    const result = await reconcile();
    const lists = fake.requests
      .filter((r) => r.method === 'GET' && r.path === '/v1/payment_intents')
      .slice(listedBefore);

    expect(result).toEqual({
      grossPaid: { amountMinor: 3 * 9_900 },
      refunded: { amountMinor: 2_500 },
      providerPayments: 3,
      discrepancies: [],
    });
    // Four intents at three per page: the SDK asks again after the first page's last id, within the period's range.
    expect(lists).toHaveLength(2);
    expect(lists[0]!.form['created[gte]']).toBeDefined();
    expect(lists[0]!.form['created[lt]']).toBeDefined();
    expect(lists[0]!.form['expand[0]']).toBe('data.latest_charge');
    expect(lists[1]!.form['starting_after']).toMatch(/^pi_/);
  });

  it('reports each kind of disagreement between the provider and the orders', async () => {
    // Paid at Stripe, but the webhook never arrived: the order still awaits payment.
    const unconfirmed = await placeOrder();
    fake.succeed(unconfirmed.intentId);
    // Paid here, but Stripe has no such payment.
    const ghost = await paidOrder();
    fake.intents.delete(ghost.intentId);
    // Stripe took another amount, or another currency.
    const short = await paidOrder();
    fake.intents.get(short.intentId)!.amount = 9_000;
    const foreign = await paidOrder();
    fake.intents.get(foreign.intentId)!.currency = 'usd';
    // Refunded at Stripe (the dashboard) with no charge.refunded reaching the ledger.
    const refunded = await paidOrder();
    fake.intents.get(refunded.intentId)!.amountRefunded = 500;

    const result = await reconcile();
    expect(result.providerPayments).toBe(3 + 3);
    const byCheck = [...result.discrepancies].sort((x, y) =>
      `${x.check}${x.reference}`.localeCompare(`${y.check}${y.reference}`),
    );
    expect(byCheck).toEqual(
      [
        {
          check: 'ORDER_PAID_WITHOUT_PROVIDER_PAYMENT',
          reference: ghost.orderId,
          detail: 'order paid 9900 CNY; the provider has no succeeded payment for it',
        },
        {
          check: 'PROVIDER_AMOUNT_MISMATCH',
          reference: short.orderId,
          detail: `order total 9900, provider took 9000 (${short.intentId})`,
        },
        {
          check: 'PROVIDER_AMOUNT_MISMATCH',
          reference: foreign.orderId,
          detail: 'order in CNY; provider took 9900 USD',
        },
        {
          check: 'PROVIDER_PAID_ORDER_NOT_PAID',
          reference: unconfirmed.intentId,
          detail: `provider took 9900 CNY; order ${unconfirmed.orderId} is PENDING_PAYMENT`,
        },
        {
          check: 'PROVIDER_REFUND_MISMATCH',
          reference: refunded.orderId,
          detail: 'provider refunded 500, ledger reversed 0',
        },
      ].sort((x, y) => `${x.check}${x.reference}`.localeCompare(`${y.check}${y.reference}`)),
    );

    // The late webhook arrives: that disagreement resolves, the others stay.
    expect(
      (await deliver(t.baseUrl, stripeEvent('payment_intent.succeeded', fake.succeed(unconfirmed.intentId)))).status,
    ).toBe(200);
    const after = await reconcile();
    expect(after.discrepancies.map((d: { check: string }) => d.check).sort()).toEqual([
      'ORDER_PAID_WITHOUT_PROVIDER_PAYMENT',
      'PROVIDER_AMOUNT_MISMATCH',
      'PROVIDER_AMOUNT_MISMATCH',
      'PROVIDER_REFUND_MISMATCH',
    ]);
  });
});

describe('reconciliation against the development gateway', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('counts a payment that came after its order was cancelled as settled once it is refunded in full, and not before', async () => {
    // Tokens outlive the lapsed reservation; the test runs the expiry and refund jobs itself.
    const t = await startTestApp({
      env: { RESERVATION_SWEEP_SECONDS: '3600', REFUND_SWEEP_SECONDS: '3600', ACCESS_TOKEN_TTL_SECONDS: '86400' },
    });
    try {
      const shop = await openShop(t, { stock: 1 });
      const platform = await platformAdmin(t);
      const [late, rival] = [await signUp(t, 'late-payer'), await signUp(t, 'rival-buyer')];
      const placed = await checkout(t, late.token, [{ variantId: shop.variantId, quantity: 1 }]);
      const orderId = placed.data!.checkout.order.id as string;
      // The reservation lapses and the last unit sells to someone else; then the first buyer's payment arrives.
      t.clock.advanceBy(16 * 60_000);
      await t.app.get(ReservationExpiryJob).expireReservations();
      const other = await checkout(t, rival.token, [{ variantId: shop.variantId, quantity: 1 }]);
      expect(
        (await t.gql(contractOperation('DevConfirmPayment'), { orderId: other.data!.checkout.order.id }, rival.token))
          .data?.devConfirmPayment.status,
      ).toBe('PAID');
      const paidLate = await t.gql(
        `mutation($id: ID!) { devConfirmPayment(orderId: $id) { status refundDue } }`,
        { id: orderId },
        late.token,
      );
      expect(paidLate.data!.devConfirmPayment).toEqual({ status: 'CANCELLED', refundDue: true });
      const [payment] = await t.sql<{ provider_payment_id: string }>(
        `SELECT provider_payment_id FROM payments WHERE order_id = $1`,
        [orderId],
      );
      const period = {
        from: shanghaiDate(new Date(Date.now() - 24 * 3600_000)),
        to: shanghaiDate(new Date(Date.now() + 24 * 3600_000)),
      };
      const reconcile = async () => (await t.gql(RECONCILE, period, platform.token)).data!['reconciliation'];

      // Owed to the buyer until the refund goes through: a real discrepancy.
      expect((await reconcile()).discrepancies).toEqual([
        {
          check: 'PROVIDER_PAID_ORDER_NOT_PAID',
          reference: payment!.provider_payment_id,
          detail: `provider took 9900 CNY; order ${orderId} is CANCELLED`,
        },
      ]);

      expect(await t.app.get(RefundTaskJob).runDueTasks()).toEqual({ done: 1, retrying: 0 });
      expect(await t.sql(`SELECT status, refunded_minor FROM payments WHERE order_id = $1`, [orderId])).toEqual([
        { status: 'REFUNDED', refunded_minor: '9900' },
      ]);
      // Refunded in full: nothing is owed, so neither the provider check nor the ledger's own checks raise anything.
      expect(await reconcile()).toMatchObject({
        grossPaid: { amountMinor: 9_900 },
        providerPayments: 1,
        discrepancies: [],
      });
    } finally {
      await t.close();
    }
  });

  it('matches orders confirmed through the development gateway against its own records', async () => {
    t = await startTestApp();
    const shop = await openShop(t, { stock: 5 });
    const platform = await platformAdmin(t);
    const buyer = await signUp(t, 'dev-recon-buyer');
    const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 2 }]);
    const orderId = placed.data!.checkout.order.id as string;
    expect(
      (await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token)).data?.devConfirmPayment.status,
    ).toBe('PAID');
    const period = {
      from: shanghaiDate(new Date(Date.now() - 24 * 3600_000)),
      to: shanghaiDate(new Date(Date.now() + 24 * 3600_000)),
    };

    const clean = (await t.gql(RECONCILE, period, platform.token)).data!['reconciliation'];
    expect(clean).toMatchObject({ grossPaid: { amountMinor: 19_800 }, providerPayments: 1, discrepancies: [] });

    // The development provider's record says less was taken than the order's total.
    await t.sql(`UPDATE payments SET amount_minor = 9900 WHERE order_id = $1`, [orderId]);
    expect((await t.gql(RECONCILE, period, platform.token)).data!['reconciliation'].discrepancies).toEqual([
      {
        check: 'PROVIDER_AMOUNT_MISMATCH',
        reference: orderId,
        detail: expect.stringMatching(/^order total 19800, provider took 9900 \(devpi_/),
      },
    ]);
  });
});
