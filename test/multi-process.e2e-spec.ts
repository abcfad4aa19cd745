import { ApiCluster, ApiProcess, startApiCluster, startApiProcess } from './support/api-process';
import { checkout, idempotencyKey, openShop, seatsOf, Shop, stockOf } from './support/orders';
import { Party, PASSWORD, signUp } from './support/parties';
import { cloneTestDatabase, errorCode, TestApp } from './support/test-app';

const BUYERS = 20;
const CHECKOUTS_PER_BUYER = 10;

/** Sums `cancelled` over the expiry job's log lines of a process (pino JSON lines). */
function expiredInLogs(api: ApiProcess): number {
  return api
    .logs()
    .split('\n')
    .filter((line) => line.includes('Expired lapsed reservations'))
    .reduce((sum, line) => sum + (JSON.parse(line) as { cancelled: number }).cancelled, 0);
}

/**
 * Two API processes on one database, as two replicas behind a load balancer: what one process knows, the other
 * must too, and neither may sell what the other sold.
 */
describe('two API processes on one database', () => {
  let cluster: ApiCluster;
  let a: ApiProcess;
  let b: ApiProcess;
  let viaA: TestApp;
  let viaB: TestApp;
  let shop: Shop;
  let buyers: Party[];
  const started = Date.now();

  beforeAll(async () => {
    // Both stampedes' orders stay open, so the per-account cap must admit them all; the sweep runs every second.
    cluster = await startApiCluster({
      OPEN_ORDERS_PER_ACCOUNT: String(2 * CHECKOUTS_PER_BUYER),
      RESERVATION_SWEEP_SECONDS: '1',
    });
    [a, b] = await Promise.all([cluster.start('A'), cluster.start('B')]);
    process.stdout.write(`multi-process: two API processes healthy in ${Date.now() - started} ms\n`);
    viaA = cluster.client(a);
    viaB = cluster.client(b);
    shop = await openShop(viaA, { stock: 50, seats: 30 });
    buyers = [];
    // Half the buyers sign up on each process: tokens and sessions must work on the other one.
    for (let i = 0; i < BUYERS; i += 1) buyers.push(await signUp(i % 2 === 0 ? viaA : viaB, `replica${i}`));
  });
  afterAll(async () => {
    await cluster?.close();
    process.stdout.write(`multi-process: suite took ${Date.now() - started} ms\n`);
  });

  /** 200 real HTTP checkouts at once, alternating between the processes, each for one unit. */
  async function stampede(line: { variantId?: string; timeSlotId?: string; ticketTypeId?: string }) {
    const t0 = Date.now();
    let n = 0;
    const results = await Promise.all(
      buyers.flatMap((buyer) =>
        Array.from({ length: CHECKOUTS_PER_BUYER }, () =>
          checkout(n++ % 2 === 0 ? viaA : viaB, buyer.token, [{ ...line, quantity: 1 }], idempotencyKey()),
        ),
      ),
    );
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    return {
      ms: Date.now() - t0,
      ok: codes.filter((c) => c === 'OK').length,
      outOfStock: codes.filter((c) => c === 'OUT_OF_STOCK').length,
    };
  }

  it('a token issued by one process is accepted by the other', async () => {
    const me = `{ me { id } }`;
    expect((await viaB.gql(me, {}, buyers[0]!.token)).data).toEqual({ me: { id: buyers[0]!.userId } });
    expect((await viaA.gql(me, {}, buyers[1]!.token)).data).toEqual({ me: { id: buyers[1]!.userId } });
  });

  it('sessions and log-in counters are shared: a refresh token spent on one is spent on the other, failures add up across both', async () => {
    const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { accessToken refreshToken } }`;
    const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`;
    const party = await signUp(viaA, 'shared-session');
    const session = await viaA.gql(LOG_IN, { i: { email: party.email, password: PASSWORD } });
    const refreshToken = session.data!['logIn'].refreshToken as string;
    expect((await viaB.gql(REFRESH, { t: refreshToken })).errors).toBeUndefined();
    expect(errorCode(await viaA.gql(REFRESH, { t: refreshToken }))).toBe('UNAUTHENTICATED');

    // Five failed log-ins are allowed per account (the default), three on one process and two on the other.
    for (let i = 0; i < 5; i += 1) {
      expect(
        errorCode(
          await (i % 2 === 0 ? viaA : viaB).gql(LOG_IN, { i: { email: party.email, password: 'wrong wrong wrong' } }),
        ),
      ).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await viaA.gql(LOG_IN, { i: { email: party.email, password: PASSWORD } }))).toBe('RATE_LIMITED');
    expect(errorCode(await viaB.gql(LOG_IN, { i: { email: party.email, password: PASSWORD } }))).toBe('RATE_LIMITED');
  });

  it('200 concurrent checkouts across both for 50 units and a slot of 30 seats: exactly 50 and 30, the rest OUT_OF_STOCK', async () => {
    const merch = await stampede({ variantId: shop.variantId });
    const seats = await stampede({ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]! });
    process.stdout.write(
      `multi-process: 200 merchandise checkouts in ${merch.ms} ms, 200 seat checkouts in ${seats.ms} ms over two processes\n`,
    );
    expect({ ok: merch.ok, outOfStock: merch.outOfStock }).toEqual({ ok: 50, outOfStock: 150 });
    expect({ ok: seats.ok, outOfStock: seats.outOfStock }).toEqual({ ok: 30, outOfStock: 170 });
    expect(await stockOf(viaA, shop.variantId)).toEqual({ stock: 50, reserved: 50, sold: 0 });
    expect(await seatsOf(viaA, shop.slotId)).toEqual({ capacity: 30, reserved: 30, sold: 0 });
    const orders = await cluster.sql<{ kind: string; n: number; units: number }>(
      `SELECT l.kind, count(DISTINCT o.id)::int AS n, sum(l.quantity)::int AS units FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status = 'PENDING_PAYMENT' GROUP BY l.kind ORDER BY l.kind`,
    );
    expect(orders).toEqual([
      { kind: 'EXPERIENCE', n: 30, units: 30 },
      { kind: 'MERCHANDISE', n: 50, units: 50 },
    ]);
  });

  it('with both processes sweeping every second, each lapsed order is cancelled exactly once', async () => {
    // 40 of the 50 merchandise orders and 20 of the 30 seat orders lapse; the rest stay reserved. A second
    // release of any lapsed order would take from the reservations still held (or break the reserved >= 0 check).
    const lapsed = await cluster.sql<{ id: string }>(
      `UPDATE orders SET expires_at = now() - interval '1 second'
        WHERE id IN (SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
                      WHERE o.status = 'PENDING_PAYMENT' AND l.variant_id = $1 ORDER BY o.id LIMIT 40)
           OR id IN (SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
                      WHERE o.status = 'PENDING_PAYMENT' AND l.time_slot_id = $2 ORDER BY o.id LIMIT 20)
        RETURNING id`,
      [shop.variantId, shop.slotId],
    );
    expect(lapsed).toHaveLength(60);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && expiredInLogs(a) + expiredInLogs(b) < 60)
      await new Promise((r) => setTimeout(r, 200));
    // Another beat, so a sweep that would cancel something twice has the time to do it.
    await new Promise((r) => setTimeout(r, 1500));

    process.stdout.write(
      `multi-process: expiry cancelled ${expiredInLogs(a)} orders in A and ${expiredInLogs(b)} in B\n`,
    );
    expect(expiredInLogs(a) + expiredInLogs(b)).toBe(60);
    expect(`${a.logs()}${b.logs()}`).not.toMatch(/Reservation expiry failed/);
    expect(
      await cluster.sql(
        `SELECT status, cancel_reason AS reason, count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [lapsed.map((o) => o.id)],
      ),
    ).toEqual([{ status: 'CANCELLED', reason: 'EXPIRED', n: 60 }]);
    expect(await stockOf(viaA, shop.variantId)).toEqual({ stock: 50, reserved: 10, sold: 0 });
    expect(await seatsOf(viaA, shop.slotId)).toEqual({ capacity: 30, reserved: 10, sold: 0 });
  });
});

describe('an API process in production', () => {
  it('refuses to start without a JWT secret and Stripe keys, naming each', async () => {
    const { databaseUrl, drop } = await cloneTestDatabase();
    try {
      const start = startApiProcess({
        name: 'production',
        databaseUrl,
        env: { NODE_ENV: 'production' },
        timeoutMs: 30_000,
      });
      await expect(start).rejects.toThrow(
        /exited \(1\)[\s\S]*JWT_SECRET is required in production[\s\S]*STRIPE_SECRET_KEY is required in production/,
      );
    } finally {
      await drop();
    }
  });
});
