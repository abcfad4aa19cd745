import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep film IP summaries (owner and names) in memory (#18: every product page asked for them, a round
 * trip of its own). Any statement that writes `film_ips` sends `film_ips_changed`, delivered at commit (and not at
 * all on rollback), which empties every process's copy. Per statement, not per row: one notification however many
 * rows, and identical notifications of one transaction are folded into one.
 */
export class FilmIpsChanged1765000003301 implements MigrationInterface {
  name = 'FilmIpsChanged1765000003301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION film_ips_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('film_ips_changed', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER film_ips_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON film_ips
        FOR EACH STATEMENT EXECUTE FUNCTION film_ips_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER film_ips_changed ON film_ips`);
    await q.query(`DROP FUNCTION film_ips_changed()`);
  }
}
