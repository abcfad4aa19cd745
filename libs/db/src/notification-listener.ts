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
