import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OptionalActor, Organization, Public, toOrganization } from '@chedun/identity';
import { ConnectionShape, Money, MoneyType } from '@chedun/kernel';
import { CatalogLoaders } from './catalog.loaders';
import { toProduct, toTicketType, toTimeSlot, toVariant, toVenue } from './catalog.mappers';
import {
  AdjustStockInput,
  CreateExperienceInput,
  CreateMerchandiseInput,
  MerchantProductsArgs,
  Product,
  ProductAuditEntry,
  ProductConnection,
  ProductFilmIp,
  ProductVariant,
  SetVariantPriceInput,
  StockAdjustment,
  StudioProductsArgs,
  TicketType,
  TimeSlot,
  UpdateProductInput,
  Venue,
} from './catalog.types';
import { ProductApprovalService } from './product-approval.service';
import { ProductQueryService } from './product-query.service';
import { ProductService } from './product.service';
import { ProductKind, ProductStatus } from './product-status';
import { StockService } from './stock.service';

const uuid = new ParseUUIDPipe();

/** GraphQL's context value (app.module's `context`): the request keys the per-request DataLoaders. */
interface RequestContext {
  req: object;
}

@Resolver(() => Product)
export class ProductResolver {
  constructor(
    private readonly products: ProductService,
    private readonly approvals: ProductApprovalService,
    private readonly queries: ProductQueryService,
    private readonly stock: StockService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => Product, {
    description: 'Public when PUBLISHED; merchants see their own drafts, studios the designs they review.',
  })
  async product(
    @OptionalActor() actor: Actor | undefined,
    @Args('id', { type: () => ID }, uuid) id: string,
    @Context('req') req: object,
  ): Promise<Product> {
    // The product page's own rows come with the product, in the same statement: one round trip instead of two.
    const { product, children } = await this.queries.findVisibleWithChildren(actor, id);
    this.loaders.for(req).childrenByProduct.prime(product.id, children);
    return toProduct(product);
  }

  @Query(() => [ProductAuditEntry], {
    description: "Who moved the product through approval and the shop: its merchant's and studio's staff.",
  })
  async productAuditTrail(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
  ): Promise<ProductAuditEntry[]> {
    const entries = await this.approvals.auditTrail(actor, productId);
    return entries.map((e) => ({
      id: e.id,
      event: e.event,
      from: e.fromStatus,
      to: e.toStatus,
      reason: e.reason,
      actorUserId: e.actorUserId,
      at: e.createdAt,
    }));
  }

