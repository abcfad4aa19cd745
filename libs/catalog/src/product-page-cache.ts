import type { LiveCounts, ProductWithChildren } from './product-children.repository';
import { ProductVariantEntity, TimeSlotEntity } from './product.entity';

/** Far above the products a shop's hot set has (the bench's is 200); only a bound on memory. */
const DEFAULT_ENTRIES = 2000;
/**
 * How long a page is kept at most, by the application's clock: its slots are those of the 30 days from when it was
 * read, and that window moves. A slot leaving the window (it started) ends the entry at once; one entering it at the
 * far end is shown at most this late.
 */
const WINDOW_TTL_MS = 60_000;
/**
 * How long, in real time, a page's stock and seats may be shown from memory. Checkout moves them without notifying
 * (a notifying commit takes a database-wide lock: see migration 1765000003501), so another process's purchase is
 * seen at most this late; this process's own are seen at once (`ownWrite`). Checkout checks the real numbers.
 */
const LIVE_TTL_MS = 1000;
/**
 * A page read in the last this-much of its live numbers' second has them read again in the background (the request
 * is answered from memory): a page read often then never makes a request wait for its stock and seats.
 */
const REFRESH_AHEAD_MS = 250;
/**
 * After this process writes a product, how long its page is read from the database, unless the write's notification
 * (which arrives after its commit, a moment later) ends it sooner; until then a read must not be answered (or
 * refilled) from before the write. Counter moves (checkout) notify no one and wait it out.
 */
const OWN_WRITE_BYPASS_MS = 2000;

interface Entry {
  page: ProductWithChildren;
  /** Application time: the page's window started here and holds until `windowEnds`. */
  readAt: number;
  windowEnds: number;
  /** Real time after which the live numbers are too old. */
  liveUntil: number;
}

/**
 * Product pages (what ProductChildrenRepository.findWithChildren returns), per process: the same for every viewer,
 * so the caller applies visibility per request. Any committed change a page shows reaches it through
 * `product_pages_changed` (the listener calls `changed(ids)`, or `changed()` for all); the writing process also calls
 * `ownWrite(ids)` when it writes, so its own next read is fresh without waiting for the notification. A page read
 * while a change was arriving is not kept: `begin()` returns the generation it belongs to and `put` drops it if
 * anything was invalidated meanwhile. Pages are handed out shared and frozen: callers must not change them.
 */
