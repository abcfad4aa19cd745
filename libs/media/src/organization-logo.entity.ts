import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization's logo: one of its own public uploads. */
@Entity('organization_logos')
export class OrganizationLogoEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'media_id' })
  mediaId!: string;

  @Column('uuid', { name: 'updated_by' })
  updatedBy!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
