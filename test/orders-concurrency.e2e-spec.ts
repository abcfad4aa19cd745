import { DomainEventBus } from '@chedun/db';
import { OrderLineRefunded, OrderPaid } from '@chedun/kernel';
import { contractOperation } from './support/contract';
import { FakeStripe } from './support/fake-stripe';
import { checkout, idempotencyKey, openShop, seatsOf, Shop, stockOf } from './support/orders';
import { Party, signUp } from './support/parties';
import { charge, deliver, paymentIntent, stripeEvent } from './support/stripe-events';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const BUYERS = 20;
const CHECKOUTS_PER_BUYER = 10;

describe('orders under concurrency: no oversell, no overbooking', () => {
  let t: TestApp;
  let shop: Shop;
  let buyers: Party[];

  beforeAll(async () => {
    // Both stampedes' orders stay open, so the per-account cap must admit them all.
    t = await startTestApp({ env: { OPEN_ORDERS_PER_ACCOUNT: String(2 * CHECKOUTS_PER_BUYER) } });
    shop = await openShop(t, { stock: 50, seats: 30 });
    buyers = [];
    for (let i = 0; i < BUYERS; i += 1) buyers.push(await signUp(t, `crowd${i}`));
  });
  afterAll(() => t.close());

  /** 200 real HTTP checkouts at once, 10 from each of 20 buyers, each for one unit. */
  async function stampede(line: { variantId?: string; timeSlotId?: string; ticketTypeId?: string }) {
    const started = Date.now();
    const results = await Promise.all(
      buyers.flatMap((buyer) =>
        Array.from({ length: CHECKOUTS_PER_BUYER }, () =>
          checkout(t, buyer.token, [{ ...line, quantity: 1 }], idempotencyKey()),
        ),
      ),
    );
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    return {
      ms: Date.now() - started,
      ok: codes.filter((c) => c === 'OK').length,
      outOfStock: codes.filter((c) => c === 'OUT_OF_STOCK').length,
      codes,
    };
  }

  it('200 concurrent checkouts for 50 units reserve exactly 50', async () => {
    const run = await stampede({ variantId: shop.variantId });
    process.stdout.write(`orders: 200 concurrent merchandise checkouts in ${run.ms} ms\n`);
    expect({ ok: run.ok, outOfStock: run.outOfStock }).toEqual({ ok: 50, outOfStock: 150 });
    expect(await stockOf(t, shop.variantId)).toEqual({ stock: 50, reserved: 50, sold: 0 });
    const [orders] = await t.sql<{ n: number; units: number }>(
      `SELECT count(DISTINCT o.id)::int AS n, sum(l.quantity)::int AS units FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE l.variant_id = $1 AND o.status = 'PENDING_PAYMENT'`,
      [shop.variantId],
    );
    expect(orders).toEqual({ n: 50, units: 50 });
  });

  it('200 concurrent checkouts for a slot of 30 seats book exactly 30', async () => {
    const run = await stampede({ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]! });
    process.stdout.write(`orders: 200 concurrent seat checkouts in ${run.ms} ms\n`);
    expect({ ok: run.ok, outOfStock: run.outOfStock }).toEqual({ ok: 30, outOfStock: 170 });
    expect(await seatsOf(t, shop.slotId)).toEqual({ capacity: 30, reserved: 30, sold: 0 });
  });
});

describe('orders paid through the Stripe webhook', () => {
  let fake: FakeStripe;
  let t: TestApp;
  const paid: OrderPaid[] = [];
  const refunds: OrderLineRefunded[] = [];

  beforeAll(async () => {
    fake = await FakeStripe.start();
    t = await startTestApp({
      env: { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_test', ...fake.env() },
    });
    t.app.get(DomainEventBus).subscribe<OrderPaid>('OrderPaid', async (event) => {
      paid.push(event);
    });
    t.app.get(DomainEventBus).subscribe<OrderLineRefunded>('OrderLineRefunded', async (event) => {
      refunds.push(event);
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('the same payment_intent.succeeded delivered 5 times at once pays the order once: one set of tickets, one confirmation, one OrderPaid', async () => {
    const shop = await openShop(t, { stock: 5, seats: 5 });
    const buyer = await signUp(t, 'stripe-buyer');
    const placed = await checkout(t, buyer.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    expect(placed.data!.checkout.payment.provider).toBe('stripe');
    const orderId = placed.data!.checkout.order.id as string;
    const [payment] = await t.sql<{ provider_payment_id: string }>(
      `SELECT provider_payment_id FROM payments WHERE order_id = $1`,
      [orderId],
    );
    expect(errorCode(await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token))).toBe('FORBIDDEN');

    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(payment!.provider_payment_id, orderId, 24_000),
      `evt_order_${orderId.slice(0, 8)}`,
    );
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => deliver(t.baseUrl, payload)));

    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    expect(deliveries.filter((d) => d.body.duplicate === false)).toHaveLength(1);
    const read = await t.gql(contractOperation('Order'), { id: orderId }, buyer.token);
    expect(read.data!.order.status).toBe('PAID');
    expect(read.data!.order.tickets).toHaveLength(2);
    expect(await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
      { n: 1 },
    ]);
    expect(paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
    expect(await seatsOf(t, shop.slotId)).toEqual({ capacity: 5, reserved: 0, sold: 2 });

    // A pending Stripe refund (Alipay, WeChat Pay) settles the line only when charge.refunded arrives.
    fake.refundStatus = 'pending';
    const lineId = read.data!.order.lines[0].id as string;
    const asked = await t.gql(
      contractOperation('RefundOrderLine'),
      { orderLineId: lineId, amountMinor: 10_000 },
      shop.licensed.merchant.token,
    );
    expect(asked.data!.refundOrderLine.status).toBe('PAID');
    expect(refunds.filter((e) => e.orderId === orderId)).toHaveLength(0);
    expect(
      errorCode(
        await t.gql(
          contractOperation('RefundOrderLine'),
          { orderLineId: lineId, amountMinor: 14_001 },
          shop.licensed.merchant.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');

    const refunded = stripeEvent('charge.refunded', charge(payment!.provider_payment_id, 24_000, 10_000));
    expect((await deliver(t.baseUrl, refunded)).status).toBe(200);
    expect((await t.gql(contractOperation('Order'), { id: orderId }, buyer.token)).data!.order.status).toBe(
      'PARTIALLY_REFUNDED',
    );
    expect(
      refunds
        .filter((e) => e.orderId === orderId)
        .map((e) => [e.amountMinor, e.refundedBeforeMinor, e.refundedAfterMinor]),
    ).toEqual([[10_000, 0, 10_000]]);
  });
});
