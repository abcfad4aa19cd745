import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilmIpReader, FilmIpSummary } from '@chedun/ip';
import { OrganizationEntity, OrganizationService } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ProductVariantEntity, TicketTypeEntity, TimeSlotEntity } from './product.entity';
import { VenueEntity } from './venue.entity';

const UPCOMING_DAYS = 30;

/** One batch query per kind of child, whatever the number of products on the page. */
export interface CatalogBatch {
  variantsByProduct: DataLoader<string, ProductVariantEntity[]>;
  ticketTypesByProduct: DataLoader<string, TicketTypeEntity[]>;
  upcomingSlotsByProduct: DataLoader<string, TimeSlotEntity[]>;
  venue: DataLoader<string, VenueEntity | null>;
  filmIp: DataLoader<string, FilmIpSummary | null>;
  organization: DataLoader<string, OrganizationEntity | null>;
}

/**
 * Request-scoped DataLoaders without making every resolver request-scoped: one batch per request object,
 * dropped with the request (WeakMap), so no cache outlives the request that filled it.
 */
@Injectable()
export class CatalogLoaders {
  private readonly perRequest = new WeakMap<object, CatalogBatch>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly filmIps: FilmIpReader,
    private readonly organizations: OrganizationService,
    private readonly clock: Clock,
  ) {}

  for(request: object): CatalogBatch {
    let batch = this.perRequest.get(request);
    if (!batch) {
      batch = this.create();
      this.perRequest.set(request, batch);
    }
    return batch;
  }

  private create(): CatalogBatch {
    const ds = this.dataSource;
    return {
      variantsByProduct: new DataLoader(async (ids) =>
        group(ids, await ds.getRepository(ProductVariantEntity).find({ where: { productId: In([...ids]) }, order: { position: 'ASC' } })),
      ),
      ticketTypesByProduct: new DataLoader(async (ids) =>
        group(ids, await ds.getRepository(TicketTypeEntity).find({ where: { productId: In([...ids]) }, order: { position: 'ASC' } })),
      ),
      upcomingSlotsByProduct: new DataLoader(async (ids) => {
        const now = this.clock.now();
        const until = new Date(now.getTime() + UPCOMING_DAYS * 24 * 60 * 60 * 1000);
        const slots = await ds
          .getRepository(TimeSlotEntity)
          .createQueryBuilder('s')
          .where('s.product_id IN (:...ids) AND s.starts_at >= :now AND s.starts_at < :until', { ids: [...ids], now, until })
          .orderBy('s.starts_at')
          .getMany();
        return group(ids, slots);
      }),
      venue: new DataLoader(async (ids) => byId(ids, await ds.getRepository(VenueEntity).findBy({ id: In([...ids]) }))),
      filmIp: new DataLoader(async (ids) => byId(ids, await this.filmIps.findByIds(ids))),
      organization: new DataLoader(async (ids) => byId(ids, await this.organizations.findByIds(ids))),
    };
  }
}

function group<T extends { productId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.productId, [...(map.get(row.productId) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
