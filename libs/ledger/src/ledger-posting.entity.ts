import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('ledger_postings')
export class LedgerPostingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  /** Positive debits the account, negative credits it. */
  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;
}
