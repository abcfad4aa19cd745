import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { JournalEntryKind } from './journal-entry.entity';
import { insertSplitSql, NewSaleLineSplit } from './sale-line.repository';

export interface NewEntryHeader {
  kind: JournalEntryKind;
  sourceId: string;
  occurredAt: Date;
  memo: string;
}

/** One posting of an entry, its account already resolved. */
export interface NewPosting {
  accountId: string;
  amountMinor: number;
  currency: string;
}

interface ReturnedRow {
  returned: string;
}

/** The `journal_entries` and `ledger_postings` tables: append-only, balanced per entry at commit. */
@Injectable()
export class JournalRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): JournalRepository {
    return new JournalRepository(manager);
  }

  /**
   * The entry and all its postings (written in the order given) in one statement; null, and nothing written, when an
   * entry for the same cause exists (a concurrent duplicate waits on the unique index until the first commits).
   */
  async insertEntryWithPostings(
    entry: NewEntryHeader,
    postings: readonly NewPosting[],
    split?: Omit<NewSaleLineSplit, 'entryId'>,
  ): Promise<string | null> {
    const values: unknown[] = [
      entry.kind,
      entry.sourceId,
      entry.occurredAt,
      entry.memo,
      postings.map((p) => p.accountId),
      postings.map((p) => p.amountMinor),
      postings.map((p) => p.currency),
    ];
    // A SALE's split is written by the same statement, from the entry's id (#18: a round trip less per paid line).
    const splitCte = split ? `, split AS (${insertSplitSql(split, values, 'entry')})` : '';
    const rows: { id: string }[] = await this.manager.query(
      `WITH entry AS (
         INSERT INTO journal_entries (kind, source_id, occurred_at, memo) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT journal_entries_source DO NOTHING RETURNING id),
       posted AS (
         INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency)
         SELECT entry.id, p.account_id, p.amount_minor, p.currency
           FROM entry, unnest($5::uuid[], $6::bigint[], $7::char(3)[]) WITH ORDINALITY AS p(account_id, amount_minor, currency, n)
          ORDER BY p.n)${splitCte}
       SELECT id FROM entry`,
      values,
    );
    return rows[0]?.id ?? null;
  }

  /** What the payout's reversal entries (`payout:<id>:reversed:<total>`) have returned to PAYMENT_CLEARING so far. */
  async returnedByPayoutReversals(payoutId: string): Promise<number> {
    const rows: ReturnedRow[] = await this.manager.query(
      `SELECT coalesce(sum(p.amount_minor), 0)::text AS returned
         FROM journal_entries e JOIN ledger_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id AND a.purpose = 'PAYMENT_CLEARING'
        WHERE e.kind = 'PAYOUT' AND e.source_id LIKE $1`,
      [`payout:${payoutId}:reversed:%`],
    );
    return readMinorUnits(rows[0]?.returned ?? '0');
  }
}
