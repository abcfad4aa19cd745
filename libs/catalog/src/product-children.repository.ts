import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { listenForNotifications, NotificationListener } from '@chedun/db';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import {
  ProductEntity,
  ProductVariantEntity,
  TicketTypeEntity,
  TimeSlotEntity,
  VariantOptionValue,
} from './product.entity';
import { VenueEntity } from './venue.entity';

const UPCOMING_DAYS = 30;

/**
 * The channel the page tables' triggers notify at the commit of a statement that changed what a product page shows
 * (migration 1765000003501): the product ids comma-separated, or empty for "any product".
 */
export const PRODUCT_PAGES_CHANGED_CHANNEL = 'product_pages_changed';

/** What a product page shows under the product: its variants, ticket types, next 30 days of slots and its venue. */
export interface ProductChildren {
  variants: ProductVariantEntity[];
  ticketTypes: TicketTypeEntity[];
  upcomingSlots: TimeSlotEntity[];
  venue: VenueEntity | null;
}

export const NO_CHILDREN: ProductChildren = { variants: [], ticketTypes: [], upcomingSlots: [], venue: null };

export interface ProductWithChildren {
  product: ProductEntity;
  children: ProductChildren;
}

/**
 * The numbers a page's stock and seats derive from (a variant's `available` is stock_on_hand - sold - reserved, a
 * slot's `remaining` capacity - sold - reserved): every variant of a product and the given slots.
 */
export interface LiveCounts {
  variants: { id: string; stockOnHand: number; reserved: number; sold: number }[];
  slots: { id: string; capacity: number; reserved: number; sold: number }[];
}

// Every column of each entity, under its property name (bigint as text, so the money reader sees the exact digits:
// a JSON number could round silently). product-children.e2e-spec.ts holds these lists to the entities' metadata.
const VARIANT_JSON = `json_build_object('id', c.id, 'productId', c.product_id, 'merchantId', c.merchant_id, 'sku', c.sku,
  'priceMinor', c.price_minor::text, 'currency', c.currency, 'stockOnHand', c.stock_on_hand, 'reserved', c.reserved,
  'sold', c.sold, 'position', c.position, 'options', c.options)`;
const TICKET_TYPE_JSON = `json_build_object('id', c.id, 'productId', c.product_id, 'name', c.name, 'nameZh', c.name_zh,
  'priceMinor', c.price_minor::text, 'currency', c.currency, 'position', c.position)`;
const TIME_SLOT_JSON = `json_build_object('id', c.id, 'productId', c.product_id, 'startsAt', c.starts_at,
  'endsAt', c.ends_at, 'capacity', c.capacity, 'reserved', c.reserved, 'sold', c.sold, 'status', c.status,
  'cancelledAt', c.cancelled_at)`;
const VENUE_JSON = `json_build_object('id', c.id, 'merchantId', c.merchant_id, 'name', c.name, 'nameZh', c.name_zh,
  'address', c.address, 'addressZh', c.address_zh, 'latitude', c.latitude, 'longitude', c.longitude,
  'openingNotes', c.opening_notes, 'filmingLocationIds', c.filming_location_ids, 'createdAt', c.created_at,
  'updatedAt', c.updated_at)`;

/** The children of products `p`, one JSON column per kind; $2 and $3 bound the upcoming slots. */
const CHILDREN_COLUMNS = `
  (SELECT coalesce(json_agg(${VARIANT_JSON} ORDER BY c.position, c.id), '[]'::json)
     FROM product_variants c WHERE c.product_id = p.id) AS variants,
  (SELECT coalesce(json_agg(${TICKET_TYPE_JSON} ORDER BY c.position, c.id), '[]'::json)
     FROM ticket_types c WHERE c.product_id = p.id) AS "ticketTypes",
  (SELECT coalesce(json_agg(${TIME_SLOT_JSON} ORDER BY c.starts_at, c.id), '[]'::json)
     FROM time_slots c WHERE c.product_id = p.id AND c.starts_at >= $2::timestamptz AND c.starts_at < $3::timestamptz)
    AS "upcomingSlots",
  (SELECT ${VENUE_JSON} FROM venues c WHERE c.id = p.venue_id) AS venue`;

const PRODUCT_WITH_CHILDREN_SQL = `
  SELECT p.id, p.kind, p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.license_id AS "licenseId",
         p.film_ip_id AS "filmIpId", p.venue_id AS "venueId", p.category, p.name, p.name_zh AS "nameZh",
         p.description, p.description_zh AS "descriptionZh", p.images, p.status, p.status_reason AS "statusReason",
         p.purchase_limit AS "purchaseLimit", p.free_cancellation_hours AS "freeCancellationHours",
         p.published_at AS "publishedAt", p.verification_code AS "verificationCode", p.created_at AS "createdAt",
         p.updated_at AS "updatedAt",
         ${CHILDREN_COLUMNS}
    FROM products p
   WHERE p.id = $1`;

/** Both kinds in one statement, told apart by `slot`; each read by its index (product_id, and the primary key). */
const LIVE_COUNTS_SQL = `
  SELECT false AS slot, id, stock_on_hand AS total, reserved, sold FROM product_variants WHERE product_id = $1
  UNION ALL
  SELECT true, id, capacity, reserved, sold FROM time_slots WHERE id = ANY($2::uuid[])`;

