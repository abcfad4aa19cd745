import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { ProductMediaEntity } from './product-media.entity';

/** One image of a gallery as written: the product, its place, the upload and its alt text. */
export type ProductMediaRow = Pick<ProductMediaEntity, 'productId' | 'mediaId' | 'position' | 'alt' | 'altZh'>;

/** The `product_media` table: each product's gallery, in order. */
@Injectable()
export class ProductMediaRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ProductMediaRepository {
    return new ProductMediaRepository(manager);
  }

  galleryOf(productId: string): Promise<ProductMediaEntity[]> {
    return this.manager.find(ProductMediaEntity, { where: { productId }, order: { position: 'ASC' } });
  }

  /** The galleries of many products in one query, each in order. */
  galleriesOf(productIds: readonly string[]): Promise<ProductMediaEntity[]> {
    return this.manager.find(ProductMediaEntity, {
      where: { productId: In([...new Set(productIds)]) },
      order: { productId: 'ASC', position: 'ASC' },
    });
  }

  /** The product's gallery becomes `rows`, in their order; the uploads themselves are not touched. */
  async replaceGallery(productId: string, rows: readonly ProductMediaRow[]): Promise<void> {
    await this.manager.delete(ProductMediaEntity, { productId });
    if (rows.length > 0) await this.manager.insert(ProductMediaEntity, [...rows]);
  }
}
