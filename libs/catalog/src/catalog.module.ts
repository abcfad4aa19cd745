import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventBus } from '@chedun/db';
import { IdentityModule } from '@chedun/identity';
import { IpModule } from '@chedun/ip';
import { Clock, FilmIpRenamed, LicenseStatusChanged } from '@chedun/kernel';
import { LicensingModule } from '@chedun/licensing';
import { MediaModule } from '@chedun/media';
import { CatalogEvents } from './catalog.events';
import { DesignRoundEntity } from './design-round.entity';
import { DesignRoundRepository } from './design-round.repository';
import { DesignRoundResolver } from './design-round.resolver';
import { DesignRoundService } from './design-round.service';
import { LicensedProductReader } from './licensed-product.reader';
import { CatalogListingRepository } from './catalog-listing.repository';
import { CatalogListingSource } from './catalog-listing.source';
import { CatalogLoaders } from './catalog.loaders';
import { FavouriteRepository } from './favourite.repository';
import { FavouriteResolver } from './favourite.resolver';
import { FavouriteService } from './favourite.service';
import { InventoryRepository } from './inventory.repository';
import { ProductApprovalService } from './product-approval.service';
import { ProductChildrenRepository } from './product-children.repository';
import { ProductPageCache } from './product-page-cache';
import { ProductPageReader } from './product-page.reader';
import { ProductMediaEntity } from './product-media.entity';
import { ProductMediaResolver } from './product-media.resolver';
import { ProductMediaRepository } from './product-media.repository';
import { ProductMediaService } from './product-media.service';
import { ProductQueryService } from './product-query.service';
import { ProductVerificationResolver } from './product-verification.resolver';
import { ProductVerificationService } from './product-verification.service';
import { ProductTagsController } from './product-tags.controller';
import { ProductRepository } from './product.repository';
import { ProductResolver } from './product.resolver';
import { ProductService } from './product.service';
import {
  ProductAuditEntryEntity,
  ProductEntity,
  ProductVariantEntity,
  StockMovementEntity,
  TicketTypeEntity,
  TimeSlotEntity,
} from './product.entity';
import { InventoryService } from './inventory.service';
import { ProductVariantRepository } from './product-variant.repository';
import { StockService } from './stock.service';
import { TimeSlotRepository } from './time-slot.repository';
import { TimeSlotResolver } from './time-slot.resolver';
import { TimeSlotService } from './time-slot.service';
import { VenueEntity } from './venue.entity';
import { VenuePhotoEntity } from './venue-photo.entity';
import { VenuePhotoRepository } from './venue-photo.repository';
import { VenuePhotoResolver } from './venue-photo.resolver';
import { VenuePhotoService } from './venue-photo.service';
import { VenueRepository } from './venue.repository';
import { VenueResolver } from './venue.resolver';
import { VenueService } from './venue.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProductAuditEntryEntity,
      ProductEntity,
      ProductVariantEntity,
      StockMovementEntity,
      TicketTypeEntity,
      TimeSlotEntity,
      VenueEntity,
      VenuePhotoEntity,
      ProductMediaEntity,
      DesignRoundEntity,
    ]),
    IdentityModule,
    IpModule,
    LicensingModule,
    MediaModule,
  ],
  controllers: [ProductTagsController],
  providers: [
    ProductRepository,
    LicensedProductReader,
    ProductVariantRepository,
    ProductChildrenRepository,
    InventoryRepository,
    TimeSlotRepository,
    VenueRepository,
    CatalogListingRepository,
    CatalogEvents,
    CatalogLoaders,
    CatalogListingSource,
    ProductService,
    ProductApprovalService,
    ProductQueryService,
    ProductPageReader,
    // The application's clock: a page's slot window is the 30 days from when it was read.
    {
      provide: ProductPageCache,
      useFactory: (clock: Clock) => new ProductPageCache(() => clock.now().getTime()),
      inject: [Clock],
    },
    StockService,
    InventoryService,
    TimeSlotService,
    VenueService,
    ProductResolver,
    ProductMediaService,
    ProductMediaRepository,
    ProductMediaResolver,
    ProductVerificationService,
    ProductVerificationResolver,
    DesignRoundRepository,
    DesignRoundService,
    DesignRoundResolver,
    FavouriteRepository,
    FavouriteService,
    FavouriteResolver,
    VenueResolver,
    VenuePhotoRepository,
    VenuePhotoService,
    VenuePhotoResolver,
    TimeSlotResolver,
  ],
  exports: [
    LicensedProductReader,
    InventoryService,
    CatalogListingSource,
    ProductService,
    ProductApprovalService,
    ProductMediaService,
    VenueService,
    TimeSlotService,
  ],
})
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly approvals: ProductApprovalService,
    private readonly listings: CatalogListingSource,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe<LicenseStatusChanged>('LicenseStatusChanged', (event, manager) =>
      this.approvals.onLicenseStatusChanged(event, manager),
    );
    this.bus.subscribe<FilmIpRenamed>('FilmIpRenamed', (event, manager) =>
      this.listings.onFilmIpRenamed(event, manager),
    );
  }
}
