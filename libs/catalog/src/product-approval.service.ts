import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { LicenseReader } from '@chedun/licensing';
import { Clock, LicenseStatus, LicenseStatusChanged, SalesChannel, shanghaiDate } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf, assertStudioOf, canViewProduct } from './catalog.policy';
import { ProductAuditEntryEntity, ProductEntity } from './product.entity';
import { ProductRepository } from './product.repository';
import { productLifecycle } from './product-steps';
import { ProductKind, ProductStatus, ProductTransition } from './product-status';
import { ProductVariantRepository } from './product-variant.repository';
import { CatalogException } from './catalog.exception';

/**
 * Design approval and shop presence (DESIGN §2): the merchant submits, the licensing studio approves or rejects,
 * the merchant publishes while the license allows it; a license that stops being ACTIVE suspends its products.
 */
@Injectable()
export class ProductApprovalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
    private readonly licenses: LicenseReader,
    private readonly events: CatalogEvents,
    private readonly clock: Clock,
  ) {}

  submit(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Submitted, async (product, manager) => {
      assertMerchantOf(actor, product);
      await this.assertSellable(manager, product);
    });
  }

  approve(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Approved, async (product) => assertStudioOf(actor, product));
  }

  reject(actor: Actor, productId: string, comments: string): Promise<ProductEntity> {
    const reason = comments.trim();
    if (reason.length < 1 || reason.length > 2000)
      throw CatalogException.badInput('Comments must be 1 to 2000 characters', { field: 'comments' });
    return this.change(
      actor,
      productId,
      ProductTransition.Rejected,
      async (product) => assertStudioOf(actor, product),
      reason,
    );
  }

  /**
   * Only while the license is ACTIVE, covers the category and today (Asia/Shanghai) is inside its term, and allows
   * the ONLINE channel (a license for the merchant's own venue or other shops does not sell here). The first
   * publication gives the product its verification code.
   */
  publish(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Published, async (product, manager) => {
      assertMerchantOf(actor, product);
      const license = await this.licenses.findById(product.licenseId, manager);
      if (license && !license.channels.includes(SalesChannel.ONLINE)) {
        throw CatalogException.badInput('The license does not allow selling on this marketplace (channel ONLINE)', {
          field: 'channels',
          channels: license.channels,
        });
      }
      const today = shanghaiDate(this.clock.now());
      if (!license || !this.licenses.isUsableOn(license, product.category, today)) {
        throw CatalogException.conflict(`The license does not allow selling ${product.category} on ${today}`, {
          licenseStatus: license?.status ?? null,
        });
      }
      await this.assertSellable(manager, product);
      // 120 random bits: guessing a code that exists is hopeless even without the verification rate limit.
      product.verificationCode ??= randomBytes(15).toString('base64url');
    });
  }

  unpublish(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Unpublished, async (product) =>
      assertMerchantOf(actor, product),
    );
  }

  /**
   * LicenseStatusChanged handler, inside licensing's transaction: a license that is no longer ACTIVE takes its
   * published and approved products out of the shop. They stay SUSPENDED when it is ACTIVE again, until the merchant
   * republishes.
   */
  async onLicenseStatusChanged(event: LicenseStatusChanged, manager: EntityManager): Promise<void> {
    if (event.to === LicenseStatus.ACTIVE) return;
    const reason = `License ${event.to.toLowerCase()}${event.reason ? `: ${event.reason}` : ''}`;
    const suspend = productLifecycle.edgesOf(ProductTransition.Suspended);
    const products = this.products.forManager(manager);
    const rows = await products.moveAllOfLicense(event.licenseId, suspend.from, suspend.to, reason);
    const steps = rows.map((r) => ({ ...productLifecycle.fire(r.from, ProductTransition.Suspended), subject: r.id }));
    await productLifecycle.record(steps, { products, reason, actorUserId: null });
    await this.events.productsChanged(
      manager,
      rows.map((r) => r.id),
      ProductTransition.Suspended,
    );
  }

  /** The product's steps through approval and the shop, oldest first: for its merchant, its studio and the platform. */
  async auditTrail(actor: Actor, productId: string): Promise<ProductAuditEntryEntity[]> {
    const product = await this.products.findById(productId);
    const party =
      product && (actor.isPlatform || actor.isMemberOf(product.merchantId) || actor.isMemberOf(product.studioId));
    if (!product || !party || !canViewProduct(actor, product)) throw CatalogException.notFound('Product', productId);
    return this.products.auditTrail(productId);
  }

  private change(
    actor: Actor,
    productId: string,
    transition: ProductTransition,
    authorize: (product: ProductEntity, manager: EntityManager) => Promise<void>,
    reason: string | null = null,
  ): Promise<ProductEntity> {
    return this.dataSource.transaction(async (manager) => {
      const products = this.products.forManager(manager);
      const product = await products.lockById(productId);
      if (!product) throw CatalogException.notFound('Product', productId);
      await authorize(product, manager);
      const step = productLifecycle.fire(product.status, transition);
      product.status = step.to;
      product.statusReason = reason;
      product.publishedAt = product.status === ProductStatus.PUBLISHED ? this.clock.now() : null;
      product.updatedAt = new Date();
      const saved = await products.save(product);
      await productLifecycle.record([{ ...step, subject: productId }], { products, reason, actorUserId: actor.userId });
      await this.events.productsChanged(manager, [product.id], transition);
      return saved;
    });
  }

  /** Something to buy: merchandise has variants (created with it); an experience needs ticket types. */
  private async assertSellable(manager: EntityManager, product: ProductEntity): Promise<void> {
    const count =
      product.kind === ProductKind.MERCHANDISE
        ? await this.variants.forManager(manager).countOfProduct(product.id)
        : await this.products.forManager(manager).countTicketTypes(product.id);
    if (count === 0) throw CatalogException.conflict('The product has nothing to sell yet');
  }
}
