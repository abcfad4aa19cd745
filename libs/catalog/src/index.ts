export { CatalogModule } from './catalog.module';
export { CatalogListingSource, ProductListing } from './catalog-listing.source';
export { CatalogProductChanged } from './catalog.events';
export { ProductKind, ProductStatus } from './product-status';
export { Product, ProductFilmIp } from './catalog.types';
