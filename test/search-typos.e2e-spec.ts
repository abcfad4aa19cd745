import { randomUUID } from 'node:crypto';
import { PostgresSearchIndex, SearchDocument, SearchDocumentRepository, SearchSort } from '@chedun/search';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Typos are corrected against the catalog's vocabulary (search_words, kept by triggers on search_documents): a
 * query word of 5+ letters may be one edit away from a catalog word (two from 9 letters), a swap of neighbours
 * counting as one. Each misspelling below must be corrected to exactly that word, and the search must find it.
 */
const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['lantren', 'lantern'],
  ['lanern', 'lantern'],
  ['cheeze', 'cheese'],
  ['mooncak', 'mooncake'],
  ['mooncakke', 'mooncake'],
  ['keychian', 'keychain'],
  ['postcrad', 'postcard'],
  ['notebok', 'notebook'],
  ['figurnie', 'figurine'],
  ['starlihgt', 'starlight'],
  ['chronicels', 'chronicles'],
  ['cronicles', 'chronicles'],
  ['chronciels', 'chronicles'],
  ['memores', 'memories'],
  ['romanse', 'romance'],
  ['secrest', 'secrets'],
  ['legnd', 'legend'],
  ['retruns', 'returns'],
  ['orgins', 'origins'],
  ['clasic', 'classic'],
  ['limted', 'limited'],
  ['deluxx', 'deluxe'],
  ['vintgae', 'vintage'],
  ['signd', 'signed'],
  ['collecter', 'collector'],
  ['workshp', 'workshop'],
  ['screenign', 'screening'],
  ['costum', 'costume'],
  ['galery', 'gallery'],
  ['songjaing', 'songjiang'],
  ['shesahn', 'sheshan'],
  ['huatnig', 'huating'],
  ['xiangid', 'xiangdi'],
  ['chedum', 'chedun'],
  ['maogagn', 'maogang'],
  ['badeg', 'badge'],
  ['postre', 'poster'],
  ['mulna', 'mulan'],
  ['mokney', 'monkey'],
  ['jaingnan', 'jiangnan'],
  ['changna', 'changan'],
  ['voyaeg', 'voyage'],
  ['chamebr', 'chamber'],
  ['mountian', 'mountain'],
  ['haeven', 'heaven'],
  ['draem', 'dream'],
  ['peonny', 'peony'],
  ['rnach', 'ranch'],
  ['glroy', 'glory'],
  ['Figurinne', 'figurine'],
];

/** Names and descriptions that put every corrected word (and a few near neighbours that must not be chosen) in the catalog. */
const TEXTS: readonly (readonly [string, string])[] = [
  ['Lotus Lantern Mooncake', 'A keychain, a postcard and a notebook from the film'],
  ['Starlight Chronicles Figurine', 'Memories, romance and secrets of the legend'],
  ['Monkey King Returns poster', 'Origins of the classic, limited deluxe vintage edition, signed by the cast'],
  ['Collector badge', 'From the costume workshop and the night screening at the gallery'],
  ['Farm cheese', 'Made at the ranch in Songjiang, Sheshan, Huating and Xiangdi by Chedun'],
  ['Maogang tea set', 'Mulan, Jiangnan and Changan: a voyage to the red chamber'],
  ['Mountain Sea mug', 'Heaven Book, Cloud Dream, Peony Glory'],
  ['Lanterns and lanes', 'Near neighbours: lanes, cheeses, posters, monkeys'],
];

