import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import {
  EntityManager,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
  ValueTransformer,
} from 'typeorm';
import { ProductEntity, ProductVariantEntity, TicketTypeEntity, TimeSlotEntity } from './product.entity';
import { VenueEntity } from './venue.entity';

const UPCOMING_DAYS = 30;

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
 * All of a product's own rows in one expression (JSON aggregated per kind), so a product page costs one round trip
 * for the catalog's part instead of one per kind of child. Rows come back as the entities' own property names,
 * built from the entities' metadata, and are turned back into entities with the columns' types and transformers.
 */
@Injectable()
export class ProductChildrenRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The product with its children (slots upcoming from `now`), in one statement; null when there is no such product. */
  async findWithChildren(id: string, now: Date): Promise<ProductWithChildren | null> {
    const qb = this.manager.getRepository(ProductEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const { entities, raw } = await this.addChildren(qb, 'p', now).getRawAndEntities<{ children: RawChildren }>();
    const product = entities[0];
    const row = raw[0];
    return product && row ? { product, children: this.hydrate(row.children) } : null;
  }

  /** Children of many products (slots upcoming from `now`) in one statement, in the order of `productIds`. */
  async childrenOf(productIds: readonly string[], now: Date): Promise<ProductChildren[]> {
    const qb = this.manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.id IN (:...ids)', { ids: [...productIds] });
    const raw: { id: string; children: RawChildren }[] = await this.addChildren(qb, 'p', now).getRawMany();
    const byId = new Map(raw.map((r) => [r.id, this.hydrate(r.children)]));
    return productIds.map((id) => byId.get(id) ?? NO_CHILDREN);
  }

  /** Adds the children of `alias` (a products alias) as the `children` column, with the parameters it needs. */
  private addChildren<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    alias: string,
    now: Date,
  ): SelectQueryBuilder<T> {
    const rows = (target: EntityTarget<ObjectLiteral>, table: string, where: string, order: string): string =>
      `coalesce((SELECT json_agg(${this.objectOf(target, 'c')} ORDER BY ${order}) FROM ${table} c WHERE ${where}), '[]'::json)`;
    const expression = `json_build_object(
      'variants', ${rows(ProductVariantEntity, 'product_variants', `c.product_id = ${alias}.id`, 'c.position, c.id')},
      'ticketTypes', ${rows(TicketTypeEntity, 'ticket_types', `c.product_id = ${alias}.id`, 'c.position, c.id')},
      'upcomingSlots', ${rows(
        TimeSlotEntity,
        'time_slots',
        `c.product_id = ${alias}.id AND c.starts_at >= :upcomingFrom AND c.starts_at < :upcomingUntil`,
        'c.starts_at, c.id',
      )},
      'venue', (SELECT ${this.objectOf(VenueEntity, 'c')} FROM venues c WHERE c.id = ${alias}.venue_id))`;
    return qb
      .addSelect(expression, 'children')
      .setParameter('upcomingFrom', now)
      .setParameter('upcomingUntil', new Date(now.getTime() + UPCOMING_DAYS * 24 * 60 * 60 * 1000));
  }

  private hydrate(raw: RawChildren): ProductChildren {
    return {
      variants: raw.variants.map((r) => this.entityOf(ProductVariantEntity, r)),
      ticketTypes: raw.ticketTypes.map((r) => this.entityOf(TicketTypeEntity, r)),
      upcomingSlots: raw.upcomingSlots.map((r) => this.entityOf(TimeSlotEntity, r)),
      venue: raw.venue ? this.entityOf(VenueEntity, raw.venue) : null,
    };
  }

  private objectOf(target: EntityTarget<ObjectLiteral>, alias: string): string {
    const pairs = this.manager.connection.getMetadata(target).columns.map((c) => {
      // bigint as text, so the money transformer sees the exact digits (a JSON number could round silently).
      const value = c.type === 'bigint' ? `${alias}.${c.databaseName}::text` : `${alias}.${c.databaseName}`;
      return `'${c.propertyName}', ${value}`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  }

  private entityOf<T extends ObjectLiteral>(target: new () => T, row: Record<string, unknown>): T {
    const metadata: EntityMetadata = this.manager.connection.getMetadata(target);
    const entity = new target();
    for (const column of metadata.columns) {
      let value = row[column.propertyName] ?? null;
      if (value !== null && (column.type === 'timestamptz' || column.type === Date)) value = new Date(value as string);
      if (column.transformer) value = (column.transformer as ValueTransformer).from(value);
      (entity as Record<string, unknown>)[column.propertyName] = value;
    }
    return entity;
  }
}

interface RawChildren {
  variants: Record<string, unknown>[];
  ticketTypes: Record<string, unknown>[];
  upcomingSlots: Record<string, unknown>[];
  venue: Record<string, unknown> | null;
}
