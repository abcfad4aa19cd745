import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One image of a product's gallery, in order: a media upload of the product's merchant, with its alt text. */
@Entity('product_media')
export class ProductMediaEntity {
  @PrimaryColumn('uuid', { name: 'product_id' })
  productId!: string;

  @PrimaryColumn('int')
  position!: number;

  @Column('uuid', { name: 'media_id' })
  mediaId!: string;

  @Column('text', { nullable: true })
  alt!: string | null;

  @Column('text', { name: 'alt_zh', nullable: true })
  altZh!: string | null;
}
