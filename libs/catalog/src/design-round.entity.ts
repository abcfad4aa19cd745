import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DesignRoundStatus } from './design-round-status';

/**
 * One submission of a product's design to the licensing studio and the studio's answer: the artwork (the merchant's
 * own uploads), the merchant's note, the studio's comments, who and when on both sides. Rounds are numbered per
 * product from 1 and never edited once decided; the latest round is the one the product's status speaks of.
 */
@Entity('product_design_rounds')
export class DesignRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'product_id' })
  productId!: string;

  @Column('int')
  round!: number;

  @Column('text')
  status!: DesignRoundStatus;

  /** Media ids, in the merchant's order; media rows are never deleted, so the artwork of every round stays viewable. */
  @Column('uuid', { name: 'artwork_media_ids', array: true })
  artworkMediaIds!: string[];

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { nullable: true })
  comments!: string | null;

  /** Null only for rounds written by the migration for designs submitted before rounds were kept. */
  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
