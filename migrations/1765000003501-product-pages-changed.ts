import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep product pages (the product with its variants, ticket types, upcoming slots and venue) in memory
 * (#18). Any statement that changes what a page shows sends `product_pages_changed` with the affected product ids,
 * comma-separated and each once, delivered at commit (not at all on rollback); an empty payload (a venue changed, a
 * TRUNCATE, or more ids than fit in a notification) empties every process's copy.
 *
 * Stock and seat counters are left out on purpose: checkout moves `reserved`/`sold` on every purchase, and a
 * transaction that notifies takes a database-wide lock at commit, serialising every such commit. An UPDATE that only
 * moves those counters sends nothing; the pages' copies keep live numbers for a second at most (see
 * ProductPageCache), and the writing process forgets its own products at once.
 */
const CHANNEL = 'product_pages_changed';
/** ids are 36 characters and a comma: 200 stay well under PostgreSQL's 8000-byte payload limit. */
const MAX_IDS = 200;

/** Counters checkout moves, per table: an UPDATE changing nothing else does not notify. */
const COUNTERS: Record<string, string[]> = {
  product_variants: ['reserved', 'sold'],
  time_slots: ['reserved', 'sold'],
};

const TABLES: { table: string; productId: string }[] = [
  { table: 'products', productId: 'id' },
  { table: 'product_variants', productId: 'product_id' },
  { table: 'ticket_types', productId: 'product_id' },
  { table: 'time_slots', productId: 'product_id' },
];

export class ProductPagesChanged1765000003501 implements MigrationInterface {
  name = 'ProductPagesChanged1765000003501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION product_pages_notify(ids text[]) RETURNS void
        LANGUAGE plpgsql AS $$
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
        IF cardinality(ids) > ${MAX_IDS} THEN
          PERFORM pg_notify('${CHANNEL}', '');
        ELSE
          PERFORM pg_notify('${CHANNEL}', array_to_string(ids, ','));
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION product_pages_clear_all() RETURNS trigger
        LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', '');
        RETURN NULL;
      END $$`);
    for (const { table, productId } of TABLES) {
      const counters = COUNTERS[table] ?? [];
      // An UPDATE notifies for rows where anything but the counters changed (or that moved to another product).
      const changed = counters.length
        ? `(to_jsonb(n) - ARRAY[${counters.map((c) => `'${c}'`).join(', ')}]) IS DISTINCT FROM (to_jsonb(o) - ARRAY[${counters.map((c) => `'${c}'`).join(', ')}])`
        : 'true';
      await q.query(`
        CREATE FUNCTION ${table}_page_rows_written() RETURNS trigger
          LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM product_pages_notify(ARRAY(SELECT DISTINCT ${productId}::text FROM new_rows));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM product_pages_notify(ARRAY(SELECT DISTINCT ${productId}::text FROM old_rows));
          ELSE
            PERFORM product_pages_notify(ARRAY(
              SELECT n.${productId}::text FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${changed}
              UNION SELECT o.${productId}::text FROM new_rows n JOIN old_rows o ON o.id = n.id
                WHERE o.${productId} IS DISTINCT FROM n.${productId}));
          END IF;
          RETURN NULL;
        END $$`);
      // Transition tables allow one event per trigger.
      await q.query(`
        CREATE TRIGGER ${table}_page_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_page_rows_written()`);
      await q.query(`
        CREATE TRIGGER ${table}_page_updated AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_page_rows_written()`);
      await q.query(`
        CREATE TRIGGER ${table}_page_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${table}_page_rows_written()`);
      await q.query(`
        CREATE TRIGGER ${table}_page_truncated AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION product_pages_clear_all()`);
    }
    // A venue shows on every page of its experiences; venues change rarely, so any change empties the caches.
    await q.query(`
      CREATE TRIGGER venues_page_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON venues
        FOR EACH STATEMENT EXECUTE FUNCTION product_pages_clear_all()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER venues_page_changed ON venues`);
    for (const { table } of TABLES) {
      for (const event of ['inserted', 'updated', 'deleted', 'truncated'])
        await q.query(`DROP TRIGGER ${table}_page_${event} ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_page_rows_written()`);
    }
    await q.query(`DROP FUNCTION product_pages_clear_all()`);
    await q.query(`DROP FUNCTION product_pages_notify(text[])`);
  }
}
