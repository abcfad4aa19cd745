import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One upload by an organization: the WebP renditions it was re-encoded into, by content address. Two uploads of the
 * same picture (by two organizations, or one twice) share the stored objects, so no record may delete an object on
 * its own: a file stays while any media row names it.
 */
@Entity('media')
export class MediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy!: string;

  /** SHA-256 of the bytes as uploaded (never stored themselves): the same file uploaded again is the same media. */
  @Column('text', { name: 'source_sha256' })
  sourceSha256!: string;

  /** What the upload was by its content: jpeg, png or webp. */
  @Column('text', { name: 'source_format' })
  sourceFormat!: string;

  @Column('int')
  width!: number;

  @Column('int')
  height!: number;

  @Column('text', { name: 'full_key' })
  fullKey!: string;

  @Column('text', { name: 'card_key' })
  cardKey!: string;

  @Column('text', { name: 'thumbnail_key' })
  thumbnailKey!: string;

  /** Bytes of all three renditions together. */
  @Column('int', { name: 'stored_bytes' })
  storedBytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
