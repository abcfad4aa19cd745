import { licensedMerchant, Licensed, ok, sku } from './support/catalog';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateMerchandiseInput!) {
  createMerchandise(input: $input) { id variants { sku options { name nameZh value valueZh } } }
}`;
const PRODUCT = `query($id: ID!) { product(id: $id) { variants { sku available options { name nameZh value valueZh } } } }`;
const MERCHANT_PRODUCTS = `query($merchantId: ID!, $filter: MerchantProductFilter) {
  merchantProducts(merchantId: $merchantId, filter: $filter, first: 50) { totalCount edges { node { name } } }
}`;

const SIZES = ['S', 'M', 'L'];
const COLOURS = [
  ['Black', '黑'],
  ['White', '白'],
] as const;

/** A size × colour grid as the merchant console sends it: one variant per combination, each with its SKU. */
function grid(prefix: string) {
  return SIZES.flatMap((size) =>
    COLOURS.map(([colour, colourZh]) => ({
      sku: `${prefix}-${size}-${colour}`.toUpperCase(),
      price: { amountMinor: size === 'L' ? 10900 : 9900, currency: 'CNY' },
      stock: 5,
      options: [
        { name: 'Size', nameZh: '尺码', value: size },
        { name: 'Colour', nameZh: '颜色', value: colour, valueZh: colourZh },
      ],
    })),
  );
}

/** Merchandise with options (size × colour), and the merchant's product list searched by name or SKU. */
describe('merchandise options and the merchant product search', () => {
  let t: TestApp;
  let l: Licensed;
  beforeAll(async () => {
    t = await startTestApp();
    l = await licensedMerchant(t);
  });
  afterAll(() => t.close());

  const create = (name: string, variants: unknown[], nameZh?: string) =>
    t.gql(
      CREATE,
      { input: { licenseId: l.licenseId, category: 'APPAREL', name, nameZh: nameZh ?? null, variants } },
      l.merchant.token,
    );

  it('creates a T-shirt in three sizes × two colours; each variant says which choice it is', async () => {
    const prefix = sku('TEE');
    const created = await ok<{ id: string; variants: { sku: string; options: unknown[] }[] }>(
      create('Lantern tee', grid(prefix), '宝莲灯T恤'),
      'createMerchandise',
    );
    expect(created.variants).toHaveLength(6);
    const read = await ok<{ variants: { sku: string; options: unknown[] }[] }>(
      t.gql(PRODUCT, { id: created.id }, l.merchant.token),
      'product',
    );
    expect(read.variants.find((v) => v.sku === `${prefix}-M-WHITE`.toUpperCase())?.options).toEqual([
      { name: 'Size', nameZh: '尺码', value: 'M', valueZh: null },
      { name: 'Colour', nameZh: '颜色', value: 'White', valueZh: '白' },
    ]);
  });

  it('refuses a combination twice, variants with other options, and more than three options', async () => {
    const twice = grid(sku('TWICE'));
    twice[1] = { ...twice[1]!, options: twice[0]!.options };
    const mixed = grid(sku('MIXED'));
    mixed[2] = { ...mixed[2]!, options: [{ name: 'Material', nameZh: '材质', value: 'Cotton' }] };
    const many = [{ ...grid(sku('MANY'))[0]!, options: ['A', 'B', 'C', 'D'].map((n) => ({ name: n, value: 'x' })) }];
    for (const [variants, message] of [
      [twice, 'Each combination of option values is one variant'],
      [mixed, 'Every variant names the same options in the same order'],
      [many, undefined],
    ] as const) {
      const res = await create('Refused tee', [...variants]);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      if (message) expect(res.errors?.[0]?.message).toBe(message);
    }
    const listed = await t.gql(MERCHANT_PRODUCTS, { merchantId: l.merchant.organizationId }, l.merchant.token);
    expect(listed.data?.merchantProducts.edges.map((e: { node: { name: string } }) => e.node.name)).not.toContain(
      'Refused tee',
    );
  });

  it('finds products by Chinese or English name or by SKU, with LIKE wildcards taken literally', async () => {
    const m = await licensedMerchant(t, { studio: l.studio });
    const make = (name: string, nameZh: string, code: string) =>
      ok(
        t.gql(
          CREATE,
          {
            input: {
              licenseId: m.licenseId,
              category: 'APPAREL',
              name,
              nameZh,
              variants: [{ sku: code, price: { amountMinor: 100, currency: 'CNY' }, stock: 1 }],
            },
          },
          m.merchant.token,
        ),
        'createMerchandise',
      );
    await make('Lantern mug', '宝莲灯马克杯', sku('MUG'));
    await make('Ranch scarf', '牧场围巾', 'SCARF-100_PCT');
    await make('Poster 100 pct', '海报', sku('POSTER'));
    const names = async (search: string) => {
      const res = await t.gql(
        MERCHANT_PRODUCTS,
        { merchantId: m.merchant.organizationId, filter: { search } },
        m.merchant.token,
      );
      return res.data?.merchantProducts.edges.map((e: { node: { name: string } }) => e.node.name).sort();
    };
    expect(await names('马克杯')).toEqual(['Lantern mug']);
    expect(await names('  lantern ')).toEqual(['Lantern mug']);
    expect(await names('scarf-100')).toEqual(['Ranch scarf']);
    // "_" would match any character and "%" anything: taken literally, "100_P" is only the scarf's SKU.
    expect(await names('100_P')).toEqual(['Ranch scarf']);
    expect(await names('%')).toEqual([]);
    expect(await names('')).toHaveLength(3);
  });
});
