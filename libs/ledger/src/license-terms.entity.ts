import { bigintMinorUnits } from '@chedun/db';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A license's money terms as signed, and how far its advance has been recouped. */
@Entity('license_terms')
export class LicenseTermsEntity {
  @PrimaryColumn('uuid', { name: 'license_id' })
  licenseId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('char', { length: 3 })
  currency!: string;

  @Column({ type: 'bigint', name: 'advance_minor', transformer: bigintMinorUnits })
  advanceMinor!: number;

  @Column({ type: 'bigint', name: 'minimum_guarantee_minor', transformer: bigintMinorUnits })
  minimumGuaranteeMinor!: number;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Column({ type: 'bigint', name: 'advance_recouped_minor', transformer: bigintMinorUnits })
  advanceRecoupedMinor!: number;

  @Column('uuid', { name: 'guarantee_settled_by', nullable: true })
  guaranteeSettledBy!: string | null;
}
