import { SettableClock } from '@chedun/kernel';
import type { LiveCounts, ProductChildrenRepository, ProductWithChildren } from './product-children.repository';
import { ProductPageCache } from './product-page-cache';
import { ProductPageReader } from './product-page.reader';
import { ProductEntity, ProductVariantEntity } from './product.entity';
import { ProductStatus } from './product-status';

const T0 = new Date('2026-03-01T00:00:00Z');

function published(id: string, variantIds: string[]): ProductWithChildren {
  const product = Object.assign(new ProductEntity(), { id, status: ProductStatus.PUBLISHED });
  const variants = variantIds.map((v) =>
    Object.assign(new ProductVariantEntity(), { id: v, stockOnHand: 10, reserved: 0, sold: 0 }),
  );
  return { product, children: { variants, ticketTypes: [], upcomingSlots: [], venue: null } };
}

/** The repository's two reads, counted; live counts answer when the test says so. */
class FakeChildren {
  pages = 0;
  liveReads = 0;
  page: ProductWithChildren = published('p', ['v1']);
  counts: LiveCounts = { variants: [{ id: 'v1', stockOnHand: 10, reserved: 0, sold: 0 }], slots: [] };
  private release: (() => void)[] = [];

  findWithChildren(): Promise<ProductWithChildren> {
    this.pages++;
    return Promise.resolve(this.page);
  }

  liveCountsOf(): Promise<LiveCounts> {
    this.liveReads++;
    const counts = this.counts;
    return new Promise((resolve) => this.release.push(() => resolve(counts)));
  }

  answerLiveReads(): void {
    for (const r of this.release.splice(0)) r();
  }
}

describe('ProductPageReader', () => {
  let wallNow: number;
  let repo: FakeChildren;
  let cache: ProductPageCache;
  let reader: ProductPageReader;

  beforeEach(() => {
    wallNow = 1_000_000;
    const clock = new SettableClock(T0);
    repo = new FakeChildren();
    cache = new ProductPageCache(
      () => clock.now().getTime(),
      10,
      () => wallNow,
    );
    cache.setLive(true);
    reader = new ProductPageReader(repo as unknown as ProductChildrenRepository, cache, clock);
  });

  it('reads a page once, then answers from memory until its live numbers are a second old', async () => {
    await reader.find('p');
    const kept = await reader.find('p');
    expect(await reader.find('p')).toBe(kept);
    expect([repo.pages, repo.liveReads]).toEqual([1, 0]);
  });

  it('refreshes only the live numbers once a second has passed, with one statement for concurrent readers', async () => {
    const first = (await reader.find('p')) as ProductWithChildren;
    wallNow += 1000;
    repo.counts = { variants: [{ id: 'v1', stockOnHand: 10, reserved: 1, sold: 3 }], slots: [] };
    const readers = [reader.find('p'), reader.find('p'), reader.find('p')];
    await Promise.resolve();
    repo.answerLiveReads();
    const pages = await Promise.all(readers);
    expect([repo.pages, repo.liveReads]).toEqual([1, 1]);
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
    expect(pages[0]?.children.variants[0]).toMatchObject({ id: 'v1', stockOnHand: 10, reserved: 1, sold: 3 });
    expect(pages[0]?.product).toBe(first.product);
    expect(first.children.variants[0]).toMatchObject({ reserved: 0, sold: 0 });
    // Kept: the next reads within the second cost nothing, and a later one refreshes again.
    expect(await reader.find('p')).toBe(pages[0]);
    wallNow += 1000;
    const again = reader.find('p');
    await Promise.resolve();
    repo.answerLiveReads();
    await again;
    expect([repo.pages, repo.liveReads]).toEqual([1, 2]);
  });

  it("reads the whole page when the refreshed rows are not the page's (a variant added, not yet heard)", async () => {
    await reader.find('p');
    wallNow += 1000;
    repo.counts = {
      variants: [
        { id: 'v1', stockOnHand: 10, reserved: 0, sold: 0 },
        { id: 'v2', stockOnHand: 4, reserved: 0, sold: 0 },
      ],
      slots: [],
    };
    repo.page = published('p', ['v1', 'v2']);
    const found = reader.find('p');
    await Promise.resolve();
    repo.answerLiveReads();
    expect((await found)?.children.variants.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect([repo.pages, repo.liveReads]).toEqual([2, 1]);
  });

  it('after its own write reads the whole page, not joining a refresh', async () => {
    await reader.find('p');
    wallNow += 1000;
    const refreshing = reader.find('p');
    cache.ownWrite(['p']);
    await reader.find('p');
    repo.answerLiveReads();
    await refreshing;
    expect([repo.pages, repo.liveReads]).toEqual([2, 1]);
  });

  it('in the last quarter of the second answers from memory and refreshes in the background, once', async () => {
    await reader.find('p');
    const kept = await reader.find('p');
    wallNow += 749;
    expect(await reader.find('p')).toBe(kept);
    expect(repo.liveReads).toBe(0);
    wallNow += 1;
    repo.counts = { variants: [{ id: 'v1', stockOnHand: 10, reserved: 0, sold: 6 }], slots: [] };
    expect(await reader.find('p')).toBe(kept);
    expect(await reader.find('p')).toBe(kept);
    expect(repo.liveReads).toBe(1);
    repo.answerLiveReads();
    await new Promise((r) => setImmediate(r));
    // The next request, past the first second, is answered from memory with the numbers read meanwhile.
    wallNow += 300;
    expect((await reader.find('p'))?.children.variants[0]?.sold).toBe(6);
    expect([repo.pages, repo.liveReads]).toEqual([1, 1]);
  });
});
