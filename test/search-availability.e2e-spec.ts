import { contractOperation } from './support/contract';
import { checkout, openShop, Shop } from './support/orders';
import { Party, signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The index shows whether a product has units or seats left, not how many, so a purchase re-lists the product only
 * when a row runs out or comes back; every other checkout and payment leaves its search document untouched.
 */
describe('search documents follow availability, and only availability', () => {
  let t: TestApp;
  let shop: Shop;
  let buyer: Party;

  beforeAll(async () => {
    t = await startTestApp();
    shop = await openShop(t, { stock: 2, seats: 2 });
    buyer = await signUp(t, 'availability');
  });
  afterAll(() => t.close());

  async function documentOf(productId: string): Promise<{ inStock: boolean; days: number; indexedAt: string }> {
    const [row] = await t.sql<{ inStock: boolean; days: number; indexedAt: string }>(
      `SELECT in_stock AS "inStock", cardinality(available_dates) AS days, indexed_at::text AS "indexedAt" FROM search_documents WHERE product_id = $1`,
      [productId],
    );
    return row!;
  }

  async function placed(lines: Parameters<typeof checkout>[2]): Promise<string> {
    const res = await checkout(t, buyer.token, lines);
    expect(res.errors).toBeUndefined();
    return res.data!.checkout.order.id as string;
  }

  const cancel = (orderId: string) =>
    t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`, { id: orderId }, buyer.token);

  it('merchandise: untouched while units remain, out of stock with the last unit, back when it returns', async () => {
    const before = await documentOf(shop.productId);
    expect(before.inStock).toBe(true);

    const first = await placed([{ variantId: shop.variantId, quantity: 1 }]);
    expect(await documentOf(shop.productId)).toEqual(before);
    const paid = await t.gql(contractOperation('DevConfirmPayment'), { orderId: first }, buyer.token);
    expect(paid.data?.devConfirmPayment.status).toBe('PAID');
    expect(await documentOf(shop.productId)).toEqual(before);

    const last = await placed([{ variantId: shop.variantId, quantity: 1 }]);
    expect((await documentOf(shop.productId)).inStock).toBe(false);
    const search = await t.gql(
      `{ searchProducts(filter: { merchantId: "${shop.licensed.merchant.organizationId}" }) { edges { node { id inStock } } } }`,
    );
    expect(search.data?.searchProducts.edges).toContainEqual({ node: { id: shop.productId, inStock: false } });

    expect((await cancel(last)).data?.cancelOrder.status).toBe('CANCELLED');
    expect((await documentOf(shop.productId)).inStock).toBe(true);
  });

  it('seats: the day stays listed until the slot is full, and comes back when seats are released', async () => {
    const before = await documentOf(shop.experienceId);
    expect(before).toMatchObject({ inStock: true, days: 1 });

    const one = await placed([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[0]!, quantity: 1 }]);
    expect(await documentOf(shop.experienceId)).toEqual(before);
    await placed([{ timeSlotId: shop.slotId, ticketTypeId: shop.ticketTypeIds[1]!, quantity: 1 }]);
    expect(await documentOf(shop.experienceId)).toMatchObject({ inStock: false, days: 0 });

    await cancel(one);
    expect(await documentOf(shop.experienceId)).toMatchObject({ inStock: true, days: 1 });
  });
});
