import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every sale posts to the platform's own accounts (payment clearing, fee revenue), and each posting used to move its
 * account's running balance at once: the row stayed locked for the rest of the sale's transaction, so concurrent
 * sales queued behind each other on two rows (a quarter of the API's connections waited on them in the bench's
 * checkout). The balance now moves at commit (a deferred constraint trigger): the rows are locked only while the
 * commit is written. The entry is still checked balanced at commit as before, and a posting whose currency is not
 * its account's is still refused, at commit instead of at insert. JournalService inserts an entry's postings in
 * account order, so concurrent commits take the account rows in one order.
 */
export class LedgerBalanceAtCommit1764900000001 implements MigrationInterface {
  name = 'LedgerBalanceAtCommit1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_postings_apply ON ledger_postings`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_postings_apply ON ledger_postings`);
    await q.query(
      `CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting()`,
    );
  }
}
