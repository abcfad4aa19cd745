import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An official asset of a film IP (key art, a logo, a style guide): a private upload of the IP's studio, titled. */
@Entity('brand_assets')
export class BrandAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'film_ip_id' })
  filmIpId!: string;

  @Column('uuid', { name: 'studio_id' })
  studioId!: string;

  @Column('uuid', { name: 'media_id' })
  mediaId!: string;

  @Column('text')
  title!: string;

  @Column('uuid', { name: 'added_by' })
  addedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
