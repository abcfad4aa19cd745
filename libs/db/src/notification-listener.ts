import { Client, Pool } from 'pg';
import { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A connection of its own that LISTENs on one channel (see `listenForNotifications`). */
export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * Opens a connection of its own (the pool's settings, outside the pool, so it never holds a request's connection)
 * and LISTENs on `channel`: `onNotify` with the payload of every notification delivered (at its sender's commit), `onLost` when the
 * connection fails or ends after it started. Whatever was sent while no one listened is lost: a caller that keeps
 * state in memory must drop it on `onLost` and again once a new listener has started.
 */
export async function listenForNotifications(
  manager: EntityManager,
  channel: string,
  onNotify: (payload: string) => void,
  onLost: (error?: Error) => void,
): Promise<NotificationListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  const pool = (manager.connection.driver as PostgresDriver).master as Pool;
  const client = new Client(pool.options);
  let listening = false;
  client.on('notification', (message) => onNotify(message.payload ?? ''));
  client.on('error', (error) => {
    if (listening) onLost(error);
  });
  client.on('end', () => {
    if (listening) onLost();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  listening = true;
  return { close: () => client.end() };
}

/** How long a lost listener waits before the next read may try again. */
const RECONNECT_EVERY_MS = 5000;

/**
 * The listener behind a per-process cache (search results, film IP summaries, product pages): started before the
 * first request, restarted after a loss by the next read (`ensure()`, at most every 5 s; reads never wait for it),
 * and the cache told whether anyone listens (`onLive`): a cache serves nothing it could not hear about. Whatever
 * changed before LISTEN took effect was never cached, so `onLive(true)` starts the cache empty.
 */
export class CacheSubscription {
  private listener: NotificationListener | null = null;
  private connecting: Promise<void> | null = null;
  private lastAttempt = 0;
  private closed = false;

  constructor(
    private readonly options: {
      /** Names the cache in log lines ("Search cache"). */
      name: string;
      /** Opens the listener (the repository's `listenForChanges`), reporting a loss through `onLost`. */
      open: (onLost: (error?: Error) => void) => Promise<NotificationListener>;
      onLive: (live: boolean) => void;
      logger: { warn(message: string): void };
    },
  ) {}

  /** Listening before the first request, so the first read already fills the cache. */
  async start(): Promise<void> {
    this.ensure();
    await this.connecting;
  }

  /** Starts (or, after a failure, restarts at most every few seconds) the listener. */
  ensure(): void {
    if (this.listener || this.connecting || this.closed || Date.now() - this.lastAttempt < RECONNECT_EVERY_MS) return;
    this.lastAttempt = Date.now();
    const { name, open, onLive, logger } = this.options;
    let started: NotificationListener | null = null;
    const lost = (error?: Error): void => {
      if (!started || this.listener !== started) return;
      this.listener = null;
      onLive(false);
      if (!this.closed)
        logger.warn(`${name} off until its listener reconnects: ${error?.message ?? 'connection ended'}`);
      started.close().catch(() => undefined);
    };
    this.connecting = (async () => {
      try {
        started = await open(lost);
        if (this.closed) {
          await started.close();
          return;
        }
        this.listener = started;
        onLive(true);
      } catch (error) {
        logger.warn(`${name} listener failed to start: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.connecting = null;
      }
    })();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    this.options.onLive(false);
    await listener?.close().catch(() => undefined);
  }
}
