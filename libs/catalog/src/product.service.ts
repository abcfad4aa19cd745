import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { LicenseReader, LicenseSnapshot } from '@chedun/licensing';
import { assertWithinCeiling, LicenseStatus, Money, MoneyInput, ProductCategory } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { isUniqueViolation } from './catalog.mappers';
import { assertMerchantOf } from './catalog.policy';
import {
  CreateExperienceInput,
  CreateMerchandiseInput,
  SetVariantPriceInput,
  UpdateProductInput,
} from './catalog.types';
import { ProductEntity, ProductVariantEntity, StockMovementReason } from './product.entity';
import { ProductRepository } from './product.repository';
import { ProductKind, ProductStatus, ProductTransition } from './product-status';
import { productLifecycle } from './product-steps';
import { ProductVariantRepository } from './product-variant.repository';
import { variantOptionsOf } from './variant-options';
import { VenueRepository } from './venue.repository';
import { CatalogException } from './catalog.exception';

/** Fields that are the studio-approved design: changing one after approval needs a new approval. */
const DESIGN_FIELDS = ['name', 'nameZh', 'description', 'descriptionZh', 'images'] as const;

@Injectable()
export class ProductService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
    private readonly venues: VenueRepository,
    private readonly licenses: LicenseReader,
    private readonly events: CatalogEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  createMerchandise(actor: Actor, input: CreateMerchandiseInput): Promise<ProductEntity> {
    const prices = input.variants.map((v, i) => this.validPrice(v.price, `variants.${i}.price`));
    const skus = new Set(input.variants.map((v) => v.sku.toUpperCase()));
    if (skus.size !== input.variants.length)
      throw CatalogException.badInput('Each variant needs its own SKU', { field: 'variants' });
    const options = variantOptionsOf(input.variants);
    return this.dataSource.transaction(async (manager) => {
      const license = await this.licenseFor(actor, input.licenseId, input.category, manager);
      const product = await this.insertProduct(manager, license, ProductKind.MERCHANDISE, input, null);
      const variants = this.variants.forManager(manager);
      try {
        for (const [i, v] of input.variants.entries()) {
          const variant = await variants.insert({
            productId: product.id,
            merchantId: product.merchantId,
            sku: v.sku,
            priceMinor: prices[i]!.amountMinor,
            currency: prices[i]!.currency,
            stockOnHand: v.stock,
            position: i,
            options: options[i]!,
          });
          if (v.stock > 0) {
            await variants.recordMovement({
              variantId: variant.id,
              delta: v.stock,
              reason: StockMovementReason.INITIAL,
              note: null,
              stockAfter: v.stock,
              actorUserId: actor.userId,
            });
          }
        }
      } catch (error) {
        if (isUniqueViolation(error, 'product_variants_sku_per_merchant')) {
          throw CatalogException.conflict('This merchant already uses one of these SKUs', { field: 'variants.sku' });
        }
        throw error;
      }
      return product;
    });
  }

  createExperience(actor: Actor, input: CreateExperienceInput): Promise<ProductEntity> {
    const prices = input.ticketTypes.map((t, i) => this.validPrice(t.price, `ticketTypes.${i}.price`));
    return this.dataSource.transaction(async (manager) => {
      const license = await this.licenseFor(actor, input.licenseId, input.category, manager);
      const venue = await this.venues.forManager(manager).findById(input.venueId);
      if (!venue || venue.merchantId !== license.merchantId) throw CatalogException.notFound('Venue', input.venueId);
      const product = await this.insertProduct(manager, license, ProductKind.EXPERIENCE, input, venue.id);
      await this.products.forManager(manager).insertTicketTypes(
        input.ticketTypes.map((t, i) => ({
          productId: product.id,
          name: t.name,
          nameZh: t.nameZh ?? null,
          priceMinor: prices[i]!.amountMinor,
          currency: prices[i]!.currency,
          position: i,
        })),
      );
      return product;
    });
  }

  /** Edits a product; a change to the approved design sends an approved, published or suspended product back for approval. */
  update(actor: Actor, input: UpdateProductInput): Promise<ProductEntity> {
    return this.dataSource.transaction(async (manager) => {
      const products = this.products.forManager(manager);
      const product = await products.lockById(input.productId);
      assertMerchantOf(actor, product);
      const designChanged = DESIGN_FIELDS.some(
        (f) => input[f] !== undefined && input[f] !== null && !same(input[f], product[f]),
      );
      for (const f of DESIGN_FIELDS) {
        if (input[f] !== undefined && input[f] !== null) Object.assign(product, { [f]: input[f] });
      }
      if (input.purchaseLimit !== undefined) product.purchaseLimit = input.purchaseLimit ?? null;
      if (input.freeCancellationHours !== undefined) {
        if (product.kind !== ProductKind.EXPERIENCE && input.freeCancellationHours !== null) {
          throw CatalogException.badInput('Only experiences have a cancellation policy', {
            field: 'freeCancellationHours',
          });
        }
        product.freeCancellationHours = input.freeCancellationHours;
      }
      const revised =
        designChanged && productLifecycle.canFire(product.status, ProductTransition.Revised)
          ? productLifecycle.fire(product.status, ProductTransition.Revised)
          : null;
      if (revised) {
        product.status = revised.to;
        product.statusReason = null;
        product.publishedAt = null;
      }
      product.updatedAt = new Date();
      const saved = await products.save(product);
      if (revised)
        await productLifecycle.record([{ ...revised, subject: product.id }], {
          products,
          reason: null,
          actorUserId: actor.userId,
        });
      await this.events.productsChanged(manager, [product.id], revised ? ProductTransition.Revised : 'ProductUpdated');
      return saved;
    });
  }

  setVariantPrice(actor: Actor, input: SetVariantPriceInput): Promise<ProductVariantEntity> {
    const price = this.validPrice(input.price, 'price');
    return this.dataSource.transaction(async (manager) => {
      const variants = this.variants.forManager(manager);
      const variant = await variants.lockById(input.variantId);
      const product = variant ? await this.products.forManager(manager).findById(variant.productId) : null;
      if (!variant || !product) throw CatalogException.notFound('Variant', input.variantId);
      assertMerchantOf(actor, product, 'Variant');
      variant.priceMinor = price.amountMinor;
      variant.currency = price.currency;
      const saved = await variants.save(variant);
      await this.events.productsChanged(manager, [product.id], 'VariantPriceChanged');
      return saved;
    });
  }

  /** The license must be the actor's merchant's, ACTIVE, and cover the category. */
  private async licenseFor(
    actor: Actor,
    licenseId: string,
    category: ProductCategory,
    manager: EntityManager,
  ): Promise<LicenseSnapshot> {
    const license = await this.licenses.findById(licenseId, manager);
    if (!license || !actor.isMemberOf(license.merchantId, OrganizationKind.MERCHANT))
      throw CatalogException.notFound('License', licenseId);
    if (license.status !== LicenseStatus.ACTIVE) {
      throw CatalogException.conflict(`The license is ${license.status}; products need an ACTIVE license`, {
        field: 'licenseId',
      });
    }
    if (!license.categories.includes(category)) {
      throw CatalogException.badInput(`The license does not cover ${category}`, {
        field: 'category',
        allowed: license.categories,
      });
    }
    return license;
  }

  private insertProduct(
    manager: EntityManager,
    license: LicenseSnapshot,
    kind: ProductKind,
    input: CreateMerchandiseInput | CreateExperienceInput,
    venueId: string | null,
  ): Promise<ProductEntity> {
    return this.products.forManager(manager).insert({
      kind,
      merchantId: license.merchantId,
      studioId: license.studioId,
      licenseId: license.id,
      filmIpId: license.filmIpId,
      venueId,
      category: input.category,
      name: input.name,
      nameZh: input.nameZh ?? null,
      description: input.description ?? null,
      descriptionZh: input.descriptionZh ?? null,
      images: input.images ?? [],
      status: ProductStatus.DRAFT,
      statusReason: null,
      purchaseLimit: input.purchaseLimit ?? null,
      freeCancellationHours: 'freeCancellationHours' in input ? (input.freeCancellationHours ?? null) : null,
      publishedAt: null,
      verificationCode: null,
    });
  }

  /** More than zero and at most the configured ceiling, whoever the caller (the edge checks the ceiling first). */
  private validPrice(input: MoneyInput, field: string): Money {
    const money = Money.of(input.amountMinor, input.currency);
    if (money.amountMinor <= 0) throw CatalogException.badInput('A price must be more than zero', { field });
    assertWithinCeiling(money.amountMinor, this.config.amounts.amountCeilingMinor, field);
    return money;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
