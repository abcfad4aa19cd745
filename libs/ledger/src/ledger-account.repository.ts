import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { AccountPurpose } from './ledger-account.entity';

/** Who an account belongs to: purpose, party (null for the platform's own accounts) and currency. */
export interface AccountKey {
  purpose: AccountPurpose;
  partyId: string | null;
  currency: string;
}

/** An account found by its key; `party` is '' for the platform's own. */
export interface FoundAccount {
  id: string;
  purpose: AccountPurpose;
  party: string;
  currency: string;
}

interface IdRow {
  id: string;
}

interface BalanceRow {
  balance: string;
}

/** The `ledger_accounts` table. Balances are kept by a trigger on the postings, never written here. */
@Injectable()
export class LedgerAccountRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LedgerAccountRepository {
    return new LedgerAccountRepository(manager);
  }

  /** The accounts that exist among `keys`, in one statement. */
  find(keys: readonly AccountKey[]): Promise<FoundAccount[]> {
    return this.manager.query(
      `SELECT a.id, a.purpose, coalesce(a.party_id::text, '') AS party, a.currency
         FROM unnest($1::text[], $2::uuid[], $3::text[]) w(purpose, party_id, currency)
         JOIN ledger_accounts a ON a.purpose = w.purpose AND a.party_id IS NOT DISTINCT FROM w.party_id AND a.currency = w.currency`,
      [keys.map((k) => k.purpose), keys.map((k) => k.partyId), keys.map((k) => k.currency)],
    );
  }

  /**
   * Opens the account with ON CONFLICT DO NOTHING (never DO UPDATE, which would lock an account shared by every sale
   * for the rest of the transaction); returns its id, or null when it already exists.
   */
  async openIfAbsent(key: AccountKey): Promise<string | null> {
    const rows: IdRow[] = await this.manager.query(
      `INSERT INTO ledger_accounts (purpose, party_id, currency) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT ledger_accounts_identity DO NOTHING RETURNING id`,
      [key.purpose, key.partyId, key.currency],
    );
    return rows[0]?.id ?? null;
  }

  async findId(key: AccountKey): Promise<string | null> {
    const rows: IdRow[] = await this.manager.query(
      `SELECT id FROM ledger_accounts WHERE purpose = $1 AND party_id IS NOT DISTINCT FROM $2 AND currency = $3`,
      [key.purpose, key.partyId, key.currency],
    );
    return rows[0]?.id ?? null;
  }

  /** The account's balance, debit positive (a payable owed is negative); 0 for an account never opened. */
  async balanceOf(key: AccountKey): Promise<number> {
    const rows: BalanceRow[] =
      key.partyId === null
        ? await this.manager.query(
            `SELECT balance_minor::text AS balance FROM ledger_accounts WHERE purpose = $1 AND party_id IS NULL AND currency = $2`,
            [key.purpose, key.currency],
          )
        : await this.manager.query(
            `SELECT balance_minor::text AS balance FROM ledger_accounts WHERE purpose = $1 AND party_id = $2 AND currency = $3`,
            [key.purpose, key.partyId, key.currency],
          );
    return readMinorUnits(rows[0]?.balance ?? '0');
  }

  /**
   * Opens any missing account of `keys`, then locks them all in id order (the order every poster's balance update
   * takes them at commit, so no two transactions wait on each other in a cycle) and returns each one's committed
   * balance by purpose|party: a second poster waits here and then reads the first one's result.
   */
  async lockBalances(keys: readonly AccountKey[]): Promise<Map<string, number>> {
    for (const key of keys) await this.openIfAbsent(key);
    const rows: (FoundAccount & BalanceRow)[] = await this.manager.query(
      `SELECT a.id, a.purpose, coalesce(a.party_id::text, '') AS party, a.currency, a.balance_minor::text AS balance
         FROM unnest($1::text[], $2::uuid[], $3::text[]) w(purpose, party_id, currency)
         JOIN ledger_accounts a ON a.purpose = w.purpose AND a.party_id IS NOT DISTINCT FROM w.party_id AND a.currency = w.currency
        ORDER BY a.id
          FOR UPDATE OF a`,
      [keys.map((k) => k.purpose), keys.map((k) => k.partyId), keys.map((k) => k.currency)],
    );
    return new Map(rows.map((r) => [`${r.purpose}|${r.party}`, readMinorUnits(r.balance)]));
  }
}
