import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** One counter to charge a point: its key (the flow and scope's prefix included) and its window. */
export interface RateCounter {
  key: string;
  windowMs: number;
}

/** A counter after the charge: points used in its window, and when the window ends (epoch ms). */
export interface ChargedCounter {
  key: string;
  points: number;
  expire: number;
}

/**
 * The `rate_limits` table (the shape rate-limiter-flexible's Postgres store uses, which the log-in throttle still
 * writes through): charging every counter of a request in one statement. A rate-limited request used to charge its
 * per-address and per-account counters through two pooled statements at once, each taking a connection of its own
 * (#18: checkout's connections wait on round trips, not on the database).
 */
@Injectable()
export class RateLimitRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Adds a point to each counter, starting a new window where the last one has ended, and answers every counter as
   * charged. The rows are locked in key order, so two requests sharing counters cannot deadlock.
   */
  async charge(counters: readonly RateCounter[], nowMs: number): Promise<ChargedCounter[]> {
    if (counters.length === 0) return [];
    const sorted = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const values: unknown[] = [nowMs];
    const rows = sorted.map((c) => {
      values.push(c.key, nowMs + c.windowMs);
      return `($${values.length - 1}, 1, $${values.length}::bigint)`;
    });
    const charged: { key: string; points: number; expire: string }[] = await this.manager.query(
      `INSERT INTO rate_limits (key, points, expire) VALUES ${rows.join(', ')}
         ON CONFLICT (key) DO UPDATE SET
           points = CASE WHEN rate_limits.expire <= $1 THEN 1 ELSE rate_limits.points + 1 END,
           expire = CASE WHEN rate_limits.expire <= $1 THEN EXCLUDED.expire ELSE rate_limits.expire END
       RETURNING key, points, expire`,
      values,
    );
    return charged.map((r) => ({ key: r.key, points: r.points, expire: Number(r.expire) }));
  }
}
