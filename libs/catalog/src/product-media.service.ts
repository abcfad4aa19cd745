import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { MediaService } from '@chedun/media';
import { DataSource } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { CatalogException } from './catalog.exception';
import { assertMerchantOf } from './catalog.policy';
import { ProductMediaRepository } from './product-media.repository';
import { ProductMedia, SetProductMediaArgs } from './product-media.types';
import { ProductEntity } from './product.entity';
import { ProductTransition } from './product-status';
import { productLifecycle } from './product-steps';
import { ProductRepository } from './product.repository';

/**
 * Product galleries. The gallery is part of the design the studio approves (like name, description and images), so
 * replacing it on an approved, published or suspended product sends the product back for approval. Replacing a
 * gallery removes only the product's own rows: the uploads and their stored files stay, since other products (and
 * other organizations' equal uploads) may show the same files.
 */
@Injectable()
export class ProductMediaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly media: MediaService,
    private readonly events: CatalogEvents,
    private readonly products: ProductRepository,
    private readonly galleries: ProductMediaRepository,
  ) {}

  setGallery(actor: Actor, args: SetProductMediaArgs): Promise<ProductEntity> {
    const alt = new Map((args.alt ?? []).map((a) => [a.mediaId, a]));
    const stray = [...alt.keys()].find((id) => !args.mediaIds.includes(id));
    if (stray)
      throw CatalogException.badInput('Alt text is for an image that is not in mediaIds', { field: 'alt', id: stray });
    if (alt.size !== (args.alt ?? []).length)
      throw CatalogException.badInput('One alt text per image', { field: 'alt' });
    return this.dataSource.transaction(async (manager) => {
      const products = this.products.forManager(manager);
      const galleries = this.galleries.forManager(manager);
      const product = await products.lockById(args.productId);
      if (!product) throw CatalogException.notFound('Product', args.productId);
      assertMerchantOf(actor, product);
      const uploads = await this.media.summaries(args.mediaIds);
      for (const id of args.mediaIds) {
        const upload = uploads.get(id);
        if (!upload) throw CatalogException.notFound('Media', id);
        if (upload.organizationId !== product.merchantId) {
          throw CatalogException.forbidden("A product's gallery may hold only images its merchant uploaded");
        }
      }
      const before = await galleries.galleryOf(product.id);
      const rows = args.mediaIds.map((mediaId, position) => ({
        productId: product.id,
        mediaId,
        position,
        alt: alt.get(mediaId)?.alt || null,
        altZh: alt.get(mediaId)?.altZh || null,
      }));
      const changed = before.length !== rows.length || before.some((b, i) => b.mediaId !== rows[i]!.mediaId);
      const retextOnly = !changed && before.some((b, i) => b.alt !== rows[i]!.alt || b.altZh !== rows[i]!.altZh);
      if (!changed && !retextOnly) return product;
      await galleries.replaceGallery(product.id, rows);
      // Alt text describes the approved images; only new or reordered images are a new design.
      const revised =
        changed && productLifecycle.canFire(product.status, ProductTransition.Revised)
          ? productLifecycle.fire(product.status, ProductTransition.Revised)
          : null;
      if (revised) {
        product.status = revised.to;
        product.statusReason = null;
        product.publishedAt = null;
        await productLifecycle.record([{ ...revised, subject: product.id }], {
          products,
          reason: 'Gallery replaced',
          actorUserId: actor.userId,
        });
      }
      product.updatedAt = new Date();
      await products.save(product);
      await this.events.productsChanged(
        manager,
        [product.id],
        revised ? ProductTransition.Revised : 'ProductGalleryReplaced',
      );
      return product;
    });
  }

  /** The galleries of many products in one query each (rows, then their uploads), in the order of `productIds`. */
  async galleriesOf(productIds: readonly string[]): Promise<ProductMedia[][]> {
    const rows = await this.galleries.galleriesOf(productIds);
    const uploads = await this.media.summaries(rows.map((r) => r.mediaId));
    const byProduct = new Map<string, ProductMedia[]>();
    for (const row of rows) {
      const upload = uploads.get(row.mediaId);
      if (!upload) continue;
      const list = byProduct.get(row.productId) ?? [];
      list.push({ ...upload.image, alt: row.alt, altZh: row.altZh });
      byProduct.set(row.productId, list);
    }
    return productIds.map((id) => byProduct.get(id) ?? []);
  }
}
