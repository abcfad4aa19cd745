import { ReservationExpiryJob } from '@chedun/orders';
import { contractOperation } from './support/contract';
import { signUp } from './support/parties';
import { checkout, openShop } from './support/orders';
import { startTestApp, TestApp } from './support/test-app';

/** The value of one series (name plus exact label set as Prometheus prints it), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  describe('in development (open)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: { ACCESS_TOKEN_TTL_SECONDS: '86400', RESERVATION_SWEEP_SECONDS: '3600', DATABASE_POOL_SIZE: '7' },
      });
    });
    afterAll(() => t.close());

    const scrape = async (): Promise<string> => {
      const res = await fetch(`${t.baseUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain.*version=0\.0\.4/);
      return res.text();
    };

    it('shows a paid checkout, a refused one, a named query, webhook lag, expiries, outboxes and the pool', async () => {
      const shop = await openShop(t, { stock: 5 });
      const buyer = await signUp(t, 'metrics-buyer');

      const placed = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
      const orderId = placed.data!.checkout.order.id as string;
      const paid = await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token);
      expect(paid.data!.devConfirmPayment.status).toBe('PAID');
      const refused = await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 20 }]);
      expect(refused.errors![0]!.extensions!['code']).toBe('OUT_OF_STOCK');
      const page = await t.gql(`query ShopProductPage($id: ID!) { product(id: $id) { id name } }`, {
        id: shop.productId,
      });
      expect(page.data!.product.id).toBe(shop.productId);
      await checkout(t, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
      t.clock.advanceBy(16 * 60_000);
      expect(await t.app.get(ReservationExpiryJob).expireReservations()).toBe(1);

      const text = await scrape();
      expect(sample(text, 'chedun_checkout_outcomes_total{outcome="OK"}')).toBe(2);
      expect(sample(text, 'chedun_checkout_outcomes_total{outcome="OUT_OF_STOCK"}')).toBe(1);
      expect(
        sample(
          text,
          'chedun_graphql_operation_duration_seconds_count{operation="Checkout",type="mutation",outcome="OK"}',
        ),
      ).toBe(2);
      expect(
        sample(
          text,
          'chedun_graphql_operation_duration_seconds_count{operation="Checkout",type="mutation",outcome="OUT_OF_STOCK"}',
        ),
      ).toBe(1);
      expect(
        sample(
          text,
          'chedun_graphql_operation_duration_seconds_count{operation="ShopProductPage",type="query",outcome="OK"}',
        ),
      ).toBe(1);
      const querySeconds = sample(
        text,
        'chedun_graphql_operation_duration_seconds_sum{operation="ShopProductPage",type="query",outcome="OK"}',
      )!;
      expect(querySeconds).toBeGreaterThan(0);
      expect(querySeconds).toBeLessThan(10);
      expect(
        sample(text, 'chedun_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
      ).toBeGreaterThanOrEqual(5);
      expect(sample(text, 'chedun_payment_event_lag_seconds_count{type="PaymentSucceeded"}')).toBe(1);
      expect(sample(text, 'chedun_payment_event_lag_seconds_sum{type="PaymentSucceeded"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'chedun_reservations_expired_total')).toBe(1);
      expect(sample(text, 'chedun_outbox_pending{outbox="search"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'chedun_outbox_pending{outbox="notifications"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'chedun_db_pool_connections{state="max"}')).toBe(7);
      const total = sample(text, 'chedun_db_pool_connections{state="total"}')!;
      expect(total).toBeGreaterThanOrEqual(1);
      expect(total).toBeLessThanOrEqual(7);
      expect(sample(text, 'chedun_process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('keeps client-chosen operation names from becoming unbounded labels', async () => {
      await t.gql(`query Bad__Name_${'x'.repeat(80)} { __typename }`);
      const text = await scrape();
      expect(text).not.toContain('x'.repeat(80));
      expect(
        sample(text, 'chedun_graphql_operation_duration_seconds_count{operation="other",type="query",outcome="OK"}'),
      ).toBeGreaterThanOrEqual(1);
    });
  });

  describe('with METRICS_TOKEN in production', () => {
    let t: TestApp;
    const token = 'm'.repeat(40);
    beforeAll(async () => {
      t = await startTestApp({
        env: {
          NODE_ENV: 'production',
          JWT_SECRET: 'x'.repeat(40),
          DEMO_SEED: 'false',
          METRICS_TOKEN: token,
          STRIPE_SECRET_KEY: 'sk_test_metrics',
          STRIPE_WEBHOOK_SECRET: 'whsec_metrics',
        },
      });
    });
    afterAll(() => t.close());

    it('answers only the Bearer token', async () => {
      expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${'n'.repeat(40)}` } })).status,
      ).toBe(401);
      const ok = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('chedun_db_pool_connections{state="max"}');
    });
  });
});
