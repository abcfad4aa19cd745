import { ApiCluster, ApiProcess, startApiCluster } from './support/api-process';
import { checkout, openShop, Shop } from './support/orders';
import { signUp, Party } from './support/parties';
import { TestApp } from './support/test-app';

const PAGE = `query($id: ID!) { product(id: $id) { id status variants { id price { amountMinor } available }
  upcomingTimeSlots { id capacity remaining } } }`;
const LISTENERS = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN product_pages_changed'`;

interface Page {
  status: string;
  variants: { id: string; price: { amountMinor: number }; available: number }[];
  upcomingTimeSlots: { id: string; capacity: number; remaining: number }[];
}

/**
 * Each API process keeps product pages in memory. Two processes on one database, as two replicas: a change through
 * one is read at once by it and by the other once heard (stock and seats, which notify no one, within a second,
 * read again on their own while the rest of the page is kept).
 */
describe('product pages cached per API process', () => {
  let cluster: ApiCluster;
  let a: ApiProcess;
  let b: ApiProcess;
  let viaA: TestApp;
  let shop: Shop;
  let buyer: Party;

  const pageVia = async (api: ApiProcess, id: string): Promise<Page | null> => {
    const res = await api.gql(PAGE, { id });
    return (res.data?.product as Page | null) ?? null;
  };
  /** Reads until `done` holds or the time is up; returns the last page read. */
  const eventually = async (
    api: ApiProcess,
    id: string,
    done: (p: Page | null) => boolean,
    ms = 10_000,
  ): Promise<Page | null> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const page = await pageVia(api, id);
      if (done(page) || Date.now() > deadline) return page;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** A write no process hears of (triggers off for this one transaction). */
  const unheard = async (text: string, params: unknown[]): Promise<void> => {
    await cluster.sql('BEGIN');
    await cluster.sql(`SET LOCAL session_replication_role = replica`);
    await cluster.sql(text, params);
    await cluster.sql('COMMIT');
  };

  beforeAll(async () => {
    cluster = await startApiCluster();
    [a, b] = await Promise.all([cluster.start('A'), cluster.start('B')]);
    viaA = cluster.client(a);
    shop = await openShop(viaA, { stock: 10, seats: 20 });
    buyer = await signUp(viaA, 'pagebuyer');
    // Both processes have heard the publishing writes and hold both pages.
    for (const api of [a, b])
      for (const id of [shop.productId, shop.experienceId]) await eventually(api, id, (p) => p?.status === 'PUBLISHED');
    await new Promise((r) => setTimeout(r, 2100)); // A's own writes' bypass is over however its notifications went
  });
  afterAll(() => cluster?.close());

  it('both processes listen, and answer a page from memory once read', async () => {
    expect((await cluster.sql(LISTENERS)).length).toBe(2);
    await pageVia(b, shop.productId);
    await unheard(`UPDATE product_variants SET price_minor = 1 WHERE id = $1`, [shop.variantId]);
    expect((await pageVia(b, shop.productId))?.variants[0]?.price.amountMinor).toBe(9900);
    await unheard(`UPDATE product_variants SET price_minor = 9900 WHERE id = $1`, [shop.variantId]);
  });

  it('a price change through A: A reads it at once, B once the commit is heard', async () => {
    await pageVia(b, shop.productId);
    const set = await a.gql(
      `mutation($i: SetVariantPriceInput!) { setVariantPrice(input: $i) { id } }`,
      { i: { variantId: shop.variantId, price: { amountMinor: 8800, currency: 'CNY' } } },
      shop.licensed.merchant.token,
    );
    expect(set.errors).toBeUndefined();
    expect((await pageVia(a, shop.productId))?.variants[0]?.price.amountMinor).toBe(8800);
    const seen = await eventually(b, shop.productId, (p) => p?.variants[0]?.price.amountMinor === 8800);
    expect(seen?.variants[0]?.price.amountMinor).toBe(8800);
  });

  it('a purchase through A: A shows the stock and seats left at once, B within a second', async () => {
    expect((await pageVia(b, shop.productId))?.variants[0]?.available).toBe(10);
    expect((await pageVia(b, shop.experienceId))?.upcomingTimeSlots[0]?.remaining).toBe(20);
    const bought = await checkout(viaA, buyer.token, [
      { variantId: shop.variantId, quantity: 2 },
      { timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 3 },
    ]);
    expect(bought.errors).toBeUndefined();
    const heardAt = Date.now();
    expect((await pageVia(a, shop.productId))?.variants[0]?.available).toBe(8);
    expect((await pageVia(a, shop.experienceId))?.upcomingTimeSlots[0]?.remaining).toBe(17);
    const stock = await eventually(b, shop.productId, (p) => p?.variants[0]?.available === 8, 3000);
    const seats = await eventually(b, shop.experienceId, (p) => p?.upcomingTimeSlots[0]?.remaining === 17, 3000);
    expect(stock?.variants[0]?.available).toBe(8);
    expect(seats?.upcomingTimeSlots[0]?.remaining).toBe(17);
    expect(Date.now() - heardAt).toBeLessThan(2500);
  });

  it("after a second B reads only the stock and seats again: another's purchase shows, the kept page stays", async () => {
    const before = (await pageVia(b, shop.productId)) as Page;
    const price = before.variants[0]!.price.amountMinor;
    const stock = before.variants[0]!.available;
    // B reads the whole page afresh showing a price no one heard of, then the price is put back, unheard too.
    await unheard(`UPDATE product_variants SET price_minor = 1 WHERE id = $1`, [shop.variantId]);
    await cluster.sql(`SELECT pg_notify('product_pages_changed', $1)`, [shop.productId]);
    expect((await eventually(b, shop.productId, (p) => p?.variants[0]?.price.amountMinor === 1))?.variants[0]).toEqual({
      id: shop.variantId,
      price: { amountMinor: 1 },
      available: stock,
    });
    await unheard(`UPDATE product_variants SET price_minor = $2 WHERE id = $1`, [shop.variantId, price]);

    const bought = await checkout(viaA, buyer.token, [{ variantId: shop.variantId, quantity: 1 }]);
    expect(bought.errors).toBeUndefined();
    const boughtAt = Date.now();
    const seen = await eventually(b, shop.productId, (p) => p?.variants[0]?.available === stock - 1, 3000);
    expect(Date.now() - boughtAt).toBeLessThan(2500);
    // The stock came through the small refresh: a whole read would have shown the price as it is.
    expect(seen?.variants[0]).toEqual({ id: shop.variantId, price: { amountMinor: 1 }, available: stock - 1 });

    await cluster.sql(`SELECT pg_notify('product_pages_changed', $1)`, [shop.productId]);
    const restored = await eventually(b, shop.productId, (p) => p?.variants[0]?.price.amountMinor === price);
    expect(restored?.variants[0]).toEqual({ id: shop.variantId, price: { amountMinor: price }, available: stock - 1 });
  });

  it("a slot's capacity and an unpublish through A: seen by A at once and by B once heard", async () => {
    await pageVia(b, shop.experienceId);
    const changed = await a.gql(
      `mutation($i: ChangeTimeSlotCapacityInput!) { changeTimeSlotCapacity(input: $i) { id } }`,
      { i: { timeSlotId: shop.slotId, delta: 5 } },
      shop.licensed.merchant.token,
    );
    expect(changed.errors).toBeUndefined();
    expect((await pageVia(a, shop.experienceId))?.upcomingTimeSlots[0]?.capacity).toBe(25);
    expect(
      (await eventually(b, shop.experienceId, (p) => p?.upcomingTimeSlots[0]?.capacity === 25))?.upcomingTimeSlots[0]
        ?.capacity,
    ).toBe(25);

    const gone = await a.gql(
      `mutation($productId: ID!) { unpublishProduct(productId: $productId) { id } }`,
      { productId: shop.productId },
      shop.licensed.merchant.token,
    );
    expect(gone.errors).toBeUndefined();
    expect(await pageVia(a, shop.productId)).toBeNull();
    expect(await eventually(b, shop.productId, (p) => p === null)).toBeNull();
  });
});
