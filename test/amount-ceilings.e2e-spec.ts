import { approveAndPublish, createMerchandise, licensedMerchant, Licensed, sku } from './support/catalog';
import { contractOperation } from './support/contract';
import { createFilmIp, dayOffset } from './support/licensing';
import { Party, platformAdmin, signUp } from './support/parties';
import { checkout, stockOf } from './support/orders';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

// The machine running the suites is often loaded; app start and set-up take seconds.
jest.setTimeout(90_000);

/** The defaults: ¥1,000,000 per price, advance or guarantee; ¥10,000,000 per order. */
const CEILING = 100_000_000;
const ORDER_CEILING = 1_000_000_000;
/** The price that broke the ledger for good (issue #14): 2^53 − 1 fen. */
const UNSAFE = Number.MAX_SAFE_INTEGER;

const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

function expectRefused(res: GqlResult, field?: string): void {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.data ?? null).toBeNull();
  if (field) expect(JSON.stringify(res.errors![0]!.extensions)).toContain(field);
}

describe('amount ceilings at the default configuration', () => {
  let t: TestApp;
  let l: Licensed;
  let platform: Party;
  let buyer: Party;

  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
    platform = await platformAdmin(t);
    buyer = await signUp(t, 'buyer');
  });
  afterAll(() => t.close());

  const createMerch = (amountMinor: number) =>
    t.gql(
      contractOperation('CreateMerchandise'),
      {
        licenseId: l.licenseId,
        category: 'APPAREL',
        name: 'Lantern tee',
        nameZh: '宝莲灯T恤',
        description: 'Cotton',
        variants: [{ sku: sku(), price: cny(amountMinor), stock: 30 }],
      },
      l.merchant.token,
    );

  it('refuses a variant price above the ceiling, 2^53 − 1 fen included, and takes one at the ceiling', async () => {
    expectRefused(await createMerch(CEILING + 1), 'variants.0.price.amountMinor');
    expectRefused(await createMerch(UNSAFE));
    expect((await createMerch(CEILING)).data?.['createMerchandise'].id).toEqual(expect.any(String));
    expect(
      (await t.sql(`SELECT count(*)::int AS n FROM product_variants WHERE price_minor > $1`, [CEILING]))[0],
    ).toEqual({ n: 0 });
  });

  it('refuses a ticket type price above the ceiling', async () => {
    const venue = await t.gql(
      contractOperation('CreateVenue'),
      { merchantId: l.merchant.organizationId, name: 'Ranch', latitude: 30.98, longitude: 121.3 },
      l.merchant.token,
    );
    const res = await t.gql(
      contractOperation('CreateExperience'),
      {
        licenseId: l.licenseId,
        venueId: venue.data!['createVenue'].id,
        category: 'TOUR',
        name: 'Ranch tour',
        description: 'Walk the fields',
        ticketTypes: [
          { name: 'Adult', price: cny(12_000) },
          { name: 'Child', price: cny(CEILING + 1) },
        ],
      },
      l.merchant.token,
    );
    expectRefused(res, 'ticketTypes.1.price.amountMinor');
  });

  it('refuses a new variant price above the ceiling', async () => {
    const product = await createMerchandise(t, l, { prices: [9_900] });
    const setPrice = (amountMinor: number) =>
      t.gql(
        `mutation($i: SetVariantPriceInput!) { setVariantPrice(input: $i) { price { amountMinor } } }`,
        { i: { variantId: product.variants[0]!.id, price: cny(amountMinor) } },
        l.merchant.token,
      );
    expectRefused(await setPrice(CEILING + 1), 'price.amountMinor');
    expectRefused(await setPrice(UNSAFE));
    expect((await setPrice(CEILING)).data?.['setVariantPrice'].price.amountMinor).toBe(CEILING);
  });

  it("refuses a license offer's advance or minimum guarantee above the ceiling", async () => {
    const filmIpId = await createFilmIp(t, l.studio, 'Ceiling test');
    const publish = (terms: Record<string, unknown>) =>
      t.gql(
        contractOperation('PublishLicenseOffer'),
        {
          filmIpId,
          royaltyBps: 1_000,
          categories: ['APPAREL'],
          startsOn: dayOffset(t, 0),
          endsOn: dayOffset(t, 365),
          advance: null,
          minimumGuarantee: null,
          ...terms,
        },
        l.studio.token,
      );
    expectRefused(await publish({ advance: cny(CEILING + 1) }), 'advance.amountMinor');
    expectRefused(await publish({ minimumGuarantee: cny(UNSAFE) }));
    expect(
      (await publish({ advance: cny(CEILING), minimumGuarantee: cny(CEILING) })).data?.['publishLicenseOffer'].id,
    ).toEqual(expect.any(String));
  });

  it('refuses recorded license terms whose advance or minimum guarantee is above the ceiling', async () => {
    const record = (terms: Record<string, unknown>) =>
      t.gql(
        `mutation($i: RecordLicenseTermsInput!) { recordLicenseTerms(input: $i) { licenseId } }`,
        {
          i: {
            licenseId: l.licenseId,
            studioId: l.studio.organizationId,
            merchantId: l.merchant.organizationId,
            startsOn: '2020-01-01',
            endsOn: '2099-12-31',
            ...terms,
          },
        },
        platform.token,
      );
    expectRefused(await record({ advance: cny(CEILING + 1) }), 'advance.amountMinor');
    expectRefused(await record({ minimumGuarantee: cny(CEILING + 1) }), 'minimumGuarantee.amountMinor');
  });

  describe('orders at the ceiling', () => {
    let variantId: string;
    const paidOrderIds: string[] = [];

    beforeAll(async () => {
      const product = await createMerchandise(t, l, { prices: [CEILING], stock: 40 });
      await approveAndPublish(t, l, product.id);
      variantId = product.variants[0]!.id;
    });

    it('refuses an order whose total is above the order ceiling, reserving nothing', async () => {
      const res = await checkout(t, buyer.token, [{ variantId, quantity: 11 }]);
      expectRefused(res);
      expect(res.errors![0]!.extensions).toMatchObject({ totalMinor: 11 * CEILING, ceilingMinor: ORDER_CEILING });
      expect(await stockOf(t, variantId)).toEqual({ stock: 40, reserved: 0, sold: 0 });
      expect(
        (await t.sql(`SELECT count(*)::int AS n FROM orders WHERE buyer_user_id = $1`, [buyer.userId]))[0],
      ).toEqual({ n: 0 });
    });

    it('keeps every report readable after two paid orders of the largest size (the #14 scenario)', async () => {
      for (let i = 0; i < 2; i++) {
        const placed = await checkout(t, buyer.token, [{ variantId, quantity: 10 }]);
        expect(placed.data?.['checkout'].order.total).toEqual(cny(ORDER_CEILING));
        const orderId = placed.data!['checkout'].order.id as string;
        expect(
          (await t.gql(contractOperation('DevConfirmPayment'), { orderId }, buyer.token)).data?.['devConfirmPayment']
            .status,
        ).toBe('PAID');
        paidOrderIds.push(orderId);
      }
      const today = dayOffset(t, 0);
      const report = await t.gql(
        contractOperation('RoyaltyReport'),
        { studioId: l.studio.organizationId, from: today, to: today },
        l.studio.token,
      );
      expect(report.errors).toBeUndefined();
      expect(report.data!['royaltyReport'].totals.gross).toEqual(cny(2 * ORDER_CEILING));
      expect(report.data!['royaltyReport'].totals.royalty).toEqual(cny(2 * (ORDER_CEILING / 10)));

      const sales = await t.gql(
        `query($m: ID!, $d: Date!) { merchantSales(merchantId: $m, from: $d, to: $d) { licenses { gross { amountMinor } } payableBalance { amountMinor } } }`,
        { m: l.merchant.organizationId, d: today },
        l.merchant.token,
      );
      expect(sales.errors).toBeUndefined();
      expect(sales.data!['merchantSales'].licenses[0].gross.amountMinor).toBe(2 * ORDER_CEILING);

      const books = await t.gql(
        `query($d: Date!) { reconciliation(from: $d, to: $d) { grossPaid { amountMinor } discrepancies { check } } }`,
        { d: today },
        platform.token,
      );
      expect(books.errors).toBeUndefined();
      expect(books.data!['reconciliation'].grossPaid.amountMinor).toBe(2 * ORDER_CEILING);
    });

    it('refuses a refund of more than the line, however large the number', async () => {
      const order = await t.gql(contractOperation('Order'), { id: paidOrderIds[0] }, buyer.token);
      const lineId = order.data!['order'].lines[0].id as string;
      const res = await t.gql(
        contractOperation('RefundOrderLine'),
        { orderLineId: lineId, amountMinor: UNSAFE },
        l.merchant.token,
      );
      expectRefused(res);
    });
  });

  it('the database refuses an amount above the highest configurable ceiling, whatever path writes it', async () => {
    const [variant] = await t.sql<{ id: string }>(`SELECT id FROM product_variants LIMIT 1`);
    await expect(
      t.sql(`UPDATE product_variants SET price_minor = $2 WHERE id = $1`, [variant!.id, '10000000001']),
    ).rejects.toThrow(/product_variants_price_minor_ceiling/);
  });
});

