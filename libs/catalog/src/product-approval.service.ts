import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { LicenseReader } from '@chedun/licensing';
import { MediaService } from '@chedun/media';
import { Clock, LicenseStatus, LicenseStatusChanged, SalesChannel, shanghaiDate } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf, assertStudioOf, canViewProduct } from './catalog.policy';
import { ProductAuditEntryEntity, ProductEntity } from './product.entity';
import { ProductRepository } from './product.repository';
import { productLifecycle, ProductStepContext } from './product-steps';
import { ProductKind, ProductStatus, ProductTransition } from './product-status';
import { ProductVariantRepository } from './product-variant.repository';
import { CatalogException } from './catalog.exception';
import { SubmitDesignRoundInput } from './design-round.types';

/** At most this many artwork files per round (a front, a back, details, a colour sheet, ...). */
export const MAX_ARTWORK_PER_ROUND = 20;
const MAX_COMMENTS = 2000;

function comments(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_COMMENTS)
    throw CatalogException.badInput(
      `${field === 'note' ? 'The note' : 'Comments'} must be 1 to ${MAX_COMMENTS} characters`,
      { field },
    );
  return trimmed;
}

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
    private readonly media: MediaService,
  ) {}

  /**
   * The merchant's next design round, with its artwork (the merchant's own uploads) and a note: the first submission
   * of a draft, the answer to a rejection or a request for changes, or new artwork for an approved or published
   * product, which leaves the shop until the studio approves the round. One round waits at a time (CONFLICT).
   */
  submitRound(actor: Actor, input: SubmitDesignRoundInput): Promise<ProductEntity> {
    const artwork = input.artworkMediaIds;
    if (artwork.length < 1 || artwork.length > MAX_ARTWORK_PER_ROUND)
      throw CatalogException.badInput(`A design round has 1 to ${MAX_ARTWORK_PER_ROUND} artwork files`, {
        field: 'artworkMediaIds',
      });
    if (new Set(artwork).size !== artwork.length)
      throw CatalogException.badInput('Each artwork file once', { field: 'artworkMediaIds' });
    const note =
      input.note === undefined || input.note === null || input.note.trim() === '' ? null : comments(input.note, 'note');
    return this.change(
      actor,
      input.productId,
      (product) => {
        if (product.status === ProductStatus.PENDING_APPROVAL)
          throw CatalogException.conflict('A design round is already waiting for the studio', { field: 'productId' });
        return productLifecycle.canFire(product.status, ProductTransition.Submitted)
          ? ProductTransition.Submitted
          : ProductTransition.Revised;
      },
      async (product, manager) => {
        assertMerchantOf(actor, product);
        const uploads = await this.media.summaries(artwork);
        for (const id of artwork) {
          const upload = uploads.get(id);
          if (!upload) throw CatalogException.notFound('Media', id);
          if (upload.organizationId !== product.merchantId)
            throw CatalogException.forbidden("A design round's artwork must be uploads of the product's merchant");
        }
        if (product.status === ProductStatus.DRAFT) await this.assertSellable(manager, product);
      },
      null,
      { artworkMediaIds: artwork, note },
    );
  }

  /** The studio sends the latest round back with comments; the merchant answers with the next round. */
  requestChanges(actor: Actor, productId: string, text: string): Promise<ProductEntity> {
    const reason = comments(text, 'comments');
    return this.change(
      actor,
      productId,
      ProductTransition.ChangesRequested,
      async (product) => assertStudioOf(actor, product),
      reason,
    );
  }

  submit(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Submitted, async (product, manager) => {
      assertMerchantOf(actor, product);
      await this.assertSellable(manager, product);
    });
  }

  approve(actor: Actor, productId: string): Promise<ProductEntity> {
    return this.change(actor, productId, ProductTransition.Approved, async (product) => assertStudioOf(actor, product));
  }

  reject(actor: Actor, productId: string, text: string): Promise<ProductEntity> {
    const reason = comments(text, 'comments');
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
    transition: ProductTransition | ((product: ProductEntity) => ProductTransition),
    authorize: (product: ProductEntity, manager: EntityManager) => Promise<void>,
    reason: string | null = null,
    design?: ProductStepContext['design'],
  ): Promise<ProductEntity> {
    return this.dataSource.transaction(async (manager) => {
      const products = this.products.forManager(manager);
      const product = await products.lockById(productId);
      if (!product) throw CatalogException.notFound('Product', productId);
      await authorize(product, manager);
      const step = productLifecycle.fire(
        product.status,
        typeof transition === 'function' ? transition(product) : transition,
      );
      product.status = step.to;
      product.statusReason = reason;
      const now = this.clock.now();
      product.publishedAt = product.status === ProductStatus.PUBLISHED ? now : null;
      product.updatedAt = new Date();
      const saved = await products.save(product);
      await productLifecycle.record([{ ...step, subject: productId }], {
        products,
        reason,
        actorUserId: actor.userId,
        design,
        at: now,
      });
      await this.events.productsChanged(manager, [product.id], step.event ?? step.action);
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
