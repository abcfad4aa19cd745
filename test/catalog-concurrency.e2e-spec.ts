import {
  addSlot,
  createExperience,
  createMerchandise,
  createVenue,
  licensedMerchant,
  Licensed,
} from './support/catalog';
import { startTestApp, TestApp } from './support/test-app';

const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { variant { stock } } }`;
const CAPACITY = `mutation($i: ChangeTimeSlotCapacityInput!) { changeTimeSlotCapacity(input: $i) { capacity } }`;
const PARALLEL = 24;

/** Real concurrent HTTP requests against one app; the pool (10) is smaller than the burst, so requests queue and interleave. */
describe('catalog concurrency', () => {
  let t: TestApp;
  let l: Licensed;
  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
  });
  afterAll(() => t.close());

  it(`${PARALLEL} parallel restocks and write-offs of one variant all land`, async () => {
    const p = await createMerchandise(t, l, { stock: 100 });
    const variantId = p.variants[0]!.id;
    const requests = Array.from({ length: PARALLEL }, (_, i) =>
      t.gql(
        ADJUST,
        { input: { variantId, reason: i % 3 === 0 ? 'DAMAGE' : 'RESTOCK', quantity: 1 + (i % 5) } },
        l.merchant.token,
      ),
    );
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const expected =
      100 +
      Array.from({ length: PARALLEL }, (_, i) => (i % 3 === 0 ? -1 : 1) * (1 + (i % 5))).reduce((a, b) => a + b, 0);
    const [variant] = await t.sql<{ stock_on_hand: number }>(
      `SELECT stock_on_hand FROM product_variants WHERE id = $1`,
      [variantId],
    );
    expect(variant!.stock_on_hand).toBe(expected);
    const movements = await t.sql<{ delta: number; stock_after: number }>(
      `SELECT delta, stock_after FROM stock_movements WHERE variant_id = $1 AND reason <> 'INITIAL' ORDER BY stock_after`,
      [variantId],
    );
    expect(movements).toHaveLength(PARALLEL);
    expect(100 + movements.reduce((sum, m) => sum + m.delta, 0)).toBe(expected);
  });

  it('parallel write-offs stop exactly at what is sold and reserved, never below', async () => {
    const p = await createMerchandise(t, l, { stock: 30 });
    const variantId = p.variants[0]!.id;
    await t.sql(`UPDATE product_variants SET sold = 10, reserved = 8 WHERE id = $1`, [variantId]);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.gql(ADJUST, { input: { variantId, reason: 'DAMAGE', quantity: 1 } }, l.merchant.token),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(12);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(PARALLEL - 12);
    const [variant] = await t.sql(`SELECT stock_on_hand FROM product_variants WHERE id = $1`, [variantId]);
    expect(variant).toEqual({ stock_on_hand: 18 });
  });

  it(`${PARALLEL} parallel capacity changes of one slot all land, and never go below sold + reserved`, async () => {
    const venue = await createVenue(t, l.merchant);
    const exp = await createExperience(t, l, venue.id);
    const slot = await addSlot(t, l, exp.id, new Date(Date.now() + 5 * 86_400_000), 50);
    const deltas = Array.from({ length: PARALLEL }, (_, i) => (i % 2 === 0 ? 3 : -2));
    const results = await Promise.all(
      deltas.map((delta) => t.gql(CAPACITY, { i: { timeSlotId: slot.id, delta } }, l.merchant.token)),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await t.sql(`SELECT capacity FROM time_slots WHERE id = $1`, [slot.id]);
    expect(row).toEqual({ capacity: 50 + deltas.reduce((a, b) => a + b, 0) });

    await t.sql(`UPDATE time_slots SET sold = 40, reserved = 10, capacity = 60 WHERE id = $1`, [slot.id]);
    const shrink = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.gql(CAPACITY, { i: { timeSlotId: slot.id, delta: -1 } }, l.merchant.token),
      ),
    );
    expect(shrink.filter((r) => !r.errors)).toHaveLength(10);
    const [after] = await t.sql(`SELECT capacity FROM time_slots WHERE id = $1`, [slot.id]);
    expect(after).toEqual({ capacity: 50 });
  });
});