const CHILDREN_SQL = `SELECT p.id, ${CHILDREN_COLUMNS} FROM products p WHERE p.id = ANY($1::uuid[])`;

/**
 * All of a product's own rows in one statement (JSON aggregated per kind), so a product page costs one round trip
 * for the catalog's part instead of one per kind of child. The statements are fixed text, mapped by hand: a product
 * page is the shop's hottest read, and building the SQL through the query builder and hydrating its entities cost
 * more CPU than the database's own work.
 */
@Injectable()
export class ProductChildrenRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The product with its children (slots upcoming from `now`), in one statement; null when there is no such product. */
  async findWithChildren(id: string, now: Date): Promise<ProductWithChildren | null> {
    const rows: (ProductRow & RawChildren)[] = await this.manager.query(PRODUCT_WITH_CHILDREN_SQL, [
      id,
      ...window(now),
    ]);
    const row = rows[0];
    if (!row) return null;
    const { variants, ticketTypes, upcomingSlots, venue, ...product } = row;
    return {
      product: Object.assign(new ProductEntity(), product),
      children: childrenOf({ variants, ticketTypes, upcomingSlots, venue }),
    };
  }

  /** The live numbers of a product's variants and of the slots `slotIds` (a page's), in one small statement. */
  async liveCountsOf(productId: string, slotIds: readonly string[]): Promise<LiveCounts> {
    const rows: { slot: boolean; id: string; total: number; reserved: number; sold: number }[] =
      await this.manager.query(LIVE_COUNTS_SQL, [productId, [...slotIds]]);
    const counts: LiveCounts = { variants: [], slots: [] };
    for (const { slot, id, total, reserved, sold } of rows)
      if (slot) counts.slots.push({ id, capacity: total, reserved, sold });
      else counts.variants.push({ id, stockOnHand: total, reserved, sold });
    return counts;
  }

  /**
   * A connection of its own that hears every committed change to product pages (`onChange` with the products' ids,
   * or without for all of them), and `onLost` when that connection fails or ends after it started.
   */
  listenForChanges(
    onChange: (productIds?: string[]) => void,
    onLost: (error?: Error) => void,
  ): Promise<NotificationListener> {
    return listenForNotifications(
      this.manager,
      PRODUCT_PAGES_CHANGED_CHANNEL,
      (payload) => onChange(payload === '' ? undefined : payload.split(',')),
      onLost,
    );
  }

  /** Children of many products (slots upcoming from `now`) in one statement, in the order of `productIds`. */
  async childrenOf(productIds: readonly string[], now: Date): Promise<ProductChildren[]> {
    const rows: ({ id: string } & RawChildren)[] = await this.manager.query(CHILDREN_SQL, [
      [...productIds],
      ...window(now),
    ]);
    const byId = new Map(rows.map((r) => [r.id, childrenOf(r)]));
    return productIds.map((id) => byId.get(id) ?? NO_CHILDREN);
  }
}

function window(now: Date): [Date, Date] {
  return [now, new Date(now.getTime() + UPCOMING_DAYS * 24 * 60 * 60 * 1000)];
}

/** The product's own columns under their property names, as node-postgres types them (timestamps as Dates). */
type ProductRow = { [K in keyof ProductEntity]: ProductEntity[K] };

/** JSON has no timestamps or bigints: those arrive as text. */
interface RawVariant extends Omit<ProductVariantEntity, 'priceMinor'> {
  priceMinor: string;
  options: VariantOptionValue[];
}
interface RawTicketType extends Omit<TicketTypeEntity, 'priceMinor'> {
  priceMinor: string;
}
interface RawTimeSlot extends Omit<TimeSlotEntity, 'startsAt' | 'endsAt' | 'cancelledAt'> {
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
}
interface RawVenue extends Omit<VenueEntity, 'createdAt' | 'updatedAt'> {
  createdAt: string;
  updatedAt: string;
}
interface RawChildren {
  variants: RawVariant[];
  ticketTypes: RawTicketType[];
  upcomingSlots: RawTimeSlot[];
  venue: RawVenue | null;
}

function childrenOf(raw: RawChildren): ProductChildren {
  return {
    variants: raw.variants.map((v) =>
      Object.assign(new ProductVariantEntity(), v, { priceMinor: readMinorUnits(v.priceMinor) }),
    ),
    ticketTypes: raw.ticketTypes.map((t) =>
      Object.assign(new TicketTypeEntity(), t, { priceMinor: readMinorUnits(t.priceMinor) }),
    ),
    upcomingSlots: raw.upcomingSlots.map((s) =>
      Object.assign(new TimeSlotEntity(), s, {
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        cancelledAt: s.cancelledAt === null ? null : new Date(s.cancelledAt),
      }),
    ),
    venue: raw.venue
      ? Object.assign(new VenueEntity(), raw.venue, {
          createdAt: new Date(raw.venue.createdAt),
          updatedAt: new Date(raw.venue.updatedAt),
        })
      : null,
  };
}
