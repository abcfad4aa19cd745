import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters are written on every search, log-in and checkout. As an ordinary table each of those writes
 * made its request wait for a WAL flush at commit; UNLOGGED skips the WAL. The cost is acceptable and deliberate:
 * after a crash (or on a promoted replica) the counters start from zero, which forgives a few requests; nothing a
 * counter guards (money, stock, seats) lives in this table.
 */
export class RateLimitsUnlogged1764840000001 implements MigrationInterface {
  name = 'RateLimitsUnlogged1764840000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limits SET UNLOGGED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rate_limits SET LOGGED`);
  }
}
