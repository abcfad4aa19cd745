import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { NotificationListener } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { FilmIpRepository } from './film-ip.repository';
import { FilmIpSummaryCache } from './film-ip-summary-cache';

export interface FilmIpSummary {
  id: string;
  studioId: string;
  title: string;
  titleZh: string | null;
}

/** After a failed or lost listener, how long before the next read tries to connect again. */
const RECONNECT_EVERY_MS = 5000;

/**
 * What other contexts may know about film IP: who owns it and what it is called. Summaries come from the process's
 * cache while its listener hears `film_ips`' changes (started with the application, restarted by a read after a
 * loss); a read inside the caller's transaction always asks the database, so it sees that transaction's own writes.
 */
@Injectable()
export class FilmIpReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FilmIpReader.name);
  private listener: NotificationListener | null = null;
  private connecting: Promise<void> | null = null;
  private lastAttempt = 0;
  private closed = false;

  constructor(
    private readonly filmIps: FilmIpRepository,
    private readonly cache: FilmIpSummaryCache,
  ) {}

  /** Listening before the first request, so the first product page already fills the cache. */
  async onApplicationBootstrap(): Promise<void> {
    this.listen();
    await this.connecting;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    this.cache.setLive(false);
    await listener?.close().catch(() => undefined);
  }

  async findByIds(ids: readonly string[], manager?: EntityManager): Promise<FilmIpSummary[]> {
    if (ids.length === 0) return [];
    if (manager) return summaries(await this.filmIps.forManager(manager).summariesByIds(ids));
    if (!this.cache.isLive) this.listen();
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

  /** Starts (or, after a failure, restarts at most every few seconds) the listener; reads never wait for it. */
  private listen(): void {
    if (this.listener || this.connecting || this.closed || Date.now() - this.lastAttempt < RECONNECT_EVERY_MS) return;
    this.lastAttempt = Date.now();
    let started: NotificationListener | null = null;
    const lost = (error?: Error): void => {
      if (!started || this.listener !== started) return;
      this.listener = null;
      this.cache.setLive(false);
      if (!this.closed)
        this.logger.warn(`Film IP cache off until its listener reconnects: ${error?.message ?? 'connection ended'}`);
      started.close().catch(() => undefined);
    };
    this.connecting = (async () => {
      try {
        started = await this.filmIps.listenForChanges(() => this.cache.changed(), lost);
        if (this.closed) {
          await started.close();
          return;
        }
        this.listener = started;
        // Whatever changed before LISTEN took effect was never cached: the cache starts empty.
        this.cache.setLive(true);
      } catch (error) {
        this.logger.warn(
          `Film IP cache listener failed to start: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        this.connecting = null;
      }
    })();
  }
}

/** The summary's fields only, frozen: the cache hands the same object to every caller. */
function summaries(rows: readonly FilmIpSummary[]): FilmIpSummary[] {
  return rows.map(({ id, studioId, title, titleZh }) => Object.freeze({ id, studioId, title, titleZh }));
}
