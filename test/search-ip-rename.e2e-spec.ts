import { contractOperation } from './support/contract';
import { approveAndPublish, createMerchandise, licensedMerchant, Licensed } from './support/catalog';
import { organizationOwner } from './support/parties';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = contractOperation('SearchProducts');
const FACETS = `query($text: String) { searchProducts(text: $text, first: 5) { facets { filmIps { filmIp { id } count } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFilmIpInput!) { updateFilmIp(id: $id, input: $input) { id title titleZh } }`;

/** Products are found by their IP's title, so renaming an IP must re-list its products, not wait for a full reindex. */
describe('search after a film IP is renamed', () => {
  let t: TestApp;
  let harbour: Licensed;
  let productId: string;
  const found = async (text: string): Promise<string[]> => {
    const res = await t.gql(SEARCH, { text, first: 10 });
    expect(res.errors).toBeUndefined();
    return res.data?.searchProducts.edges.map((e: any) => e.node.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const studio = await organizationOwner(t, 'STUDIO', 'Xingxi Pictures');
    const merchant = await organizationOwner(t, 'MERCHANT', 'Chedun Harbour Shop');
    harbour = await licensedMerchant(t, { studio, merchant, title: 'Foggy Quay', titleZh: '雾码头' });
    productId = (
      await createMerchandise(t, harbour, {
        name: 'Rope bracelet',
        nameZh: '绳结手链',
        category: 'CRAFT',
        prices: [2900],
        description: 'Sailor knots',
      })
    ).id;
    await approveAndPublish(t, harbour, productId);
  });
  afterAll(() => t.close());

  it('finds the products by the new title, in both languages, and no longer by the old one', async () => {
    expect(await found('Foggy Quay')).toEqual([productId]);
    expect(await found('雾码头')).toEqual([productId]);

    const renamed = await t.gql(
      UPDATE,
      { id: harbour.filmIpId, input: { title: 'Moonlit Harbour', titleZh: '月光港' } },
      harbour.studio.token,
    );
    expect(renamed.errors).toBeUndefined();

    expect(await found('Moonlit Harbour')).toEqual([productId]);
    expect(await found('月光港')).toEqual([productId]);
    expect(await found('Foggy Quay')).toEqual([]);
    expect(await found('雾码头')).toEqual([]);
    const facets = await t.gql(FACETS, { text: 'Moonlit' });
    expect(facets.data?.searchProducts.facets.filmIps).toEqual([{ filmIp: { id: harbour.filmIpId }, count: 1 }]);
  });

  it('leaves the index alone when only the synopsis changes', async () => {
    const [before] = await t.sql<{ indexed_at: Date }>(
      `SELECT indexed_at FROM search_documents WHERE product_id = $1`,
      [productId],
    );
    const res = await t.gql(
      UPDATE,
      { id: harbour.filmIpId, input: { synopsis: 'A harbour town in the fog.' } },
      harbour.studio.token,
    );
    expect(res.errors).toBeUndefined();
    const [after] = await t.sql<{ indexed_at: Date }>(`SELECT indexed_at FROM search_documents WHERE product_id = $1`, [
      productId,
    ]);
    expect(after!.indexed_at).toEqual(before!.indexed_at);
  });
});
