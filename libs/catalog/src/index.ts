export { CatalogModule } from './catalog.module';
export { CatalogListingSource, ProductListing, ProductPagePreview } from './catalog-listing.source';
export { CatalogProductChanged, TimeSlotCancelled } from './catalog.events';
export { ProductKind, ProductStatus } from './product-status';
export { productLifecycle } from './product-steps';
export { designRoundLifecycle, DesignRoundStatus } from './design-round-status';
export { Product, ProductFilmIp } from './catalog.types';
export { ProductService } from './product.service';
export { LicensedProductReader } from './licensed-product.reader';
export type { LicensedProduct } from './licensed-product.reader';
export { ProductApprovalService } from './product-approval.service';
export { VenueService } from './venue.service';
export type { VenuePlace } from './venue.service';
export { TimeSlotService, timeSlotLifecycle } from './time-slot.service';
export {
  CreateMerchandiseInput,
  CreateExperienceInput,
  CreateVenueInput,
  AddWeeklyTimeSlotsInput,
  VariantInput,
  TicketTypeInput,
} from './catalog.types';
export { InventoryService } from './inventory.service';
export type { SeatForSale, StockHold, VariantForSale } from './inventory.repository';
export { ProductMediaService } from './product-media.service';
export { ProductMedia, SetProductMediaArgs } from './product-media.types';
