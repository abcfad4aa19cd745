import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ProductCategory } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { ProductKind, ProductStatus } from './product-status';

/** One PUBLISHED product with what its listing aggregates from its variants, ticket types and slots. */
export interface ListingRow {
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
  /** The lowest price, a bigint as pg returns it (text), for the kernel's money reader. */
  price_from_minor: string | null;
  currency: string | null;
  available_units: string | null;
  available_dates: string[] | null;
}

/** The catalog's read model for indexers: published products, each read with its children in one statement. */
@Injectable()
export class CatalogListingRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): CatalogListingRepository {
    return new CatalogListingRepository(manager);
  }

  /** The PUBLISHED ones among `productIds`, with availability as of `now`; the others are absent. */
  publishedRows(productIds: readonly string[], now: Date): Promise<ListingRow[]> {
    return this.manager.query(
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
      [[...productIds], ProductStatus.PUBLISHED, now],
    );
  }

  /** Ids of the IP's PUBLISHED products. */
  async publishedIdsOfFilmIp(filmIpId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM products WHERE film_ip_id = $1 AND status = $2`,
      [filmIpId, ProductStatus.PUBLISHED],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of every PUBLISHED product (of one kind, when given), in id order. */
  async publishedIds(kind?: ProductKind): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM products WHERE status = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY id`,
      [ProductStatus.PUBLISHED, kind ?? null],
    );
    return rows.map((r) => r.id);
  }
}