describe('amount ceilings as configured', () => {
  let t: TestApp;
  let l: Licensed;
  let buyer: Party;

  beforeAll(async () => {
    t = await startTestApp({ env: { AMOUNT_CEILING_MINOR: '5000', ORDER_TOTAL_CEILING_MINOR: '12000' } });
    l = await licensedMerchant(t);
    buyer = await signUp(t, 'buyer');
  });
  afterAll(() => t.close());

  it('holds prices and order totals to the configured ceilings, not the defaults', async () => {
    const create = (amountMinor: number) =>
      t.gql(
        contractOperation('CreateMerchandise'),
        {
          licenseId: l.licenseId,
          category: 'APPAREL',
          name: 'Lantern pin',
          description: 'Enamel',
          variants: [{ sku: sku(), price: cny(amountMinor), stock: 10 }],
        },
        l.merchant.token,
      );
    expectRefused(await create(5_001), 'variants.0.price.amountMinor');
    const product = await createMerchandise(t, l, { prices: [5_000] });
    await approveAndPublish(t, l, product.id);
    const variantId = product.variants[0]!.id;
    expectRefused(await checkout(t, buyer.token, [{ variantId, quantity: 3 }]));
    expect((await checkout(t, buyer.token, [{ variantId, quantity: 2 }])).data?.['checkout'].order.total).toEqual(
      cny(10_000),
    );
  });
});
