import { randomUUID } from 'node:crypto';
import { AccountPurpose, JournalEntryKind, JournalService } from '@chedun/ledger';
import { Money } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every sale posts to the platform's own accounts. Those rows must not be held for the rest of a sale's transaction,
 * or all sales queue behind each other: the balances move at commit, and account ids come from memory once known.
 */
describe('ledger under concurrent sales', () => {
  let t: TestApp;
  let journal: JournalService;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    journal = t.app.get(JournalService);
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const sale = (merchantId: string, amountMinor: number) => ({
    kind: JournalEntryKind.SALE,
    sourceId: `concurrency-${randomUUID()}`,
    occurredAt: new Date(),
    memo: 'concurrency',
    postings: [
      { purpose: AccountPurpose.PAYMENT_CLEARING, partyId: null, amount: Money.of(amountMinor, 'CNY') },
      { purpose: AccountPurpose.MERCHANT_PAYABLE, partyId: merchantId, amount: Money.of(-amountMinor + 100, 'CNY') },
      { purpose: AccountPurpose.PLATFORM_FEE_REVENUE, partyId: null, amount: Money.of(-100, 'CNY') },
    ],
  });
  const balance = async (purpose: AccountPurpose, partyId: string | null) =>
    Number(
      (
        await t.sql<{ b: string }>(
          `SELECT balance_minor AS b FROM ledger_accounts WHERE purpose = $1 AND party_id IS NOT DISTINCT FROM $2 AND currency = 'CNY'`,
          [purpose, partyId],
        )
      )[0]?.b ?? 0,
    );

  it('lets a second sale commit while a first one is still open on the same platform accounts', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    // Both parties' accounts exist and are known, as after any first sale.
    await dataSource.transaction((m) => journal.post(m, sale(a, 1_000)));
    await dataSource.transaction((m) => journal.post(m, sale(b, 1_000)));
    const clearingBefore = await balance(AccountPurpose.PAYMENT_CLEARING, null);

    const open = dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      await journal.post(open.manager, sale(a, 5_000));
      const second = dataSource.transaction((m) => journal.post(m, sale(b, 7_000)));
      let timer: NodeJS.Timeout | undefined;
      const blocked = new Promise((r) => (timer = setTimeout(() => r('blocked'), 10_000)));
      const outcome = await Promise.race([second.then(() => 'committed'), blocked]);
      clearTimeout(timer);
      expect(outcome).toBe('committed');
      expect(await balance(AccountPurpose.PAYMENT_CLEARING, null)).toBe(clearingBefore + 7_000);
      await open.commitTransaction();
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
    expect(await balance(AccountPurpose.PAYMENT_CLEARING, null)).toBe(clearingBefore + 12_000);
    expect(await balance(AccountPurpose.MERCHANT_PAYABLE, a)).toBe(-1_000 + 100 - 5_000 + 100);
  });

  it('still refuses an unbalanced entry, and one whose currency is not its account’s, when the transaction commits', async () => {
    const merchant = randomUUID();
    await dataSource.transaction((m) => journal.post(m, sale(merchant, 1_000)));
    const [account] = await t.sql<{ id: string }>(
      `SELECT id FROM ledger_accounts WHERE purpose = 'MERCHANT_PAYABLE' AND party_id = $1`,
      [merchant],
    );
    const [entry] = await t.sql<{ id: string }>(
      `INSERT INTO journal_entries (kind, source_id, occurred_at) VALUES ('ADJUSTMENT', $1, now()) RETURNING id`,
      [randomUUID()],
    );
    await expect(
      t.sql(
        `INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency) VALUES ($1, $2, 5, 'USD'), ($1, $2, -5, 'USD')`,
        [entry!.id, account!.id],
      ),
    ).rejects.toThrow(/does not match account/);
    await expect(
      t.sql(`INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency) VALUES ($1, $2, 5, 'CNY')`, [
        entry!.id,
        account!.id,
      ]),
    ).rejects.toThrow(/unbalanced/);
    expect(await balance(AccountPurpose.MERCHANT_PAYABLE, merchant)).toBe(-900);
  });

  it('opens each party’s accounts once however many sales race to open them', async () => {
    const merchant = randomUUID();
    await Promise.all(
      Array.from({ length: 8 }, () => dataSource.transaction((m) => journal.post(m, sale(merchant, 1_000)))),
    );
    const [row] = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ledger_accounts WHERE party_id = $1`, [
      merchant,
    ]);
    expect(Number(row!.n)).toBe(1);
    expect(await balance(AccountPurpose.MERCHANT_PAYABLE, merchant)).toBe(8 * -900);
  });
});
