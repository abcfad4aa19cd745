import { Injectable } from '@nestjs/common';
import { FilmIpReader, FilmIpSummary } from '@chedun/ip';
import { OrganizationProfile, OrganizationService } from '@chedun/identity';
import DataLoader from 'dataloader';
import { ProductChildren } from './product-children.repository';
import { ProductQueryService } from './product-query.service';

/** One batch query per source (the catalog's own rows, film IP, organizations), whatever the number of products on the page. */
export interface CatalogBatch {
  childrenByProduct: DataLoader<string, ProductChildren>;
  filmIp: DataLoader<string, FilmIpSummary | null>;
  organization: DataLoader<string, OrganizationProfile | null>;
}
/**
 * Request-scoped DataLoaders without making every resolver request-scoped: one batch per request object,
 * dropped with the request (WeakMap), so no cache outlives the request that filled it (organizations' profiles,
 * which never change, come from identity's own memory).
 */
@Injectable()
export class CatalogLoaders {
  private readonly perRequest = new WeakMap<object, CatalogBatch>();

  constructor(
    private readonly products: ProductQueryService,
    private readonly filmIps: FilmIpReader,
    private readonly organizations: OrganizationService,
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
    return {
      childrenByProduct: new DataLoader((ids) => this.products.childrenOf(ids)),
      filmIp: new DataLoader(async (ids) => byId(ids, await this.filmIps.findByIds(ids))),
      organization: new DataLoader(async (ids) => byId(ids, await this.organizations.profiles(ids))),
    };
  }
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
