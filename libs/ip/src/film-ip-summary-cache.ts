import type { FilmIpSummary } from './film-ip.reader';

/** Far above the IPs a marketplace has (the bench's has 200); only a bound on memory, not a working-set guess. */
const DEFAULT_ENTRIES = 5000;

/**
 * Film IP summaries (owner and names), per process. They are the same for every viewer, and every product page,
 * merchant list and sale asks for them, so after the first read they cost no statement. Any committed change to
 * `film_ips` empties it: the table's trigger sends `film_ips_changed` at commit and the reader's listener calls
 * `changed()`; the process that wrote also calls it right after its own commit, so its next read is fresh without
 * waiting for the notification. Rows read while a change was arriving are not kept: `begin()` returns the
 * generation a read belongs to and `put` drops it if the cache was emptied meanwhile.
 */
export class FilmIpSummaryCache {
  private readonly entries = new Map<string, FilmIpSummary>();
  private generation = 0;
  /** False while no listener is connected: without notifications nothing cached could be trusted. */
  private live = false;

  constructor(private readonly maxEntries = DEFAULT_ENTRIES) {}

  get(id: string): FilmIpSummary | undefined {
    if (!this.live) return undefined;
    const summary = this.entries.get(id);
    if (summary) {
      // Most recently used last, so the oldest entry is the first to go.
      this.entries.delete(id);
      this.entries.set(id, summary);
    }
    return summary;
  }

  /** The generation rows read from now on belong to. */
  begin(): number {
    return this.generation;
  }

  put(summaries: readonly FilmIpSummary[], generation: number): void {
    if (generation !== this.generation || !this.live) return;
    for (const summary of summaries) {
      this.entries.delete(summary.id);
      this.entries.set(summary.id, summary);
    }
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A change was committed (here or in another process), or the listener reconnected and may have missed some. */
  changed(): void {
    this.generation++;
    this.entries.clear();
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
}
