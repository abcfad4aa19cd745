import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The platform's rate for one merchant, overriding PLATFORM_FEE_BPS. */
@Entity('merchant_fee_rates')
export class MerchantFeeRateEntity {
  @PrimaryColumn('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('int', { name: 'fee_bps' })
  feeBps!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
