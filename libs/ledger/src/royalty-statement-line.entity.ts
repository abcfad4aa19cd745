import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('royalty_statement_lines')
export class RoyaltyStatementLineEntity {
  @PrimaryColumn('uuid', { name: 'statement_id' })
  statementId!: string;

  @PrimaryColumn('int', { name: 'line_no' })
  lineNo!: number;

  @Column('text')
  kind!: 'SALE' | 'REFUND' | 'REPORTED';

  /** The order line (SALE) or the refund (REFUND). */
  @Column('uuid', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('text', { name: 'product_name' })
  productName!: string;

  @Column('text', { name: 'product_name_zh', nullable: true })
  productNameZh!: string | null;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text', { name: 'merchant_name' })
  merchantName!: string;

  @Column('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  /** Dated in an earlier month that already has an issued statement: a late correction of that period. */
  @Column('boolean', { name: 'is_adjustment' })
  isAdjustment!: boolean;

  /** Dated in an earlier month that never had a statement: stated here for the first time. */
  @Column('boolean', { name: 'unstated_earlier' })
  unstatedEarlier!: boolean;

  /** Copied from the version this statement supersedes (its row keeps that version's stamp). */
  @Column('boolean')
  restated!: boolean;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;
}
