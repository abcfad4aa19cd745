import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How one paid order line was split, with the names as they were when it sold. One row per line, ever. */
@Entity('sale_line_splits')
export class SaleLineSplitEntity {
  @PrimaryColumn('uuid', { name: 'order_line_id' })
  orderLineId!: string;

  @Column('uuid', { name: 'order_id' })
  orderId!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('text', { name: 'studio_name' })
  studioName!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text', { name: 'merchant_name' })
  merchantName!: string;

  @Column('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('text', { name: 'product_name' })
  productName!: string;

  /** The product's Chinese name as bought; null when it had none. */
  @Column('text', { name: 'product_name_zh', nullable: true })
  productNameZh!: string | null;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'gross_minor', transformer: bigintMinorUnits })
  grossMinor!: number;

  @Column('int', { name: 'royalty_bps' })
  royaltyBps!: number;

  @Column('int', { name: 'fee_bps' })
  feeBps!: number;

  @Column({ type: 'bigint', name: 'royalty_minor', transformer: bigintMinorUnits })
  royaltyMinor!: number;

  @Column({ type: 'bigint', name: 'fee_minor', transformer: bigintMinorUnits })
  feeMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_minor', transformer: bigintMinorUnits })
  merchantMinor!: number;

  @Column({ type: 'bigint', name: 'refunded_minor', transformer: bigintMinorUnits })
  refundedMinor!: number;

  @Column({ type: 'bigint', name: 'royalty_reversed_minor', transformer: bigintMinorUnits })
  royaltyReversedMinor!: number;

  @Column({ type: 'bigint', name: 'fee_reversed_minor', transformer: bigintMinorUnits })
  feeReversedMinor!: number;

  @Column({ type: 'bigint', name: 'merchant_reversed_minor', transformer: bigintMinorUnits })
  merchantReversedMinor!: number;

  @Column('timestamptz', { name: 'paid_at' })
  paidAt!: Date;

  @Column('uuid', { name: 'statement_id', nullable: true })
  statementId!: string | null;
}
