import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OrganizationKind } from '@chedun/identity';
import { ConnectionShape, decodeCursor, toConnection } from '@chedun/kernel';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { canViewProduct } from './catalog.policy';
import { MerchantProductFilter } from './catalog.types';
import { ProductEntity } from './product.entity';
import { ProductStatus } from './product-status';
import { ProductChildren, ProductChildrenReader, RawChildren } from './product-children.reader';
import { CatalogException } from './catalog.exception';

/** Reads of products for the shop, the merchant's console and the studio's approval queue. */
@Injectable()
export class ProductQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly children: ProductChildrenReader,
  ) {}

  /** Public once PUBLISHED; otherwise only to those who may see it, and NOT_FOUND to everyone else. */
  async findVisible(actor: Actor | undefined, id: string): Promise<ProductEntity> {
    const product = await this.dataSource.getRepository(ProductEntity).findOneBy({ id });
    if (!product || !canViewProduct(actor, product)) throw CatalogException.notFound('Product', id);
    return product;
  }

  /** The same rule as findVisible, with the product page's own rows (see ProductChildrenReader) read in the same statement. */
  async findVisibleWithChildren(actor: Actor | undefined, id: string): Promise<{ product: ProductEntity; children: ProductChildren }> {
    const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const { entities, raw } = await this.children.addChildren(qb, 'p').getRawAndEntities<{ children: RawChildren }>();
    const product = entities[0];
    if (!product || !canViewProduct(actor, product)) throw CatalogException.notFound('Product', id);
    return { product, children: this.children.hydrate((raw[0] as { children: RawChildren }).children) };
  }

  listForMerchant(
    actor: Actor,
    merchantId: string,
    filter: MerchantProductFilter | undefined,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<ProductEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    const qb = this.dataSource.getRepository(ProductEntity).createQueryBuilder('p').where('p.merchant_id = :merchantId', { merchantId });
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter?.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter?.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter?.licenseId) qb.andWhere('p.license_id = :licenseId', { licenseId: filter.licenseId });
    if (filter?.venueId) qb.andWhere('p.venue_id = :venueId', { venueId: filter.venueId });
    return page(qb, first, after);
  }

  /** The studio's view: designs of its IP that were submitted (never a merchant's drafts). */
  listForStudio(actor: Actor, studioId: string, status: ProductStatus, first: number, after?: string | null): Promise<ConnectionShape<ProductEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    if (status === ProductStatus.DRAFT) throw CatalogException.badInput('Drafts are the merchant\'s own', { field: 'status' });
    const qb = this.dataSource
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.studio_id = :studioId AND p.status = :status', { studioId, status });
    return page(qb, first, after);
  }
}

/** Newest first, keyset on (created_at, id) so pages never repeat or skip rows. */
async function page(qb: SelectQueryBuilder<ProductEntity>, first: number, after?: string | null): Promise<ConnectionShape<ProductEntity>> {
  const totalCount = await qb.clone().getCount();
  if (after) {
    const [createdAt, id] = decodeCursor(after, 2);
    qb.andWhere('(p.created_at, p.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
  }
  const rows = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').limit(first + 1).getMany();
  return toConnection(rows, first, totalCount, (p) => [p.createdAt.toISOString(), p.id]);
}
