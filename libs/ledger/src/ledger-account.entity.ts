import { bigintMinorUnits } from '@chedun/db';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum AccountPurpose {
  PAYMENT_CLEARING = 'PAYMENT_CLEARING',
  STUDIO_ROYALTIES_PAYABLE = 'STUDIO_ROYALTIES_PAYABLE',
  MERCHANT_PAYABLE = 'MERCHANT_PAYABLE',
  PLATFORM_FEE_REVENUE = 'PLATFORM_FEE_REVENUE',
  ADVANCES_RECEIVABLE = 'ADVANCES_RECEIVABLE',
  ADVANCES_RECOUPED = 'ADVANCES_RECOUPED',
  PAYOUTS_IN_TRANSIT = 'PAYOUTS_IN_TRANSIT',
  /** What a merchant owes the platform for reported royalties its payable could not cover: invoiced to it. */
  MERCHANT_ROYALTIES_RECEIVABLE = 'MERCHANT_ROYALTIES_RECEIVABLE',
}

/** One account per purpose and party (studio, merchant, license; none for the platform's own) and currency. */
@Entity('ledger_accounts')
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  purpose!: AccountPurpose;

  @Column('uuid', { name: 'party_id', nullable: true })
  partyId!: string | null;

  @Column('char', { length: 3 })
  currency!: string;

  /** Kept by a trigger on every posting; reconciliation proves it equals the sum of the postings. */
  @Column({ type: 'bigint', name: 'balance_minor', transformer: bigintMinorUnits })
  balanceMinor!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
