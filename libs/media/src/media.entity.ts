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

  /** What the upload was by its content: jpeg, png or webp; pdf only for private uploads. */
  @Column('text', { name: 'source_format' })
  sourceFormat!: string;

  /**
   * Private uploads (brand assets) are stored under `p-` keys that GET /media/:key never serves, as one file: the
   * full WebP rendition of an image, or the PDF as uploaded. Their owner's context serves them behind its own checks.
   */
  @Column('boolean')
  private!: boolean;

  /** What the stored file is served as: image/webp, or application/pdf for a private PDF. */
  @Column('text', { name: 'content_type' })
  contentType!: string;

  /** Null for a PDF, which has pages rather than pixels. */
  @Column('int', { nullable: true })
  width!: number | null;

  @Column('int', { nullable: true })
  height!: number | null;

  @Column('text', { name: 'full_key' })
  fullKey!: string;

  @Column('text', { name: 'card_key' })
  cardKey!: string;

  @Column('text', { name: 'thumbnail_key' })
  thumbnailKey!: string;

  /** Bytes of all three renditions together (of the one stored file when private). */
  @Column('int', { name: 'stored_bytes' })
  storedBytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