describe('search typo corrections (vocabulary of the catalog)', () => {
  let t: TestApp;
  let index: PostgresSearchIndex;
  const docs: SearchDocument[] = TEXTS.map(([name, description], i) => ({
    productId: randomUUID(),
    kind: 'MERCHANDISE' as SearchDocument['kind'],
    category: 'HOME' as SearchDocument['category'],
    name,
    nameZh: null,
    description,
    descriptionZh: null,
    filmIpId: randomUUID(),
    filmIpTitle: 'Typo Film',
    filmIpTitleZh: null,
    studioId: randomUUID(),
    merchantId: randomUUID(),
    merchantName: 'Typo Shop',
    merchantNameZh: null,
    venueId: null,
    priceFromMinor: 1000 + i,
    currency: 'CNY',
    inStock: true,
    availableDates: [],
    publishedAt: new Date('2026-11-01T00:00:00Z'),
  }));
  const corrections = async (word: string): Promise<string[]> => {
    const [row] = await t.sql(`SELECT search_text_query(ARRAY[$1::text])::text AS q`, [word]);
    // "'lantren':* | 'lantern'": the prefix is the word as typed, the rest are its corrections.
    return [...String(row.q).matchAll(/'([^']+)'(:\*)?/g)]
      .filter((m) => !m[2])
      .map((m) => m[1] as string)
      .sort();
  };

  beforeAll(async () => {
    t = await startTestApp();
    index = new PostgresSearchIndex(t.app.get(SearchDocumentRepository));
    await index.upsert(docs);
  });
  afterAll(() => t.close());

  it('covers 50 misspellings', () => {
    expect(MISSPELLINGS).toHaveLength(50);
    expect(new Set(MISSPELLINGS.map(([typo]) => typo)).size).toBe(50);
  });

  it.each(MISSPELLINGS)('corrects %s to %s', async (typo, word) => {
    expect(await corrections(typo)).toEqual([word]);
  });

  it('finds the documents of the corrected word for every misspelling', async () => {
    for (const [typo, word] of MISSPELLINGS) {
      const page = await index.search({ text: typo, sort: SearchSort.RELEVANCE, first: 10 });
      const texts = page.hits.map((h) => `${h.document.name} ${h.document.description}`.toLowerCase());
      expect({ typo, found: texts.length > 0 && texts.every((x) => x.includes(word)) }).toEqual({ typo, found: true });
    }
  });

  it('corrects nothing in words under 5 letters, or beyond the budget', async () => {
    expect(await corrections('mgu')).toEqual([]);
    expect(await corrections('lnat')).toEqual([]);
    expect(await corrections('latnren')).toEqual([]);
    expect(await corrections('submarine')).toEqual([]);
  });

  it('keeps the vocabulary in step with the documents, writing no word when only the price changes', async () => {
    const words = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await t.sql(`SELECT word, documents FROM search_words WHERE word IN ('zeppelin', 'lantern')`)).map((r) => [
          String(r['word']),
          Number(r['documents']),
        ]),
      );
    const zeppelin = { ...docs[0]!, productId: randomUUID(), name: 'Zeppelin lantern', description: null };
    expect(await corrections('zepelin')).toEqual([]);
    await index.upsert([zeppelin]);
    expect(await words()).toEqual({ zeppelin: 1, lantern: 2 });
    expect(await corrections('zepelin')).toEqual(['zeppelin']);
    const xmin = async (): Promise<string> =>
      String((await t.sql(`SELECT xmin::text AS x FROM search_words WHERE word = 'zeppelin'`))[0]?.['x']);
    const before = await xmin();
    await index.upsert([{ ...zeppelin, priceFromMinor: 1 }]);
    expect(await xmin()).toBe(before);
    await index.upsert([{ ...zeppelin, name: 'Airship lantern' }]);
    expect(await words()).toEqual({ lantern: 2 });
    expect(await corrections('zepelin')).toEqual([]);
    await index.remove([zeppelin.productId]);
    expect(await words()).toEqual({ lantern: 1 });
    expect(await corrections('lantren')).toEqual(['lantern']);
  });
});

describe('search result cache (per API process)', () => {
  let t: TestApp;
  const SEARCH = `query($text: String) { searchProducts(text: $text, first: 5) { totalCount edges { node { name priceFrom { amountMinor } } } } }`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('forgets an answer when another connection changes a document (notification at commit)', async () => {
    const id = randomUUID();
    await t.sql(
      `INSERT INTO search_documents (product_id, kind, category, name, film_ip_id, film_ip_title, studio_id, merchant_id, merchant_name,
                                     price_from_minor, in_stock, published_at)
       VALUES ($1, 'MERCHANDISE', 'HOME', 'Cached kite', gen_random_uuid(), 'Kite Film', gen_random_uuid(), gen_random_uuid(), 'Kite Shop', 500, true, now())`,
      [id],
    );
    const price = async (): Promise<unknown> =>
      (await t.gql(SEARCH, { text: 'kite' })).data?.searchProducts.edges[0]?.node.priceFrom.amountMinor;
    // The listener connects on the first search; answers are kept once it listens.
    await price();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await price()).toBe(500);
    // A write that fires no trigger (replica role) sends no notification: the answer still comes from the cache.
    await t.sql('BEGIN');
    await t.sql(`SET LOCAL session_replication_role = replica`);
    await t.sql(`UPDATE search_documents SET price_from_minor = 600 WHERE product_id = $1`, [id]);
    await t.sql('COMMIT');
    expect(await price()).toBe(500);
    await t.sql(`UPDATE search_documents SET price_from_minor = 700 WHERE product_id = $1`, [id]);
    await waitFor(async () => (await price()) === 700);
    await t.sql(`DELETE FROM search_documents WHERE product_id = $1`, [id]);
    await waitFor(async () => (await t.gql(SEARCH, { text: 'kite' })).data?.searchProducts.totalCount === 0);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
