import { Injectable } from '@nestjs/common';
import { Money } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';

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
  /** Ids of committed accounts by purpose, party and currency (see `accounts`). */
  private readonly accountIds = new Map<string, string>();

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
    // In account order: the balances move at commit, one row lock per account, and one order for every poster
    // means two commits never wait on each other in a cycle.
    const ordered = postings.map((p, i) => ({ p, accountId: accountIds[i]! })).sort((a, b) => a.accountId.localeCompare(b.accountId));
    const values: unknown[] = [];
    const tuples = ordered.map(({ p, accountId }, i) => {
      values.push(entryId, accountId, p.amount.amountMinor, p.amount.currency);
      const b = i * 4;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
    });
    await manager.query(`INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency) VALUES ${tuples.join(', ')}`, values);
    return entryId;
  }

  /**
   * Each posting's account id. Accounts are never deleted or changed in who they belong to, so an id once read from
   * a committed row is kept in memory: a sale's four accounts cost no statement after the first sale of each party.
   * Missing accounts are opened with ON CONFLICT DO NOTHING (never DO UPDATE, which would lock the platform's
   * accounts, shared by every sale, for the rest of each transaction); ids of accounts opened here are not kept
   * until they are read back in a later transaction, because this one may still roll back.
   */
  private async accounts(manager: EntityManager, postings: readonly PostingLine[]): Promise<string[]> {
    const keyOf = (p: PostingLine) => `${p.purpose}|${p.partyId ?? ''}|${p.amount.currency}`;
    const missing = [...new Map(postings.filter((p) => !this.accountIds.has(keyOf(p))).map((p) => [keyOf(p), p])).values()];
    const opened = new Map<string, string>();
    if (missing.length > 0) {
      const found = (await manager.query(
        `SELECT a.id, a.purpose, coalesce(a.party_id::text, '') AS party, a.currency
           FROM unnest($1::text[], $2::uuid[], $3::text[]) w(purpose, party_id, currency)
           JOIN ledger_accounts a ON a.purpose = w.purpose AND a.party_id IS NOT DISTINCT FROM w.party_id AND a.currency = w.currency`,
        [missing.map((p) => p.purpose), missing.map((p) => p.partyId), missing.map((p) => p.amount.currency)],
      )) as { id: string; purpose: string; party: string; currency: string }[];
      for (const row of found) this.accountIds.set(`${row.purpose}|${row.party}|${row.currency}`, row.id);
      for (const p of missing.filter((m) => !this.accountIds.has(keyOf(m)))) {
        const params = [p.purpose, p.partyId, p.amount.currency];
        let [row] = (await manager.query(
          `INSERT INTO ledger_accounts (purpose, party_id, currency) VALUES ($1, $2, $3)
           ON CONFLICT ON CONSTRAINT ledger_accounts_identity DO NOTHING RETURNING id`,
          params,
        )) as { id: string }[];
        // Opened meanwhile by a transaction that has now committed: a new statement sees it.
        row ??= ((await manager.query(
          `SELECT id FROM ledger_accounts WHERE purpose = $1 AND party_id IS NOT DISTINCT FROM $2 AND currency = $3`,
          params,
        )) as { id: string }[])[0];
        opened.set(keyOf(p), row!.id);
      }
    }
    return postings.map((p) => this.accountIds.get(keyOf(p)) ?? opened.get(keyOf(p))!);
  }
}
