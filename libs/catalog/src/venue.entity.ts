import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A merchant's place where experiences happen (Xiangdi Art Center, Xinshe Ranch, ...). */
@Entity('venues')
export class VenueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'merchant_id' })
  merchantId!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'name_zh', nullable: true })
  nameZh!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { name: 'address_zh', nullable: true })
  addressZh!: string | null;

  @Column('double precision')
  latitude!: number;

  @Column('double precision')
  longitude!: number;

  @Column('text', { name: 'opening_notes', nullable: true })
  openingNotes!: string | null;

  /** "Filmed here": ids of the IP context's filming locations, a reference across contexts (no foreign key). */
  @Column('uuid', { name: 'filming_location_ids', array: true, default: () => `'{}'` })
  filmingLocationIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
