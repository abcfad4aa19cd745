import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilmIpReader } from '@chedun/ip';
import { OrganizationService } from '@chedun/identity';
import { LicenseReader } from '@chedun/licensing';
import { Clock, FilmIpRenamed, LicenseStatus, ProductCategory, readMinorUnitsOrNull } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { ProductKind, ProductStatus } from './product-status';

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

interface ListingRow {
  id: string;
  kind: ProductKind;
  category: ProductCategory;
  name: string;
  name_zh: string | null;
  description: string | null;
  description_zh: string | null;
  film_ip_id: string;
  studio_id: string;
  merchant_id: string;
  license_id: string;
  venue_id: string | null;
  published_at: Date;
  price_from_minor: string | null;
  currency: string | null;
  available_units: string | null;
  available_dates: string[] | null;
}

/**
 * The catalog's read model for indexers. A product is listed only while PUBLISHED under an ACTIVE license; any
 * other product id asked for is simply absent, which tells the indexer to drop it.
 */
@Injectable()
export class CatalogListingSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licenses: LicenseReader,
    private readonly filmIps: FilmIpReader,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
  ) {}

  /** A listing carries its IP's titles: when they change, the IP's products on sale are listed again, in the same commit. */
  async onFilmIpRenamed(event: FilmIpRenamed, manager: EntityManager): Promise<void> {
    const rows = (await manager.query(`SELECT id FROM products WHERE film_ip_id = $1 AND status = $2`, [event.filmIpId, ProductStatus.PUBLISHED])) as {
      id: string;
    }[];
    await this.events.productsChanged(manager, rows.map((r) => r.id), 'FilmIpRenamed');
  }

  async listings(productIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ProductListing[]> {
    if (productIds.length === 0) return [];
    const rows: ListingRow[] = await manager.query(
      `SELECT p.id, p.kind, p.category, p.name, p.name_zh, p.description, p.description_zh, p.film_ip_id, p.studio_id,
              p.merchant_id, p.license_id, p.venue_id, p.published_at,
              coalesce(v.price_from, t.price_from) AS price_from_minor,
              coalesce(v.currency, t.currency) AS currency,
              v.available_units,
              s.available_dates
         FROM products p
         LEFT JOIN LATERAL (SELECT min(price_minor) AS price_from, min(currency) AS currency,
                                   sum(stock_on_hand - sold - reserved) AS available_units
                              FROM product_variants WHERE product_id = p.id) v ON p.kind = 'MERCHANDISE'
         LEFT JOIN LATERAL (SELECT min(price_minor) AS price_from, min(currency) AS currency
                              FROM ticket_types WHERE product_id = p.id) t ON p.kind = 'EXPERIENCE'
         LEFT JOIN LATERAL (SELECT array_agg(DISTINCT (starts_at AT TIME ZONE 'Asia/Shanghai')::date::text) AS available_dates
                              FROM time_slots
                             WHERE product_id = p.id AND status = 'OPEN' AND starts_at > $3
                               AND capacity - sold - reserved > 0) s ON p.kind = 'EXPERIENCE'
        WHERE p.id = ANY($1::uuid[]) AND p.status = $2`,
      [[...productIds], ProductStatus.PUBLISHED, this.clock.now()],
    );
    if (rows.length === 0) return [];
    const licenseIds = [...new Set(rows.map((r) => r.license_id))];
    const active = new Set<string>();
    for (const id of licenseIds) {
      const license = await this.licenses.findById(id, manager);
      if (license?.status === LicenseStatus.ACTIVE) active.add(id);
    }
    const listed = rows.filter((r) => active.has(r.license_id));
    const ips = new Map((await this.filmIps.findByIds([...new Set(listed.map((r) => r.film_ip_id))], manager)).map((ip) => [ip.id, ip]));
    const orgs = new Map((await this.organizations.profiles([...new Set(listed.map((r) => r.merchant_id))], manager)).map((o) => [o.id, o]));
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
  async publishedProductIds(kind?: ProductKind): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM products WHERE status = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY id`,
      [ProductStatus.PUBLISHED, kind ?? null],
    );
    return rows.map((r) => r.id);
  }
}
