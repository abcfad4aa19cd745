import { Injectable } from '@nestjs/common';
import { Money } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { JournalEntryKind } from './journal-entry.entity';
import { AccountPurpose } from './ledger-account.entity';
import { JournalRepository } from './journal.repository';
import { AccountKey, LedgerAccountRepository } from './ledger-account.repository';
import { NewSaleLineSplit } from './sale-line.repository';

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
  /** A SALE's split of its line, written with the entry (from its id) and only when the entry is new. */
  split?: Omit<NewSaleLineSplit, 'entryId'>;
}

/**
 * Writes journal entries. Balance is checked here for a clear error, and again by the database at commit,
 * which is what makes an unbalanced entry impossible.
 */
@Injectable()
export class JournalService {
  /** Ids of committed accounts by purpose, party and currency (see `accounts`). */
  private readonly accountIds = new Map<string, string>();

  constructor(
    private readonly entries: JournalRepository,
    private readonly ledgerAccounts: LedgerAccountRepository,
  ) {}

  /**
   * Posts the entry, or returns null when an entry for the same cause already exists: a concurrent duplicate waits
   * on the unique (kind, source_id) index until the first commits, then posts nothing.
   */
  async post(manager: EntityManager, entry: NewJournalEntry): Promise<string | null> {
    const totals = new Map<string, number>();
    for (const p of entry.postings)
      totals.set(p.amount.currency, (totals.get(p.amount.currency) ?? 0) + p.amount.amountMinor);
    if ([...totals.values()].some((t) => t !== 0))
      throw new Error(`Unbalanced ${entry.kind} entry for ${entry.sourceId}`);
    const postings = entry.postings.filter((p) => !p.amount.isZero());
    // Accounts first, so the entry and its postings are one statement. A duplicate may open an account it then does
    // not post to: harmless, accounts are opened idempotently and never closed.
    const accountIds = postings.length > 0 ? await this.accounts(manager, postings) : [];
    // In account order: the balances move at commit, one row lock per account, and one order for every poster
    // means two commits never wait on each other in a cycle.
    const ordered = postings
      .map((p, i) => ({
        accountId: accountIds[i] ?? unresolved(p),
        amountMinor: p.amount.amountMinor,
        currency: p.amount.currency,
      }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId));
    return this.entries.forManager(manager).insertEntryWithPostings(entry, ordered, entry.split);
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
    const missing = [
      ...new Map(postings.filter((p) => !this.accountIds.has(keyOf(p))).map((p) => [keyOf(p), p])).values(),
    ];
    const opened = new Map<string, string>();
    if (missing.length > 0) {
      const accounts = this.ledgerAccounts.forManager(manager);
      const found = await accounts.find(missing.map(accountKey));
      for (const row of found) this.accountIds.set(`${row.purpose}|${row.party}|${row.currency}`, row.id);
      for (const p of missing.filter((m) => !this.accountIds.has(keyOf(m)))) {
        // Opened meanwhile by a transaction that has now committed: a new statement sees it.
        const id = (await accounts.openIfAbsent(accountKey(p))) ?? (await accounts.findId(accountKey(p)));
        if (id) opened.set(keyOf(p), id);
      }
    }
    return postings.map((p) => this.accountIds.get(keyOf(p)) ?? opened.get(keyOf(p)) ?? unresolved(p));
  }
}

function accountKey(p: PostingLine): AccountKey {
  return { purpose: p.purpose, partyId: p.partyId, currency: p.amount.currency };
}

/** An account neither found nor opened: only a concurrent delete could do that, and accounts are never deleted. */
function unresolved(p: PostingLine): never {
  throw new Error(`No ledger account ${p.purpose} of ${p.partyId ?? 'the platform'} in ${p.amount.currency}`);
}
