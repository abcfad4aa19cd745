import { SearchPage, SearchQuery } from './search-index.port';

const DEFAULT_ENTRIES = 500;
/**
 * After this process writes documents, how long it answers every search from the database. Its own write's
 * notification arrives after the commit, a moment later; until then a search (the writer's next request, say)
 * must not be answered from before the write.
 */
const OWN_WRITE_BYPASS_MS = 2000;

/**
 * Answers to recent searches, per process. Any change a search could see empties it: the index's trigger sends
 * `search_documents_changed` in the writer's transaction (delivered at commit) and the adapter's listener calls
 * `changed()`. An answer computed while a change was arriving is not kept: `begin()` returns the generation the
 * answer belongs to and `put` drops it if the cache was emptied meanwhile.
 */
export class SearchResultCache {
  private readonly entries = new Map<string, SearchPage>();
  private generation = 0;
  private bypassUntil = 0;
  /** False while no listener is connected: without notifications nothing cached could be trusted. */
  private live = false;

  constructor(
    private readonly maxEntries = DEFAULT_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  static key(query: SearchQuery): string {
    const f = query.filter ?? {};
    const filter = Object.keys(f)
      .sort()
      .map((k) => [k, f[k as keyof typeof f]] as const)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]);
    return JSON.stringify([query.text?.trim() ?? '', filter, query.sort, query.first, query.after ?? null]);
  }

  get(key: string): SearchPage | undefined {
    if (!this.usable()) return undefined;
    const page = this.entries.get(key);
    if (page) {
      // Most recently used last, so the oldest entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, page);
    }
    return page;
  }

  /** The generation an answer computed from now on belongs to. */
  begin(): number {
    return this.generation;
  }

  put(key: string, page: SearchPage, generation: number): void {
    if (generation !== this.generation || !this.usable()) return;
    this.entries.set(key, page);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A committed change reached this process (or the listener reconnected and may have missed some). */
  changed(): void {
    this.generation++;
    this.entries.clear();
  }

  /** This process is writing documents: forget everything, and keep nothing until its notification has surely arrived. */
  ownWrite(): void {
    this.changed();
    this.bypassUntil = this.now() + OWN_WRITE_BYPASS_MS;
  }

  setLive(live: boolean): void {
    this.changed();
    this.live = live;
  }

  get size(): number {
    return this.entries.size;
  }

  private usable(): boolean {
    return this.live && this.now() >= this.bypassUntil;
  }
}
