import { Injectable } from '@nestjs/common';
import { Actor, OrganizationKind } from '@chedun/identity';
import { Clock, ConnectionShape } from '@chedun/kernel';
import { canViewProduct } from './catalog.policy';
import { MerchantProductFilter } from './catalog.types';
import { ProductEntity } from './product.entity';
import { ProductRepository } from './product.repository';
import { ProductStatus } from './product-status';
import { ProductChildren, ProductChildrenRepository, ProductWithChildren } from './product-children.repository';
import { ProductPageReader } from './product-page.reader';
import { CatalogException } from './catalog.exception';

/** Reads of products for the shop, the merchant's console and the studio's approval queue. */
@Injectable()
export class ProductQueryService {
  constructor(
    private readonly products: ProductRepository,
    private readonly children: ProductChildrenRepository,
    private readonly pages: ProductPageReader,
    private readonly clock: Clock,
  ) {}

  /** Public once PUBLISHED; otherwise only to those who may see it, and NOT_FOUND to everyone else. */
  async findVisible(actor: Actor | undefined, id: string): Promise<ProductEntity> {
    const product = await this.products.findById(id);
    if (!product || !canViewProduct(actor, product)) throw CatalogException.notFound('Product', id);
    return product;
  }

  /**
   * The same rule as findVisible, with the product page's own rows (see ProductChildrenRepository) read in the same
   * statement, or from the process's page cache (ProductPageReader): the rule is applied to every request either way.
   */
  async findVisibleWithChildren(actor: Actor | undefined, id: string): Promise<ProductWithChildren> {
    const found = await this.pages.find(id);
    if (!found || !canViewProduct(actor, found.product)) throw CatalogException.notFound('Product', id);
    return found;
  }

  /** The page's own rows of each product (variants, ticket types, the next 30 days' slots, venue), in one statement. */
  childrenOf(productIds: readonly string[]): Promise<ProductChildren[]> {
    return this.children.childrenOf(productIds, this.clock.now());
  }

  listForMerchant(
    actor: Actor,
    merchantId: string,
    filter: MerchantProductFilter | undefined,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<ProductEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(merchantId, OrganizationKind.MERCHANT);
    return this.products.pageOfMerchant(merchantId, filter, first, after);
  }

  /** The studio's view: designs of its IP that were submitted (never a merchant's drafts). */
  listForStudio(
    actor: Actor,
    studioId: string,
    status: ProductStatus,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<ProductEntity>> {
    if (!actor.isPlatform) actor.assertMemberOf(studioId, OrganizationKind.STUDIO);
    if (status === ProductStatus.DRAFT)
      throw CatalogException.badInput("Drafts are the merchant's own", { field: 'status' });
    return this.products.pageOfStudio(studioId, status, first, after);
  }
}
