import { ApiCluster, ApiProcess, startApiCluster } from './support/api-process';
import { approveAndPublish, createMerchandise, licensedMerchant, Licensed } from './support/catalog';
import { TestApp } from './support/test-app';

const PRODUCT = `query($id: ID!) { product(id: $id) { id filmIp { id title titleZh } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFilmIpInput!) { updateFilmIp(id: $id, input: $input) { id title } }`;
const LISTENERS = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN film_ips_changed'`;

interface Names {
  title: string;
  titleZh: string | null;
}

/**
 * Each API process keeps film IP names in memory (every product page shows them). Two processes on one database, as
 * two replicas: a rename through one must reach the other's memory, and a process that lost its notifications must
 * not go on answering from before.
 */
describe('film IP names cached per API process', () => {
  let cluster: ApiCluster;
  let a: ApiProcess;
  let b: ApiProcess;
  let viaA: TestApp;
  let licensed: Licensed;
  let productId: string;

  const namesVia = async (api: ApiProcess): Promise<Names> => {
    const res = await api.gql(PRODUCT, { id: productId });
    expect(res.errors).toBeUndefined();
    const { title, titleZh } = res.data?.product.filmIp as Names;
    return { title, titleZh };
  };
  /** Reads until the names are `expected` or the time is up; returns the last names read. */
  const eventually = async (api: ApiProcess, expected: Names, ms = 10_000): Promise<Names> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const names = await namesVia(api);
      if ((names.title === expected.title && names.titleZh === expected.titleZh) || Date.now() > deadline) return names;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** A write no process hears of (the trigger off for this one transaction), as if its notification were lost. */
  const renameUnheard = async (names: Names): Promise<void> => {
    await cluster.sql('BEGIN');
    await cluster.sql(`SET LOCAL session_replication_role = replica`);
    await cluster.sql(`UPDATE film_ips SET title = $1, title_zh = $2 WHERE id = $3`, [
      names.title,
      names.titleZh,
      licensed.filmIpId,
    ]);
    await cluster.sql('COMMIT');
  };

  beforeAll(async () => {
    cluster = await startApiCluster();
    [a, b] = await Promise.all([cluster.start('A'), cluster.start('B')]);
    viaA = cluster.client(a);
    licensed = await licensedMerchant(viaA, { title: 'Foggy Quay', titleZh: '雾码头' });
    productId = (await createMerchandise(viaA, licensed, { name: 'Rope bracelet', prices: [2900] })).id;
    await approveAndPublish(viaA, licensed, productId);
  });
  afterAll(() => cluster?.close());

  it('both processes listen from their start, and answer the names from memory once read', async () => {
    expect((await cluster.sql(LISTENERS)).length).toBe(2);
    expect(await namesVia(b)).toEqual({ title: 'Foggy Quay', titleZh: '雾码头' });
    // Unheard, the change stays unseen: B answers from its memory, not the database.
    await renameUnheard({ title: 'Unheard', titleZh: null });
    expect(await namesVia(b)).toEqual({ title: 'Foggy Quay', titleZh: '雾码头' });
    await renameUnheard({ title: 'Foggy Quay', titleZh: '雾码头' });
  });

  it('a rename through one process: the writer reads it at once, the other process as soon as the commit is heard', async () => {
    expect(await namesVia(a)).toEqual({ title: 'Foggy Quay', titleZh: '雾码头' });
    expect(await namesVia(b)).toEqual({ title: 'Foggy Quay', titleZh: '雾码头' });
    const renamed = await a.gql(
      UPDATE,
      { id: licensed.filmIpId, input: { title: 'Moonlit Harbour', titleZh: '月光港' } },
      licensed.studio.token,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await namesVia(a)).toEqual({ title: 'Moonlit Harbour', titleZh: '月光港' });
    expect(await eventually(b, { title: 'Moonlit Harbour', titleZh: '月光港' })).toEqual({
      title: 'Moonlit Harbour',
      titleZh: '月光港',
    });
  });

  it('a process whose listener was cut reads the database until it listens again, then caches again', async () => {
    expect(await namesVia(b)).toEqual({ title: 'Moonlit Harbour', titleZh: '月光港' });
    const cut = await cluster.sql(`SELECT pg_terminate_backend(pid) FROM (${LISTENERS}) l`);
    expect(cut.length).toBe(2);
    // Written while no one listens: no notification will ever say so.
    await renameUnheard({ title: 'Missed Notice', titleZh: null });
    expect(await eventually(b, { title: 'Missed Notice', titleZh: null })).toEqual({
      title: 'Missed Notice',
      titleZh: null,
    });

    // B's reads brought its listener back (A has read nothing since): changes are heard, and names cached, again.
    const deadline = Date.now() + 15_000;
    while ((await cluster.sql(LISTENERS)).length < 1 && Date.now() < deadline) {
      await namesVia(b);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await cluster.sql(LISTENERS)).length).toBeGreaterThanOrEqual(1);
    const renamed = await a.gql(
      UPDATE,
      { id: licensed.filmIpId, input: { title: 'Second Dawn', titleZh: '第二个黎明' } },
      licensed.studio.token,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await eventually(b, { title: 'Second Dawn', titleZh: '第二个黎明' })).toEqual({
      title: 'Second Dawn',
      titleZh: '第二个黎明',
    });
    await renameUnheard({ title: 'Unheard again', titleZh: null });
    expect(await namesVia(b)).toEqual({ title: 'Second Dawn', titleZh: '第二个黎明' });
  });
});
