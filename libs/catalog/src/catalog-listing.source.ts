import { Injectable } from '@nestjs/common';
import { FilmIpReader } from '@chedun/ip';
import { OrganizationService } from '@chedun/identity';
import { LicenseReader } from '@chedun/licensing';
import { Clock, FilmIpRenamed, LicenseStatus, ProductCategory, readMinorUnitsOrNull } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { CatalogListingRepository } from './catalog-listing.repository';
import { ProductKind } from './product-status';
import { ProductMediaService } from './product-media.service';
import { ProductRepository } from './product.repository';

/** What a shopper can find about one product: the search context indexes exactly this. */
export interface ProductListing {
  productId: string;
  kind: ProductKind;
  category: ProductCategory;
  name: string;
  nameZh: string | null;
  description: string | null;
  descriptionZh: string | null;
  filmIpId: string;
  filmIpTitle: string;
  filmIpTitleZh: string | null;
  studioId: string;
  merchantId: string;
  merchantName: string;
  merchantNameZh: string | null;
  venueId: string | null;
  /** Lowest variant or ticket price, in minor units of `currency`. */
  priceFromMinor: number | null;
  currency: string;
  /** Merchandise with units available, or an experience with an open future slot with seats. */
  inStock: boolean;
  /** Asia/Shanghai days with an open future slot that has seats (experiences). */
  availableDates: string[];
  publishedAt: Date;
}

/** A listed product as its shop page's link preview shows it: the listing and the gallery's image URLs, in order. */
export interface ProductPagePreview extends ProductListing {
  images: string[];
  /** The gallery's first upload, the picture the page opens with: its renditions and its own size. */
  cover?: { url: string; cardUrl: string; width: number; height: number };
}

/**
 * The catalog's read model for indexers. A product is listed only while PUBLISHED under an ACTIVE license; any
 * other product id asked for is simply absent, which tells the indexer to drop it.
 */
@Injectable()
export class CatalogListingSource {
  constructor(
    private readonly listingRows: CatalogListingRepository,
    private readonly licenses: LicenseReader,
    private readonly filmIps: FilmIpReader,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
    private readonly products: ProductRepository,
    private readonly galleries: ProductMediaService,
  ) {}

  /** What the product's page tells crawlers and chat apps before any script runs; undefined when the shop does not list it. */
  async pagePreview(productId: string): Promise<ProductPagePreview | undefined> {
    const [listing] = await this.listings([productId]);
    if (!listing) return undefined;
    const [product, [gallery]] = await Promise.all([
      this.products.findById(productId),
      this.galleries.galleriesOf([productId]),
    ]);
    // Uploaded pictures first (full rendition, a path on this site), then the image URLs held elsewhere.
    const first = gallery?.[0];
    return {
      ...listing,
      images: [...(gallery ?? []).map((m) => m.url), ...(product?.images ?? [])],
      ...(first ? { cover: { url: first.url, cardUrl: first.cardUrl, width: first.width, height: first.height } } : {}),
    };
  }

  /**
   * The picture a film's page shows when its studio gave no key art: the newest listed product's first uploaded
   * picture (a path on this site), as the film page's first product card shows it. Undefined when none has one.
   */
  async filmIpCover(filmIpId: string): Promise<string | undefined> {
    const ids = await this.listingRows.publishedIdsOfFilmIp(filmIpId);
    const listed = (await this.listings(ids)).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    const galleries = await this.galleries.galleriesOf(listed.map((l) => l.productId));
    return galleries.find((g) => g.length > 0)?.[0]?.url;
  }

  /** A listing carries its IP's titles: when they change, the IP's products on sale are listed again, in the same commit. */
  async onFilmIpRenamed(event: FilmIpRenamed, manager: EntityManager): Promise<void> {
    const ids = await this.listingRows.forManager(manager).publishedIdsOfFilmIp(event.filmIpId);
    await this.events.productsChanged(manager, ids, 'FilmIpRenamed');
  }

  /** Pass the caller's transaction manager to list the products as that transaction sees them. */
  async listings(productIds: readonly string[], manager?: EntityManager): Promise<ProductListing[]> {
    if (productIds.length === 0) return [];
    const rows = await (manager ? this.listingRows.forManager(manager) : this.listingRows).publishedRows(
      productIds,
      this.clock.now(),
    );
    if (rows.length === 0) return [];
    const licenseIds = [...new Set(rows.map((r) => r.license_id))];
    const active = new Set<string>();
    for (const id of licenseIds) {
      const license = await this.licenses.findById(id, manager);
      if (license?.status === LicenseStatus.ACTIVE) active.add(id);
    }
    const listed = rows.filter((r) => active.has(r.license_id));
    const ips = new Map(
      (await this.filmIps.findByIds([...new Set(listed.map((r) => r.film_ip_id))], manager)).map((ip) => [ip.id, ip]),
    );
    const orgs = new Map(
      (await this.organizations.profiles([...new Set(listed.map((r) => r.merchant_id))], manager)).map((o) => [
        o.id,
        o,
      ]),
    );
    return listed.map((r) => {
      const dates = (r.available_dates ?? []).sort();
      return {
        productId: r.id,
        kind: r.kind,
        category: r.category,
        name: r.name,
        nameZh: r.name_zh,
        description: r.description,
        descriptionZh: r.description_zh,
        filmIpId: r.film_ip_id,
        filmIpTitle: ips.get(r.film_ip_id)?.title ?? '',
        filmIpTitleZh: ips.get(r.film_ip_id)?.titleZh ?? null,
        studioId: r.studio_id,
        merchantId: r.merchant_id,
        merchantName: orgs.get(r.merchant_id)?.name ?? '',
        merchantNameZh: orgs.get(r.merchant_id)?.nameZh ?? null,
        venueId: r.venue_id,
        priceFromMinor: readMinorUnitsOrNull(r.price_from_minor),
        currency: r.currency?.trim() ?? 'CNY',
        inStock: r.kind === ProductKind.MERCHANDISE ? Number(r.available_units ?? 0) > 0 : dates.length > 0,
        availableDates: dates,
        publishedAt: r.published_at,
      };
    });
  }

  /** Every product id that may be listed (of one kind, when given), for a full or partial reindex. */
  publishedProductIds(kind?: ProductKind): Promise<string[]> {
    return this.listingRows.publishedIds(kind);
  }
}
