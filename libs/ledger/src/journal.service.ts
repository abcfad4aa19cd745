import { Injectable } from '@nestjs/common';
import { Money } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { AccountPurpose, JournalEntryKind } from './ledger.entity';

export interface PostingLine {
  purpose: AccountPurpose;
  /** Studio, merchant or license the account belongs to; null for the platform's own accounts. */
  partyId: string | null;
  amount: Money;
}

export interface NewJournalEntry {
  kind: JournalEntryKind;
  sourceId: string;
  occurredAt: Date;
  memo: string;
  postings: readonly PostingLine[];
}

/**
 * Writes journal entries. Balance is checked here for a clear error, and again by the database at commit,
 * which is what makes an unbalanced entry impossible.
 */
@Injectable()
export class JournalService {
  /**
   * Posts the entry, or returns null when an entry for the same cause already exists: a concurrent duplicate waits
   * on the unique (kind, source_id) index until the first commits, then posts nothing.
   */
  async post(manager: EntityManager, entry: NewJournalEntry): Promise<string | null> {
    const totals = new Map<string, number>();
    for (const p of entry.postings) totals.set(p.amount.currency, (totals.get(p.amount.currency) ?? 0) + p.amount.amountMinor);
    if ([...totals.values()].some((t) => t !== 0)) throw new Error(`Unbalanced ${entry.kind} entry for ${entry.sourceId}`);
    const [row] = (await manager.query(
      `INSERT INTO journal_entries (kind, source_id, occurred_at, memo) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT journal_entries_source DO NOTHING RETURNING id`,
      [entry.kind, entry.sourceId, entry.occurredAt, entry.memo],
    )) as { id: string }[];
    if (!row) return null;
    const entryId = row.id;
    const postings = entry.postings.filter((p) => !p.amount.isZero());
    if (postings.length === 0) return entryId;
    const accountIds = await this.accounts(manager, postings);
    const values: unknown[] = [];
    const tuples = postings.map((p, i) => {
      values.push(entryId, accountIds[i], p.amount.amountMinor, p.amount.currency);
      const b = i * 4;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
    });
    await manager.query(`INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency) VALUES ${tuples.join(', ')}`, values);
    return entryId;
  }

  /** Finds or opens each posting's account, in a fixed order so concurrent posters never deadlock on them. */
  private async accounts(manager: EntityManager, postings: readonly PostingLine[]): Promise<string[]> {
    const keyOf = (p: PostingLine) => `${p.purpose}|${p.partyId ?? ''}|${p.amount.currency}`;
    const unique = [...new Map(postings.map((p) => [keyOf(p), p])).values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    const ids = new Map<string, string>();
    for (const p of unique) {
      const [row] = (await manager.query(
        `INSERT INTO ledger_accounts (purpose, party_id, currency) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT ledger_accounts_identity DO UPDATE SET purpose = EXCLUDED.purpose
         RETURNING id`,
        [p.purpose, p.partyId, p.amount.currency],
      )) as { id: string }[];
      ids.set(keyOf(p), row!.id);
    }
    return postings.map((p) => ids.get(keyOf(p))!);
  }
}
