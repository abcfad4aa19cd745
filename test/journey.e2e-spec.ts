import { ALL_CATEGORIES, approveAndPublish, createMerchandise, Licensed, ok } from './support/catalog';
import { contractOperation } from './support/contract';
import { createFilmIp, dayOffset, grantLicense } from './support/licensing';
import { organizationOwner, signUp } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The marketplace's whole journey through the contract's own documents: a studio licenses its IP, a merchant
 * sells under it, a visitor buys, and the studio's royalty report shows that sale (and its refunds) to the fen
 * by DESIGN §2's rules.
 */
describe('journey: license → sale → royalty', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('splits a paid line and reverses partial and full refunds in the studio report', async () => {
    const studio = await organizationOwner(t, 'STUDIO', 'Xingxi Pictures');
    const merchant = await organizationOwner(t, 'MERCHANT', 'Xinshe Ranch');
    const filmIpId = await createFilmIp(t, studio, 'Summer at the Ranch', '牧场之夏');
    const { licenseId } = await grantLicense(t, studio, merchant, {
      filmIpId,
      royaltyBps: 1_250,
      categories: ALL_CATEGORIES,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    const l: Licensed = { studio, merchant, filmIpId, licenseId };
    const product = await createMerchandise(t, l, {
      name: 'Ranch cheese',
      nameZh: '牧场奶酪',
      category: 'FOOD',
      prices: [12_800],
      stock: 5,
    });
    await approveAndPublish(t, l, product.id);

    const visitor = await signUp(t, 'journey-visitor');
    const checkout = await ok(
      t.gql(
        contractOperation('Checkout'),
        { idempotencyKey: 'journey-1', lines: [{ variantId: product.variants[0]!.id, quantity: 2 }] },
        visitor.token,
      ),
      'checkout',
    );
    expect(checkout.order).toMatchObject({
      status: 'PENDING_PAYMENT',
      total: { amountMinor: 25_600, currency: 'CNY' },
    });
    const paid = await ok(
      t.gql(contractOperation('DevConfirmPayment'), { orderId: checkout.order.id }, visitor.token),
      'devConfirmPayment',
    );
    expect(paid.status).toBe('PAID');
    const order = await ok(t.gql(contractOperation('Order'), { id: checkout.order.id }, visitor.token), 'order');
    const lineId = order.lines[0].id as string;

    const report = async () =>
      ok(
        t.gql(
          contractOperation('RoyaltyReport'),
          { studioId: studio.organizationId, from: dayOffset(t, -1), to: dayOffset(t, 1) },
          studio.token,
        ),
        'royaltyReport',
      );
    // R = floor(25 600 × 1 250 / 10 000) = 3 200.
    expect((await report()).lines).toEqual([
      {
        orderLineId: lineId,
        productName: 'Ranch cheese',
        merchantName: 'Xinshe Ranch',
        gross: { amountMinor: 25_600, currency: 'CNY' },
        refunded: { amountMinor: 0, currency: 'CNY' },
        royalty: { amountMinor: 3_200, currency: 'CNY' },
      },
    ]);

    // Partial refund of 10 001 fen: reversal = floor(3 200 × 10 001 / 25 600) = 1 250, leaving 1 950.
    const partial = await ok(
      t.gql(contractOperation('RefundOrderLine'), { orderLineId: lineId, amountMinor: 10_001 }, merchant.token),
      'refundOrderLine',
    );
    expect(partial.status).toBe('PARTIALLY_REFUNDED');
    const afterPartial = await report();
    expect(afterPartial.lines[0]).toMatchObject({ refunded: { amountMinor: 10_001 }, royalty: { amountMinor: 1_950 } });
    expect(afterPartial.totals).toMatchObject({
      gross: { amountMinor: 25_600 },
      refunded: { amountMinor: 10_001 },
      royalty: { amountMinor: 1_950 },
    });

    // The rest of the line: every share comes back to exactly zero.
    const full = await ok(
      t.gql(contractOperation('RefundOrderLine'), { orderLineId: lineId }, merchant.token),
      'refundOrderLine',
    );
    expect(full.status).toBe('REFUNDED');
    expect((await report()).totals).toMatchObject({ refunded: { amountMinor: 25_600 }, royalty: { amountMinor: 0 } });

    // The journal balances and nothing is left over in any account of this sale.
    const [balance] = await t.sql<{ unbalanced: string }>(
      `SELECT count(*) AS unbalanced FROM (SELECT entry_id FROM ledger_postings GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0) x`,
    );
    expect(Number(balance!.unbalanced)).toBe(0);
  });
});