export class ProductPageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly bypass = new Map<string, number>();
  private generation = 0;
  /** False while no listener is connected: without notifications nothing cached could be trusted. */
  private live = false;

  constructor(
    /** The application's clock (the slot window's time), in ms. */
    private readonly now: () => number,
    private readonly maxEntries = DEFAULT_ENTRIES,
    /** Real time, for how fresh live numbers and own writes are. */
    private readonly wallNow: () => number = Date.now,
  ) {}

  /** The page, when it and its live numbers are fresh. */
  get(id: string): ProductWithChildren | undefined {
    const found = this.lookup(id);
    return found?.live ? found.page : undefined;
  }

  /**
   * The page while it is valid, and whether its live numbers (stock and seats) are still fresh. A page whose live
   * numbers are old is kept: its static part is still current (a change to it would have been heard), so only the
   * numbers need reading again (`refreshed`); `due` when they are still fresh but about to expire.
   */
  lookup(id: string): { page: ProductWithChildren; live: boolean; due: boolean } | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const now = this.now();
    if (now < entry.readAt || now >= entry.windowEnds || this.bypassed(id)) {
      this.entries.delete(id);
      return undefined;
    }
    // Most recently used last, so the oldest entry is the first to go.
    this.entries.delete(id);
    this.entries.set(id, entry);
    const wallNow = this.wallNow();
    return {
      page: entry.page,
      live: wallNow < entry.liveUntil,
      due: wallNow >= entry.liveUntil - REFRESH_AHEAD_MS,
    };
  }

  /** Real time now, taken before live numbers are read: they are fresh for a second from when the read began. */
  liveReadStarts(): number {
    return this.wallNow();
  }

  /**
   * Replaces `previous` (a kept page) by `next`, the same page with live numbers read from real time `readFrom`,
   * unless the entry has since changed or gone, or anything was invalidated since `generation`. Returns the page to
   * hand out (the kept one when kept).
   */
  refreshed(
    previous: ProductWithChildren,
    next: ProductWithChildren,
    generation: number,
    readFrom: number,
  ): ProductWithChildren {
    const id = previous.product.id;
    const entry = this.entries.get(id);
    if (!entry || entry.page !== previous || generation !== this.generation || !this.live || this.bypassed(id))
      return next;
    const page = freeze(next);
    this.entries.set(id, { ...entry, page, liveUntil: readFrom + LIVE_TTL_MS });
    return page;
  }

  /** The generation a page read from now on belongs to. */
  begin(): number {
    return this.generation;
  }

  /** Keeps a page read at application time `readAt` (the `now` its slot window started from). */
  put(page: ProductWithChildren, readAt: Date, generation: number): void {
    const id = page.product.id;
    if (generation !== this.generation || !this.live || this.bypassed(id)) return;
    const start = readAt.getTime();
    // Slots come in start order: the first to start is the first to leave the window.
    const firstStart = page.children.upcomingSlots[0]?.startsAt.getTime() ?? Infinity;
    this.entries.delete(id);
    this.entries.set(id, {
      page: freeze(page),
      readAt: start,
      windowEnds: Math.min(start + WINDOW_TTL_MS, firstStart),
      liveUntil: this.wallNow() + LIVE_TTL_MS,
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A committed change to these products reached this process; without ids, to any (or a reconnected listener). */
  changed(productIds?: readonly string[]): void {
    this.generation++;
    if (productIds === undefined) this.entries.clear();
    else
      for (const id of productIds) {
        this.entries.delete(id);
        // The change was committed and heard: what is read from now on may be kept.
        this.bypass.delete(id);
      }
  }

  /** This process is writing these products: forget them, and keep none until the notification has surely arrived. */
  ownWrite(productIds: readonly string[]): void {
    if (productIds.length === 0) return;
    // No new generation: the bypass already keeps pages of these products that are being read from being kept.
    const now = this.wallNow();
    const until = now + OWN_WRITE_BYPASS_MS;
    for (const id of productIds) {
      this.entries.delete(id);
      // Re-inserted, so the map stays in expiry order and the expired are pruned from its front.
      this.bypass.delete(id);
      this.bypass.set(id, until);
    }
    for (const [id, expires] of this.bypass) {
      if (expires > now) break;
      this.bypass.delete(id);
    }
  }

  setLive(live: boolean): void {
    this.changed();
    this.live = live;
  }

  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  private bypassed(id: string): boolean {
    const until = this.bypass.get(id);
    if (until === undefined) return false;
    if (this.wallNow() < until) return true;
    this.bypass.delete(id);
    return false;
  }
}

/** Shared between requests: any change by a caller would show on every other's page. */
function freeze(page: ProductWithChildren): ProductWithChildren {
  const { product, children } = page;
  Object.freeze(product);
  for (const list of [children.variants, children.ticketTypes, children.upcomingSlots]) {
    list.forEach((row) => Object.freeze(row));
    Object.freeze(list);
  }
  if (children.venue) Object.freeze(children.venue);
  return Object.freeze({ product, children: Object.freeze(children) });
}

/**
 * A copy of `page` with the live numbers `counts` (every variant of the product, and the page's slots): the rest is
 * shared with `page`, which is not changed. Null when the rows differ from the page's (a variant added or removed,
 * a slot gone): the page changed and its notification has not arrived yet, so it must be read whole.
 */
export function withLiveCounts(page: ProductWithChildren, counts: LiveCounts): ProductWithChildren | null {
  const { variants, upcomingSlots } = page.children;
  if (counts.variants.length !== variants.length || counts.slots.length !== upcomingSlots.length) return null;
  const variantCounts = new Map(counts.variants.map((c) => [c.id, c]));
  const slotCounts = new Map(counts.slots.map((c) => [c.id, c]));
  const nextVariants: ProductVariantEntity[] = [];
  for (const v of variants) {
    const c = variantCounts.get(v.id);
    if (!c) return null;
    nextVariants.push(
      c.stockOnHand === v.stockOnHand && c.reserved === v.reserved && c.sold === v.sold
        ? v
        : Object.assign(new ProductVariantEntity(), v, {
            stockOnHand: c.stockOnHand,
            reserved: c.reserved,
            sold: c.sold,
          }),
    );
  }
  const nextSlots: TimeSlotEntity[] = [];
  for (const s of upcomingSlots) {
    const c = slotCounts.get(s.id);
    if (!c) return null;
    nextSlots.push(
      c.capacity === s.capacity && c.reserved === s.reserved && c.sold === s.sold
        ? s
        : Object.assign(new TimeSlotEntity(), s, { capacity: c.capacity, reserved: c.reserved, sold: c.sold }),
    );
  }
  return {
    product: page.product,
    children: { ...page.children, variants: nextVariants, upcomingSlots: nextSlots },
  };
}
