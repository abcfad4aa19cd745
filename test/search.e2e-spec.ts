import { LicenseStatus } from '@chedun/kernel';
import { LicenseService } from '@chedun/licensing';
import { SearchSync } from '@chedun/search';
import { contractOperation } from './support/contract';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  licensedMerchant,
  Licensed,
  ok,
  setLicenseStatus,
} from './support/catalog';
import { dayOffset } from './support/licensing';
import { organizationOwner, platformAdmin } from './support/parties';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const SEARCH = contractOperation('SearchProducts');
const SEARCH_SORTED = `query($text: String, $filter: ProductFilter, $first: Int, $after: String, $sort: ProductSearchSort) {
  searchProducts(text: $text, filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    edges { cursor node { id name priceFrom { amountMinor } publishedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const FACETS = `query($text: String, $filter: ProductFilter) {
  searchProducts(text: $text, filter: $filter, first: 1) {
    totalCount
    facets { categories { category count } filmIps { filmIp { id title } count } }
  }
}`;

describe('search (Postgres adapter, through the public API)', () => {
  let t: TestApp;
  let lotus: Licensed;
  let frontier: Licensed;
  let cafe: Licensed;
  let ids: Record<string, string>;
  let ranchVenueId: string;
  const slotDay = new Date(Date.now() + 6 * 86_400_000);

  const names = async (text: string | null, filter: Record<string, unknown> = {}): Promise<string[]> => {
    const res = await t.gql(SEARCH, { text, filter, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data?.searchProducts.edges.map((e: any) => e.node.name).sort();
  };
  const publish = async (l: Licensed, id: string): Promise<void> => {
    t.clock.advanceBy(1000);
    await approveAndPublish(t, l, id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const studioA = await organizationOwner(t, 'STUDIO', 'Xinshe Studio');
    const studioB = await organizationOwner(t, 'STUDIO', 'Wuyue Films');
    const xiangdi = await organizationOwner(t, 'MERCHANT', 'Xiangdi Art Center');
    const ranch = await organizationOwner(t, 'MERCHANT', 'Xinshe Ranch');
    lotus = await licensedMerchant(t, {
      studio: studioA,
      merchant: xiangdi,
      title: 'Lotus Lantern',
      titleZh: '宝莲灯',
    });
    frontier = await licensedMerchant(t, { studio: studioA, merchant: ranch, title: 'Frontier Town', titleZh: '边城' });
    cafe = await licensedMerchant(t, { studio: studioB, merchant: xiangdi, title: 'Café Nights', titleZh: '咖啡之夜' });

    ids = {};
    const merch = async (key: string, l: Licensed, name: string, nameZh: string, category: string, price: number) => {
      ids[key] = (
        await createMerchandise(t, l, { name, nameZh, category, prices: [price], description: `${name} from the film` })
      ).id;
    };
    await merch('tee', lotus, 'Lotus Lantern T-shirt', '宝莲灯T恤', 'APPAREL', 9900);
    await merch('kit', lotus, 'Lantern paper-cut kit', '宝莲灯剪纸套装', 'CRAFT', 4900);
    await merch('cheese', frontier, 'Farm cheese', '农场奶酪', 'FOOD', 3900);
    await merch('mug', cafe, 'Café Nights mug', '咖啡之夜马克杯', 'HOME', 5900);
    ranchVenueId = (await createVenue(t, frontier.merchant, 'Xinshe Ranch', '新社牧场')).id;
    ids['tour'] = (
      await createExperience(t, frontier, ranchVenueId, {
        name: 'Ranch filming tour',
        nameZh: '农场拍摄地之旅',
        prices: [12000, 6000],
      })
    ).id;
    await addSlot(t, frontier, ids['tour']!, slotDay, 10);
    for (const [key, l] of [
      ['tee', lotus],
      ['kit', lotus],
      ['cheese', frontier],
      ['mug', cafe],
      ['tour', frontier],
    ] as const)
      await publish(l, ids[key]!);

    // Never to be found: a draft, and an approved design that is not published.
    await merch('hoodie', lotus, 'Lotus Lantern hoodie', '宝莲灯卫衣', 'APPAREL', 19900);
    await merch('keychain', lotus, 'Lantern keychain', '宝莲灯钥匙扣', 'COLLECTIBLE', 2900);
    await ok(
      t.gql(contractOperation('SubmitProductForApproval'), { productId: ids['keychain'] }, lotus.merchant.token),
      'submitProductForApproval',
    );
    await ok(
      t.gql(contractOperation('ApproveProduct'), { productId: ids['keychain'] }, lotus.studio.token),
      'approveProduct',
    );
  });
  afterAll(() => t.close());

  it('answers the contract query with IP, merchant and price', async () => {
    const res = await t.gql(SEARCH, { text: '宝莲灯T恤', first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.searchProducts.totalCount).toBe(1);
    expect(res.data?.searchProducts.edges[0].node).toEqual({
      id: ids['tee'],
      kind: 'MERCHANDISE',
      name: 'Lotus Lantern T-shirt',
      nameZh: '宝莲灯T恤',
      category: 'APPAREL',
      filmIp: { id: lotus.filmIpId, title: 'Lotus Lantern' },
      merchant: { id: lotus.merchant.organizationId, name: 'Xiangdi Art Center' },
      priceFrom: { amountMinor: 9900, currency: 'CNY' },
    });
  });

  describe('text', () => {
    it('finds Chinese substrings inside words written without spaces', async () => {
      expect(await names('宝莲灯')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('农场')).toEqual(['Farm cheese', 'Ranch filming tour']);
      expect(await names('剪纸')).toEqual(['Lantern paper-cut kit']);
      expect(await names('边城')).toEqual(['Farm cheese', 'Ranch filming tour']);
    });

    it("finds products by their IP's and merchant's names", async () => {
      expect(await names('Frontier Town')).toEqual(['Farm cheese', 'Ranch filming tour']);
      expect(await names('xiangdi')).toEqual(['Café Nights mug', 'Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
    });

    it('matches English case- and accent-insensitively, by prefix and despite a typo', async () => {
      expect(await names('LANTERN')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('cafe')).toEqual(['Café Nights mug']);
      expect(await names('Café')).toEqual(['Café Nights mug']);
      expect(await names('lant')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('lantren')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('cheeze')).toEqual(['Farm cheese']);
      expect(await names('submarine')).toEqual([]);
    });

    it('finds 2-character, single-character and mixed Chinese and English queries', async () => {
      expect(await names('宝莲')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('农场')).toEqual(['Farm cheese', 'Ranch filming tour']);
      expect(await names('灯')).toEqual(['Lantern paper-cut kit', 'Lotus Lantern T-shirt']);
      expect(await names('奶')).toEqual(['Farm cheese']);
      expect(await names('宝莲灯T')).toEqual(['Lotus Lantern T-shirt']);
      expect(await names('t恤')).toEqual(['Lotus Lantern T-shirt']);
      expect(await names('莲宝')).toEqual([]);
    });

    it('finds Chinese through the gram index on a few thousand documents, without a sequential scan', async () => {
      await t.sql('BEGIN');
      try {
        await t.sql(`
          INSERT INTO search_documents (product_id, kind, category, name, name_zh, film_ip_id, film_ip_title, film_ip_title_zh,
                                        studio_id, merchant_id, merchant_name, in_stock, published_at)
          SELECT gen_random_uuid(), 'MERCHANDISE', 'HOME', 'Generated item ' || i,
                 '商品' || chr(19968 + (i * 7919) % 20000) || chr(19968 + (i * 104729) % 20000) || chr(19968 + (i * 31) % 20000),
                 gen_random_uuid(), 'Film ' || i % 50, '电影' || chr(19968 + (i * 13) % 20000),
                 gen_random_uuid(), gen_random_uuid(), 'Merchant ' || i % 100, true, now()
            FROM generate_series(1, 4000) AS i`);
        await t.sql('ANALYZE search_documents');
        const plan = JSON.stringify(
          await t.sql(
            `EXPLAIN (FORMAT JSON) SELECT product_id FROM search_documents d
              WHERE d.zh_grams @> $1::text[] AND d.text_all LIKE search_fold('%' || $2::text || '%')`,
            [['宝莲'], '宝莲'],
          ),
        );
        expect(plan).toContain('search_documents_zh_grams');
        expect(plan).not.toMatch(/"Node Type":\s*"Seq Scan"/);
      } finally {
        await t.sql('ROLLBACK');
      }
    });

    it('ranks the product named after the query first', async () => {
      const res = await t.gql(SEARCH, { text: 'cheese', first: 5 });
      expect(res.data?.searchProducts.edges[0].node.id).toBe(ids['cheese']);
    });
  });

  describe('filters', () => {
    it.each([
      ['filmIpId', () => ({ filmIpId: lotus.filmIpId }), ['Lantern paper-cut kit', 'Lotus Lantern T-shirt']],
      ['studioId', () => ({ studioId: cafe.studio.organizationId }), ['Café Nights mug']],
      ['merchantId', () => ({ merchantId: frontier.merchant.organizationId }), ['Farm cheese', 'Ranch filming tour']],
      ['venueId', () => ({ venueId: ranchVenueId }), ['Ranch filming tour']],
      ['categories', () => ({ categories: ['CRAFT', 'FOOD'] }), ['Farm cheese', 'Lantern paper-cut kit']],
      ['kind', () => ({ kind: 'EXPERIENCE' }), ['Ranch filming tour']],
      [
        'price range',
        () => ({ minPriceMinor: 5000, maxPriceMinor: 10000 }),
        ['Café Nights mug', 'Lotus Lantern T-shirt', 'Ranch filming tour'],
      ],
      ['availableOn (a day with seats)', () => ({ availableOn: shanghaiDay(slotDay) }), ['Ranch filming tour']],
      [
        'availableOn (a day without slots)',
        () => ({ availableOn: shanghaiDay(new Date(slotDay.getTime() + 86_400_000)) }),
        [],
      ],
    ])('%s', async (_name, filter, expected) => {
      expect(await names(null, filter())).toEqual(expected);
    });

    it('combines text and filters', async () => {
      expect(await names('农场', { kind: 'MERCHANDISE' })).toEqual(['Farm cheese']);
    });
  });

  it('counts facets by category and by IP over all matches', async () => {
    const res = await t.gql(FACETS, { text: null, filter: {} });
    const facets = res.data?.searchProducts.facets;
    expect(res.data?.searchProducts.totalCount).toBe(5);
    expect(Object.fromEntries(facets.categories.map((c: any) => [c.category, c.count]))).toEqual({
      APPAREL: 1,
      CRAFT: 1,
      FOOD: 1,
      HOME: 1,
      TOUR: 1,
    });
    expect(Object.fromEntries(facets.filmIps.map((f: any) => [f.filmIp.title, f.count]))).toEqual({
      'Lotus Lantern': 2,
      'Frontier Town': 2,
      'Café Nights': 1,
    });
    const lotusOnly = await t.gql(FACETS, { text: '宝莲灯', filter: {} });
    expect(lotusOnly.data?.searchProducts.facets.filmIps).toEqual([
      { filmIp: { id: lotus.filmIpId, title: 'Lotus Lantern' }, count: 2 },
    ]);
  });

  it.each(['PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'RELEVANCE'])(
    'pages through %s two at a time without duplicates or gaps',
    async (sort) => {
      const text = sort === 'RELEVANCE' ? 'a' : null;
      const all = await t.gql(SEARCH_SORTED, { text, sort, first: 100 });
      const expected = all.data?.searchProducts.edges.map((e: any) => e.node.id);
      expect(expected.length).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page: any = await t.gql(SEARCH_SORTED, { text, sort, first: 2, after });
        expect(page.errors).toBeUndefined();
        expect(page.data.searchProducts.totalCount).toBe(expected.length);
        seen.push(...page.data.searchProducts.edges.map((e: any) => e.node.id));
        if (!page.data.searchProducts.pageInfo.hasNextPage) break;
        after = page.data.searchProducts.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
      const prices = all.data?.searchProducts.edges.map((e: any) => e.node.priceFrom.amountMinor);
      if (sort === 'PRICE_ASC') expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b));
      if (sort === 'PRICE_DESC') expect(prices).toEqual([...prices].sort((a: number, b: number) => b - a));
      if (sort === 'NEWEST') expect(all.data?.searchProducts.edges[0].node.id).toBe(ids['tour']);
    },
  );

  it('refuses a cursor from another sort order', async () => {
    const page = await t.gql(SEARCH_SORTED, { sort: 'PRICE_ASC', first: 1 });
    const res = await t.gql(SEARCH_SORTED, {
      sort: 'NEWEST',
      first: 1,
      after: page.data?.searchProducts.pageInfo.endCursor,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  describe('only published products under an active license', () => {
    it('never shows drafts or approved-but-unpublished designs', async () => {
      expect(await names('hoodie')).toEqual([]);
      expect(await names('keychain')).toEqual([]);
      expect(await names('钥匙扣')).toEqual([]);
    });

    it('drops a product when its license is suspended and keeps it out until the merchant republishes', async () => {
      const poster = await licensedMerchant(t, { studio: lotus.studio, title: 'Lotus Lantern', titleZh: '宝莲灯' });
      const p = await createMerchandise(t, poster, {
        name: 'Lotus Lantern poster',
        nameZh: '宝莲灯海报',
        category: 'STATIONERY',
      });
      await publish(poster, p.id);
      expect(await names('poster')).toEqual(['Lotus Lantern poster']);
      await setLicenseStatus(t, poster, LicenseStatus.SUSPENDED, 'Audit');
      expect(await names('poster')).toEqual([]);
      expect(await names('海报')).toEqual([]);
      await setLicenseStatus(t, poster, LicenseStatus.ACTIVE);
      expect(await names('poster')).toEqual([]);
      await ok(
        t.gql(contractOperation('PublishProduct'), { productId: p.id }, poster.merchant.token),
        'publishProduct',
      );
      expect(await names('poster')).toEqual(['Lotus Lantern poster']);
      await setLicenseStatus(t, poster, LicenseStatus.TERMINATED, 'Contract ended');
      expect(await names('poster')).toEqual([]);
    });

    it('drops a product when its license expires at the end of its term, without anyone reading it', async () => {
      const short = await licensedMerchant(t, {
        studio: lotus.studio,
        title: 'Lotus Lantern',
        titleZh: '宝莲灯',
        endsOn: dayOffset(t, 1),
      });
      const p = await createMerchandise(t, short, { name: 'Lantern sticker sheet', category: 'STATIONERY' });
      await publish(short, p.id);
      expect(await names('sticker')).toEqual(['Lantern sticker sheet']);
      const now = t.clock.now();
      t.clock.set(new Date(now.getTime() + 3 * 86_400_000));
      try {
        expect(await t.app.get(LicenseService).expireDueLicenses()).toBeGreaterThanOrEqual(1);
      } finally {
        t.clock.set(now);
      }
      expect(await names('sticker')).toEqual([]);
      expect(await t.sql(`SELECT status FROM products WHERE id = $1`, [p.id])).toEqual([{ status: 'SUSPENDED' }]);
    });

    it('drops an unpublished product and one sent back for approval by an edit', async () => {
      const l = await licensedMerchant(t, { studio: lotus.studio, merchant: lotus.merchant });
      const a = await createMerchandise(t, l, { name: 'Lantern tote bag', nameZh: '宝莲灯帆布袋', category: 'HOME' });
      const b = await createMerchandise(t, l, { name: 'Lantern scarf', nameZh: '宝莲灯围巾', category: 'APPAREL' });
      await publish(l, a.id);
      await publish(l, b.id);
      expect(await names('tote')).toEqual(['Lantern tote bag']);
      await ok(
        t.gql(`mutation($id: ID!) { unpublishProduct(productId: $id) { status } }`, { id: a.id }, l.merchant.token),
        'unpublishProduct',
      );
      expect(await names('tote')).toEqual([]);
      await ok(
        t.gql(
          `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { status } }`,
          { i: { productId: b.id, name: 'Lantern silk scarf' } },
          l.merchant.token,
        ),
        'updateProduct',
      );
      expect(await names('scarf')).toEqual([]);
    });
  });

  it('follows price, stock and slot changes', async () => {
    const l = await licensedMerchant(t, { studio: lotus.studio, merchant: lotus.merchant });
    const p = await createMerchandise(t, l, {
      name: 'Lantern enamel pin',
      category: 'COLLECTIBLE',
      prices: [1500],
      stock: 2,
    });
    await publish(l, p.id);
    const HIT = `query($text: String) { searchProducts(text: $text, first: 1) { edges { node { priceFrom { amountMinor } inStock availableDates } } } }`;
    const hit = async (text: string) => (await t.gql(HIT, { text })).data?.searchProducts.edges[0]?.node;
    expect(await hit('enamel pin')).toEqual({ priceFrom: { amountMinor: 1500 }, inStock: true, availableDates: [] });
    await ok(
      t.gql(
        `mutation($i: SetVariantPriceInput!) { setVariantPrice(input: $i) { id } }`,
        { i: { variantId: p.variants[0]!.id, price: { amountMinor: 1200, currency: 'CNY' } } },
        l.merchant.token,
      ),
      'setVariantPrice',
    );
    await ok(
      t.gql(
        `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { variant { stock } } }`,
        { i: { variantId: p.variants[0]!.id, reason: 'DAMAGE', quantity: 2 } },
        l.merchant.token,
      ),
      'adjustStock',
    );
    expect(await hit('enamel pin')).toEqual({ priceFrom: { amountMinor: 1200 }, inStock: false, availableDates: [] });
    expect(await names(null, { maxPriceMinor: 1300 })).toEqual(['Lantern enamel pin']);

    const later = new Date(slotDay.getTime() + 7 * 86_400_000);
    await addSlot(t, frontier, ids['tour']!, later, 4);
    expect(await names(null, { availableOn: shanghaiDay(later) })).toEqual(['Ranch filming tour']);
  });

  it('can answer text and date queries from indexes (sequential scans disabled to see the plan on a small table)', async () => {
    const explain = async (sql: string, params: unknown[]): Promise<string> => {
      await t.sql('BEGIN');
      try {
        await t.sql('SET LOCAL enable_seqscan = off');
        return JSON.stringify(await t.sql(`EXPLAIN ${sql}`, params));
      } finally {
        await t.sql('ROLLBACK');
      }
    };
    expect(
      await explain(
        `SELECT product_id FROM search_documents d WHERE d.text_all LIKE search_fold('%' || $1::text || '%')`,
        ['宝莲灯'],
      ),
    ).toContain('search_documents_text_all_trgm');
    expect(
      await explain(`SELECT product_id FROM search_documents d WHERE search_fold($1::text) <% d.text_en`, ['lantren']),
    ).toContain('search_documents_text_en_trgm');
    expect(
      await explain(`SELECT product_id FROM search_documents d WHERE d.tsv @@ to_tsquery('simple', $1::text)`, [
        'lant:*',
      ]),
    ).toContain('search_documents_tsv');
    expect(
      await explain(`SELECT product_id FROM search_documents d WHERE d.available_dates @> ARRAY[$1::date]`, [
        '2026-12-05',
      ]),
    ).toContain('search_documents_available_dates');
  });

  it('forgets days whose slots have passed when experiences are refreshed', async () => {
    const venue = await createVenue(t, frontier.merchant, 'Xinshe Ranch barn', '新社牧场谷仓');
    const exp = await createExperience(t, frontier, venue.id, { name: 'Barn dance night', nameZh: '谷仓舞会' });
    const soon = new Date(t.clock.now().getTime() + 2 * 86_400_000);
    await addSlot(t, frontier, exp.id, soon, 10);
    await publish(frontier, exp.id);
    expect(await names('barn dance', { availableOn: shanghaiDay(soon) })).toEqual(['Barn dance night']);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 3 * 86_400_000));
    try {
      expect(await t.app.get(SearchSync).refreshExperiences()).toBeGreaterThanOrEqual(2);
    } finally {
      t.clock.set(now);
    }
    expect(await names('barn dance', { availableOn: shanghaiDay(soon) })).toEqual([]);
    const hit = await t.gql(
      `query { searchProducts(text: "barn dance", first: 1) { edges { node { inStock availableDates } } } }`,
    );
    expect(hit.data?.searchProducts.edges[0].node).toEqual({ inStock: false, availableDates: [] });
  });

  it('rebuilds the index on demand (platform only) with the same results', async () => {
    const before = await t.gql(SEARCH_SORTED, { sort: 'PRICE_ASC', first: 100 });
    const merchant = lotus.merchant;
    expect(errorCode(await t.gql(`mutation { reindexSearch }`, {}, merchant.token))).toBe('FORBIDDEN');
    await t.sql(`DELETE FROM search_documents`);
    expect((await t.gql(SEARCH_SORTED, { sort: 'PRICE_ASC', first: 100 })).data?.searchProducts.totalCount).toBe(0);
    const admin = await platformAdmin(t);
    const reindexed = await t.gql(`mutation { reindexSearch }`, {}, admin.token);
    expect(reindexed.data?.reindexSearch).toBe(before.data?.searchProducts.totalCount);
    const after = await t.gql(SEARCH_SORTED, { sort: 'PRICE_ASC', first: 100 });
    expect(after.data?.searchProducts.edges.map((e: any) => e.node.id)).toEqual(
      before.data?.searchProducts.edges.map((e: any) => e.node.id),
    );
  });
});

function shanghaiDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
