import { ApiCluster, ApiProcess, startApiCluster } from './support/api-process';
import { contractOperation } from './support/contract';
import { FakeStripe } from './support/fake-stripe';
import { checkout, idempotencyKey, openShop, seatsOf, Shop, stockOf } from './support/orders';
import { Party, signUp } from './support/parties';
import { deliver, paymentIntent, stripeEvent, WEBHOOK_SECRET } from './support/stripe-events';
import { TestApp } from './support/test-app';

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The real-process version of the crash-safety faults (test/faults covers a database and Stripe failing under a
 * living process): here the API process itself dies by SIGKILL, mid-request, and a new one takes over.
 */
describe('crash: an API process is killed during a burst of checkouts', () => {
  let cluster: ApiCluster;
  let api: ApiProcess;
  let via: TestApp;
  let shop: Shop;
  let buyers: Party[];

  beforeAll(async () => {
    cluster = await startApiCluster({ OPEN_ORDERS_PER_ACCOUNT: '50', RESERVATION_SWEEP_SECONDS: '1' });
    api = await cluster.start('before-crash');
    via = cluster.client(api);
    shop = await openShop(via, { stock: 1000, seats: 1000 });
    buyers = [];
    for (let i = 0; i < 10; i += 1) buyers.push(await signUp(via, `crash${i}`));
  });
  afterAll(() => cluster?.close());

  it('leaves only whole orders whose reservations match the stock, and a restarted process expires every one of them', async () => {
    // Each order holds a unit and a seat, all or nothing: a half-made order would show as the two counts parting.
    const lines = [
      { variantId: shop.variantId, quantity: 1 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 },
    ];
    const burst = buyers.flatMap((buyer) =>
      Array.from({ length: 10 }, () =>
        checkout(via, buyer.token, lines, idempotencyKey()).then(
          (r) => (r.errors ? 'error' : 'ok'),
          () => 'cut',
        ),
      ),
    );
    await until(
      'the first orders',
      async () => (await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM orders`))[0]!.n >= 40,
    );
    await api.kill();
    const answers = await Promise.all(burst);
    const [{ n: placed }] = (await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM orders`)) as [
      { n: number },
    ];
    process.stdout.write(
      `crash: killed mid-burst: ${answers.filter((a) => a === 'ok').length} answered, ${answers.filter((a) => a === 'cut').length} cut off, ${placed} orders in the database\n`,
    );
    expect(answers.filter((a) => a === 'cut').length).toBeGreaterThan(0);
    expect(placed).toBeLessThan(100);

    const restarted = await cluster.start('after-crash');
    // No order without its lines, no total that disagrees with them, no reservation without an open order.
    expect(
      await cluster.sql(
        `SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await cluster.sql(
        `SELECT count(*)::int AS n FROM orders o WHERE total_minor <> (SELECT sum(net_minor) FROM order_lines l WHERE l.order_id = o.id)`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await cluster.sql(`SELECT count(*)::int AS n FROM order_lines GROUP BY order_id HAVING count(*) <> 2`),
    ).toEqual([]);
    expect(await stockOf(via, shop.variantId)).toEqual({ stock: 1000, reserved: placed, sold: 0 });
    expect(await seatsOf(via, shop.slotId)).toEqual({ capacity: 1000, reserved: placed, sold: 0 });
    const [{ n: unpaidWithoutPayment }] = (await cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)`,
    )) as [{ n: number }];
    process.stdout.write(
      `crash: ${unpaidWithoutPayment} of ${placed} orders were cut off before their payment was opened (their reservation lapses)\n`,
    );

    // The reservations lapse; the new process's sweep gives every unit and seat back.
    await cluster.sql(`UPDATE orders SET expires_at = now() - interval '1 second' WHERE status = 'PENDING_PAYMENT'`);
    await until(
      'the sweep',
      async () =>
        (await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE status = 'PENDING_PAYMENT'`))[0]!
          .n === 0,
    );
    expect(
      await cluster.sql(`SELECT status, cancel_reason AS reason, count(*)::int AS n FROM orders GROUP BY 1, 2`),
    ).toEqual([{ status: 'CANCELLED', reason: 'EXPIRED', n: placed }]);
    expect(await stockOf(via, shop.variantId)).toEqual({ stock: 1000, reserved: 0, sold: 0 });
    expect(await seatsOf(via, shop.slotId)).toEqual({ capacity: 1000, reserved: 0, sold: 0 });
    expect(restarted.logs()).not.toMatch(/Reservation expiry failed/);
  });
});

describe('crash: an API process dies while acting on a Stripe webhook', () => {
  let fake: FakeStripe;
  let cluster: ApiCluster;

  beforeAll(async () => {
    fake = await FakeStripe.start();
    cluster = await startApiCluster({
      STRIPE_SECRET_KEY: 'sk_test_crash',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ...fake.env(),
    });
  });
  afterAll(async () => {
    await cluster?.close();
    await fake?.close();
  });

  it("Stripe's redelivery to the restarted process pays the order once: tickets once, one confirmation, one ledger posting", async () => {
    // This process dies the moment it has recorded a webhook event and before acting on it.
    const doomed = await cluster.start('doomed', { TEST_FAULT: 'crash-after-payment-event-recorded' });
    const via = cluster.client(doomed);
    const shop = await openShop(via, { stock: 5, seats: 5 });
    const buyer = await signUp(via, 'crash-buyer');
    const placed = await checkout(via, buyer.token, [
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 2 },
    ]);
    const orderId = placed.data!.checkout.order.id as string;
    const [payment] = await cluster.sql<{ provider_payment_id: string }>(
      `SELECT provider_payment_id FROM payments WHERE order_id = $1`,
      [orderId],
    );
    const eventId = `evt_crash_${orderId.slice(0, 8)}`;
    const payload = stripeEvent(
      'payment_intent.succeeded',
      paymentIntent(payment!.provider_payment_id, orderId, 24_000),
      eventId,
    );

    await expect(deliver(doomed.baseUrl, payload)).rejects.toThrow();
    await until('the process to die', async () => doomed.exited());
    // Nothing of the event survived the crash: not even its id, or the redelivery would be taken for a duplicate.
    expect(
      await cluster.sql(`SELECT count(*)::int AS n FROM payment_events WHERE provider_event_id = $1`, [eventId]),
    ).toEqual([{ n: 0 }]);
    expect(await cluster.sql(`SELECT status FROM orders WHERE id = $1`, [orderId])).toEqual([
      { status: 'PENDING_PAYMENT' },
    ]);

    const restarted = await cluster.start('restarted');
    const redelivered = await deliver(restarted.baseUrl, payload);
    expect(redelivered).toEqual({ status: 200, body: { received: true, duplicate: false } });
    // Stripe may deliver once more still; that one changes nothing.
    expect(await deliver(restarted.baseUrl, payload)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });

    const read = await restarted.gql(contractOperation('Order'), { id: orderId }, buyer.token);
    expect(read.data!.order.status).toBe('PAID');
    expect(read.data!.order.tickets).toHaveLength(2);
    expect(await cluster.sql(`SELECT count(*)::int AS n FROM tickets WHERE order_id = $1`, [orderId])).toEqual([
      { n: 2 },
    ]);
    expect(await cluster.sql(`SELECT count(*)::int AS n FROM notifications WHERE order_id = $1`, [orderId])).toEqual([
      { n: 1 },
    ]);
    expect(
      await cluster.sql(`SELECT count(*)::int AS n FROM payment_events WHERE provider_event_id = $1`, [eventId]),
    ).toEqual([{ n: 1 }]);
    expect(
      await cluster.sql(
        `SELECT count(*)::int AS n FROM sale_line_splits s JOIN order_lines l ON l.id = s.order_line_id WHERE l.order_id = $1`,
        [orderId],
      ),
    ).toEqual([{ n: 1 }]);
    expect(await seatsOf(via, shop.slotId)).toEqual({ capacity: 5, reserved: 0, sold: 2 });
  });
});
