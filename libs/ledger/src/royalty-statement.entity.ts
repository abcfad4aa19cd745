import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RoyaltyStatementStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  /** A newer version of the same month replaced it; kept as it was issued. */
  SUPERSEDED = 'SUPERSEDED',
}

/** One studio's royalties for one calendar month (Asia/Shanghai). Frozen by a trigger once ISSUED. */
@Entity('royalty_statements')
export class RoyaltyStatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('text', { name: 'studio_name' })
  studioName!: string;

  /** First day of the month, YYYY-MM-DD. */
  @Column('date', { name: 'period_month' })
  periodMonth!: string;

  @Column('timestamptz', { name: 'period_start' })
  periodStart!: Date;

  @Column('timestamptz', { name: 'period_end' })
  periodEnd!: Date;

  @Column('char', { length: 3 })
  currency!: string;

  @Column('text')
  status!: RoyaltyStatementStatus;

  @Column('int', { name: 'line_count' })
  lineCount!: number;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;

  /** The part of the royalty from sales and refunds dated in earlier months that already have an issued statement. */
  @Column({ type: 'bigint', name: 'adjustments_minor', transformer: bigintMinorUnits })
  adjustmentsMinor!: number;

  @Column({ type: 'bigint', name: 'advance_recouped_minor', transformer: bigintMinorUnits })
  advanceRecoupedMinor!: number;

  @Column({ type: 'bigint', name: 'guarantee_shortfall_minor', transformer: bigintMinorUnits })
  guaranteeShortfallMinor!: number;

  /** royalty − advance recouped + guarantee shortfall − previously paid. */
  @Column({ type: 'bigint', name: 'amount_due_minor', transformer: bigintMinorUnits })
  amountDueMinor!: number;

  /** The part of the royalty from rows dated in earlier months that never had a statement of their own. */
  @Column({ type: 'bigint', name: 'unstated_earlier_minor', transformer: bigintMinorUnits })
  unstatedEarlierMinor!: number;

  /** What payouts already transferred for the versions this one supersedes; deducted from the amount due. */
  @Column({ type: 'bigint', name: 'previously_paid_minor', transformer: bigintMinorUnits })
  previouslyPaidMinor!: number;

  /** 1 for the month's first statement; each re-issue adds one. */
  @Column('int')
  version!: number;

  @Column('uuid', { nullable: true })
  supersedes!: string | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy!: string | null;

  @Column('timestamptz', { name: 'issued_at', nullable: true })
  issuedAt!: Date | null;

  @Column('uuid', { name: 'issued_by', nullable: true })
  issuedBy!: string | null;
}
