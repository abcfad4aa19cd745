import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CacheSubscription } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { FilmIpRepository } from './film-ip.repository';
import { FilmIpSummaryCache } from './film-ip-summary-cache';

export interface FilmIpSummary {
  id: string;
  studioId: string;
  title: string;
  titleZh: string | null;
}

/**
 * What other contexts may know about film IP: who owns it and what it is called. Summaries come from the process's
 * cache while its listener hears `film_ips`' changes (started with the application, restarted by a read after a
 * loss); a read inside the caller's transaction always asks the database, so it sees that transaction's own writes.
 */
@Injectable()
export class FilmIpReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FilmIpReader.name);
  private readonly subscription: CacheSubscription;

  constructor(
    private readonly filmIps: FilmIpRepository,
    private readonly cache: FilmIpSummaryCache,
  ) {
    this.subscription = new CacheSubscription({
      name: 'Film IP cache',
      open: (lost) => this.filmIps.listenForChanges(() => this.cache.changed(), lost),
      onLive: (live) => this.cache.setLive(live),
      logger: this.logger,
    });
  }

  /** Listening before the first request, so the first product page already fills the cache. */
  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription.close();
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<FilmIpSummary[]> {
    if (ids.length === 0) return [];
    if (manager) return summaries(await this.filmIps.forManager(manager).summariesByIds(ids));
    if (!this.cache.isLive) this.subscription.ensure();
    const found: FilmIpSummary[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const summary = this.cache.get(id);
      if (summary) found.push(summary);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const generation = this.cache.begin();
    const read = summaries(await this.filmIps.summariesByIds(missing));
    this.cache.put(read, generation);
    return found.concat(read);
  }

  /** Ids of every film IP (each has a public page), in id order, at most `limit`. */
  allIds(limit: number): Promise<string[]> {
    return this.filmIps.ids(limit);
  }
}

/** The summary's fields only, frozen: the cache hands the same object to every caller. */
function summaries(rows: readonly FilmIpSummary[]): FilmIpSummary[] {
  return rows.map(({ id, studioId, title, titleZh }) => Object.freeze({ id, studioId, title, titleZh }));
}