  @Query(() => ProductConnection, { description: "A merchant's own products, newest first." })
  async merchantProducts(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantProductsArgs,
  ): Promise<ConnectionShape<Product>> {
    const first = args.first ?? 20;
    const page = await this.queries.listForMerchant(actor, args.merchantId, args.filter, first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toProduct(e.node) })) };
  }

  @Query(() => ProductConnection, {
    description: "A studio's designs by status (PENDING_APPROVAL by default): its approval queue.",
  })
  async studioProducts(
    @CurrentActor() actor: Actor,
    @Args() args: StudioProductsArgs,
  ): Promise<ConnectionShape<Product>> {
    const first = args.first ?? 20;
    const page = await this.queries.listForStudio(
      actor,
      args.studioId,
      args.status ?? ProductStatus.PENDING_APPROVAL,
      first,
      args.after,
    );
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toProduct(e.node) })) };
  }

  @Mutation(() => Product, { description: "A merchandise design (DRAFT) under one of the merchant's ACTIVE licenses." })
  async createMerchandise(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateMerchandiseInput,
  ): Promise<Product> {
    return toProduct(await this.products.createMerchandise(actor, input));
  }

  @Mutation(() => Product, { description: "An experience (DRAFT) at one of the merchant's venues." })
  async createExperience(@CurrentActor() actor: Actor, @Args('input') input: CreateExperienceInput): Promise<Product> {
    return toProduct(await this.products.createExperience(actor, input));
  }

  @Mutation(() => Product)
  async updateProduct(@CurrentActor() actor: Actor, @Args('input') input: UpdateProductInput): Promise<Product> {
    return toProduct(await this.products.update(actor, input));
  }

  @Mutation(() => Product, { description: 'Merchant: DRAFT or REJECTED → PENDING_APPROVAL.' })
  async submitProductForApproval(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.submit(actor, productId));
  }

  @Mutation(() => Product, { description: "Staff of the licensed IP's studio: PENDING_APPROVAL → APPROVED." })
  async approveProduct(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.approve(actor, productId));
  }

  @Mutation(() => Product, {
    description: "Staff of the licensed IP's studio: PENDING_APPROVAL → REJECTED with comments.",
  })
  async rejectProduct(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
    @Args('comments') comments: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.reject(actor, productId, comments));
  }

  @Mutation(() => Product, {
    description: 'Merchant: APPROVED or SUSPENDED → PUBLISHED, only while the license allows the category today.',
  })
  async publishProduct(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.publish(actor, productId));
  }

  @Mutation(() => Product, { description: 'Merchant: PUBLISHED → APPROVED (out of the shop).' })
  async unpublishProduct(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.unpublish(actor, productId));
  }

  @Mutation(() => ProductVariant)
  async setVariantPrice(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetVariantPriceInput,
  ): Promise<ProductVariant> {
    return toVariant(await this.products.setVariantPrice(actor, input));
  }

  @Mutation(() => StockAdjustment, {
    description: 'Restock, write off damage or record a count; kept as a stock movement.',
  })
  async adjustStock(@CurrentActor() actor: Actor, @Args('input') input: AdjustStockInput): Promise<StockAdjustment> {
    const { variant, movement } = await this.stock.adjust(actor, input);
    return {
      variant: toVariant(variant),
      movement: {
        id: movement.id,
        delta: movement.delta,
        reason: movement.reason,
        note: movement.note,
        stockAfter: movement.stockAfter,
        createdAt: movement.createdAt,
      },
    };
  }

  // The field resolvers take GraphQL's own (parent, args, context) and no parameter decorators: Nest then hands
  // the method to GraphQL as it is, instead of running its params factory and the global pipes for every field of
  // every product (a product page resolves eight of them).
  @ResolveField(() => [ProductVariant])
  async variants(product: Product, _args: unknown, { req }: RequestContext): Promise<ProductVariant[]> {
    return (await this.loaders.for(req).childrenByProduct.load(product.id)).variants.map(toVariant);
  }

  @ResolveField(() => [TicketType])
  async ticketTypes(product: Product, _args: unknown, { req }: RequestContext): Promise<TicketType[]> {
    return (await this.loaders.for(req).childrenByProduct.load(product.id)).ticketTypes.map(toTicketType);
  }

  @ResolveField(() => [TimeSlot], { description: 'Slots starting in the next 30 days, with remaining seats.' })
  async upcomingTimeSlots(product: Product, _args: unknown, { req }: RequestContext): Promise<TimeSlot[]> {
    return (await this.loaders.for(req).childrenByProduct.load(product.id)).upcomingSlots.map(toTimeSlot);
  }

  @ResolveField(() => Venue, { nullable: true })
  async venue(product: Product, _args: unknown, { req }: RequestContext): Promise<Venue | null> {
    if (!product.venueId) return null;
    const { venue } = await this.loaders.for(req).childrenByProduct.load(product.id);
    return venue ? toVenue(venue) : null;
  }

  @ResolveField(() => ProductFilmIp)
  async filmIp(product: Product, _args: unknown, { req }: RequestContext): Promise<ProductFilmIp> {
    const ip = await this.loaders.for(req).filmIp.load(product.filmIpId);
    return { id: product.filmIpId, title: ip?.title ?? '', titleZh: ip?.titleZh ?? null };
  }

  @ResolveField(() => Organization)
  async merchant(product: Product, _args: unknown, { req }: RequestContext): Promise<Organization> {
    return this.organization(req, product.merchantId);
  }

  @ResolveField(() => Organization)
  async studio(product: Product, _args: unknown, { req }: RequestContext): Promise<Organization> {
    return this.organization(req, product.studioId);
  }

  @ResolveField(() => MoneyType, { nullable: true, description: 'The lowest variant or ticket price.' })
  async priceFrom(product: Product, _args: unknown, { req }: RequestContext): Promise<MoneyType | null> {
    const children = await this.loaders.for(req).childrenByProduct.load(product.id);
    const priced = product.kind === ProductKind.MERCHANDISE ? children.variants : children.ticketTypes;
    // The first of the lowest, as a stable sort by amount would give.
    let lowest: { priceMinor: number; currency: string } | undefined;
    for (const p of priced) if (!lowest || p.priceMinor < lowest.priceMinor) lowest = p;
    return lowest ? MoneyType.from(Money.of(lowest.priceMinor, lowest.currency)) : null;
  }

  private async organization(req: object, id: string): Promise<Organization> {
    const org = await this.loaders.for(req).organization.load(id);
    if (!org) throw new Error(`Organization ${id} of a product is missing`);
    return toOrganization(org);
  }
}
