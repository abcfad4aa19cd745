import { ProductPageCache, withLiveCounts } from './product-page-cache';
import type { LiveCounts, ProductWithChildren } from './product-children.repository';
import { ProductEntity, ProductVariantEntity, TicketTypeEntity, TimeSlotEntity } from './product.entity';

const T0 = Date.parse('2026-03-01T00:00:00Z');

function page(id: string, slotStarts: number[] = []): ProductWithChildren {
  const product = Object.assign(new ProductEntity(), { id, name: id });
  const upcomingSlots = slotStarts.map((s) =>
    Object.assign(new TimeSlotEntity(), { id: `${id}-${s}`, startsAt: new Date(s) }),
  );
  return { product, children: { variants: [], ticketTypes: [], upcomingSlots, venue: null } };
}

/** A page with two variants (stock 10 and 5), a ticket type and two slots (capacity 20), nothing reserved or sold. */
function livePage(id: string, slotStart: number): ProductWithChildren {
  const base = page(id, [slotStart, slotStart + 3600_000]);
  const variants = ['v1', 'v2'].map((v, i) =>
    Object.assign(new ProductVariantEntity(), {
      id: v,
      sku: v,
      priceMinor: 100,
      stockOnHand: 10 - 5 * i,
      reserved: 0,
      sold: 0,
    }),
  );
  const upcomingSlots = base.children.upcomingSlots.map((s) =>
    Object.assign(s, { capacity: 20, reserved: 0, sold: 0 }),
  );
  const ticketTypes = [Object.assign(new TicketTypeEntity(), { id: 't1', name: 'Adult', priceMinor: 500 })];
  return { product: base.product, children: { variants, ticketTypes, upcomingSlots, venue: null } };
}

function countsOf(p: ProductWithChildren): LiveCounts {
  return {
    variants: p.children.variants.map(({ id, stockOnHand, reserved, sold }) => ({ id, stockOnHand, reserved, sold })),
    slots: p.children.upcomingSlots.map(({ id, capacity, reserved, sold }) => ({ id, capacity, reserved, sold })),
  };
}

describe('withLiveCounts', () => {
  it('replaces the stock and seat numbers in a copy, sharing everything else and changing nothing shared', () => {
    const before = livePage('a', T0 + 3600_000);
    const counts = countsOf(before);
    counts.variants[1] = { id: 'v2', stockOnHand: 5, reserved: 1, sold: 2 };
    counts.slots[0] = { id: before.children.upcomingSlots[0]!.id, capacity: 25, reserved: 3, sold: 4 };
    const after = withLiveCounts(before, counts) as ProductWithChildren;
    expect(after.children.variants[1]).toMatchObject({ id: 'v2', sku: 'v2', priceMinor: 100, reserved: 1, sold: 2 });
    expect(after.children.variants[1]).toBeInstanceOf(ProductVariantEntity);
    expect(after.children.upcomingSlots[0]).toMatchObject({ capacity: 25, reserved: 3, sold: 4 });
    expect(after.children.upcomingSlots[0]?.startsAt).toEqual(before.children.upcomingSlots[0]?.startsAt);
    // Rows whose numbers did not move, the product and the other children are the same objects.
    expect(after.children.variants[0]).toBe(before.children.variants[0]);
    expect(after.children.upcomingSlots[1]).toBe(before.children.upcomingSlots[1]);
    expect(after.product).toBe(before.product);
    expect(after.children.ticketTypes).toBe(before.children.ticketTypes);
    expect(before.children.variants[1]).toMatchObject({ reserved: 0, sold: 0 });
    expect(before.children.upcomingSlots[0]).toMatchObject({ capacity: 20, reserved: 0, sold: 0 });
  });

  it("gives up when the rows are not the page's: a variant added or gone, a slot gone", () => {
    const before = livePage('a', T0 + 3600_000);
    const added = countsOf(before);
    added.variants.push({ id: 'v3', stockOnHand: 1, reserved: 0, sold: 0 });
    expect(withLiveCounts(before, added)).toBeNull();
    const swapped = countsOf(before);
    swapped.variants[0] = { id: 'v9', stockOnHand: 1, reserved: 0, sold: 0 };
    expect(withLiveCounts(before, swapped)).toBeNull();
    const slotGone = countsOf(before);
    slotGone.slots.pop();
    expect(withLiveCounts(before, slotGone)).toBeNull();
  });
});

