import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum JournalEntryKind {
  SALE = 'SALE',
  REFUND = 'REFUND',
  ADJUSTMENT = 'ADJUSTMENT',
  PAYOUT = 'PAYOUT',
  /** An accepted sales report's royalty (sales made outside the marketplace), one entry per report. */
  REPORTED_ROYALTY = 'REPORTED_ROYALTY',
}

/** Append-only (database triggers); its postings sum to zero per currency at commit. */
@Entity('journal_entries')
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: JournalEntryKind;

  /** What caused it (order line, refund): unique per kind, so replaying a cause never posts twice. */
  @Column('text', { name: 'source_id' })
  sourceId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text')
  memo!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
