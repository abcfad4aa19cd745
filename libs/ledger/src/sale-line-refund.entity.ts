import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One refund of part of a line and what it took back from each share. */
@Entity('sale_line_refunds')
export class SaleLineRefundEntity {
  @PrimaryColumn('uuid', { name: 'refund_id' })
  refundId!: string;

  @Column('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'amount_minor', transformer: bigintMinorUnits })
  amountMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_before_minor', transformer: bigintMinorUnits })
  refundedBeforeMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_after_minor', transformer: bigintMinorUnits })
  refundedAfterMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_reversal_minor', transformer: bigintMinorUnits })
  royaltyReversalMinor!: number;

  @Column({ type: 'bigint', name: 'fee_reversal_minor', transformer: bigintMinorUnits })
  feeReversalMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_reversal_minor', transformer: bigintMinorUnits })
  merchantReversalMinor!: number;

  @Column('timestamptz', { name: 'refunded_at' })
  refundedAt!: Date;

  @Column('uuid', { name: 'statement_id', nullable: true })
  statementId!: string | null;
}