describe('ProductPageCache', () => {
  let appNow: number;
  let wallNow: number;
  const live = (maxEntries = 10): ProductPageCache => {
    const cache = new ProductPageCache(
      () => appNow,
      maxEntries,
      () => wallNow,
    );
    cache.setLive(true);
    return cache;
  };
  const fill = (cache: ProductPageCache, p: ProductWithChildren): void => cache.put(p, new Date(appNow), cache.begin());

  beforeEach(() => {
    appNow = T0;
    wallNow = 1_000_000;
  });

  it('keeps nothing while no listener is connected', () => {
    const cache = new ProductPageCache(
      () => appNow,
      10,
      () => wallNow,
    );
    cache.put(page('a'), new Date(appNow), cache.begin());
    expect(cache.get('a')).toBeUndefined();
    cache.setLive(true);
    fill(cache, page('a'));
    expect(cache.get('a')?.product.id).toBe('a');
    cache.setLive(false);
    expect(cache.get('a')).toBeUndefined();
  });

  it('hands out the same frozen page', () => {
    const cache = live();
    fill(cache, page('a', [T0 + 3600_000]));
    const got = cache.get('a') as ProductWithChildren;
    expect(cache.get('a')).toBe(got);
    expect(Object.isFrozen(got.product)).toBe(true);
    expect(Object.isFrozen(got.children.upcomingSlots)).toBe(true);
    expect(Object.isFrozen(got.children.upcomingSlots[0])).toBe(true);
  });

  it('drops the pages a notification names, or all without names, and what was read while it arrived', () => {
    const cache = live();
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.changed(['a']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    const generation = cache.begin();
    cache.changed(['x']);
    cache.put(page('c'), new Date(appNow), generation);
    expect(cache.get('c')).toBeUndefined();
    cache.changed();
    expect(cache.get('b')).toBeUndefined();
  });

  it('ends a page when its first slot starts or 60 s of application time have passed, and when time goes back', () => {
    const cache = live();
    fill(cache, page('slot', [T0 + 10_000, T0 + 50_000]));
    fill(cache, page('plain'));
    appNow = T0 + 9_999;
    wallNow += 500;
    expect(cache.get('slot')).toBeDefined();
    appNow = T0 + 10_000;
    expect(cache.get('slot')).toBeUndefined();
    appNow = T0 + 59_999;
    expect(cache.get('plain')).toBeDefined();
    appNow = T0 + 60_000;
    expect(cache.get('plain')).toBeUndefined();
    appNow = T0;
    fill(cache, page('back'));
    appNow = T0 - 1;
    expect(cache.get('back')).toBeUndefined();
  });

  it('keeps live numbers one second of real time, however the application clock stands', () => {
    const cache = live();
    fill(cache, page('a'));
    wallNow += 999;
    expect(cache.get('a')).toBeDefined();
    wallNow += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('after its own write, reads a product from the database until the notification or 2 s', () => {
    const cache = live();
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.ownWrite(['a', 'b']);
    expect(cache.get('a')).toBeUndefined();
    fill(cache, page('a'));
    expect(cache.get('a')).toBeUndefined();
    cache.changed(['a']); // heard: a's write is committed
    fill(cache, page('a'));
    expect(cache.get('a')).toBeDefined();
    fill(cache, page('b'));
    expect(cache.get('b')).toBeUndefined();
    wallNow += 2000;
    fill(cache, page('b'));
    expect(cache.get('b')).toBeDefined();
  });

  it('is bounded, dropping the least recently used first', () => {
    const cache = live(2);
    fill(cache, page('a'));
    fill(cache, page('b'));
    cache.get('a');
    fill(cache, page('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps a page whose live numbers are old, and takes it back with new ones read since', () => {
    const cache = live();
    const first = livePage('a', T0 + 3600_000);
    fill(cache, first);
    const kept = cache.get('a') as ProductWithChildren;
    wallNow += 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.lookup('a')).toEqual({ page: kept, live: false, due: true });
    const generation = cache.begin();
    const from = cache.liveReadStarts();
    const counts = countsOf(kept);
    counts.variants[0] = { ...counts.variants[0]!, sold: 4 };
    const next = withLiveCounts(kept, counts) as ProductWithChildren;
    wallNow += 50; // the statement's time counts against the second
    cache.refreshed(kept, next, generation, from);
    const got = cache.get('a') as ProductWithChildren;
    expect(got.children.variants[0]?.sold).toBe(4);
    expect(Object.isFrozen(got.children.variants)).toBe(true);
    expect(Object.isFrozen(got.children.variants[0])).toBe(true);
    expect(kept.children.variants[0]?.sold).toBe(0);
    wallNow += 699;
    expect(cache.lookup('a')).toMatchObject({ live: true, due: false });
    wallNow += 1;
    expect(cache.lookup('a')).toMatchObject({ live: true, due: true });
    wallNow += 249;
    expect(cache.lookup('a')?.live).toBe(true);
    wallNow += 1;
    expect(cache.lookup('a')?.live).toBe(false);
  });

  it('drops new live numbers when the page changed or was written meanwhile', () => {
    const cache = live();
    fill(cache, livePage('a', T0 + 3600_000));
    fill(cache, livePage('b', T0 + 3600_000));
    wallNow += 1000;
    const refresh = (id: string, during: () => void): void => {
      const kept = cache.lookup(id)?.page as ProductWithChildren;
      const generation = cache.begin();
      const from = cache.liveReadStarts();
      during();
      cache.refreshed(kept, withLiveCounts(kept, countsOf(kept)) as ProductWithChildren, generation, from);
    };
    refresh('a', () => cache.changed(['x']));
    expect(cache.lookup('a')?.live).toBe(false);
    refresh('a', () => cache.ownWrite(['a']));
    expect(cache.lookup('a')).toBeUndefined();
    refresh('b', () => fill(cache, livePage('b', T0 + 3600_000)));
    // The page put meanwhile stays, with its own second.
    wallNow += 999;
    expect(cache.lookup('b')?.live).toBe(true);
  });
});
