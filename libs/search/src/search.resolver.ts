import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OrganizationKind, Public, RateLimited } from '@chedun/identity';
import { Money, MoneyType, ProductCategory } from '@chedun/kernel';
import { SearchDocument, SearchIndex, SearchSort } from './search-index.port';
import { SearchSync } from './search-sync.service';
import { ProductSearchConnection, ProductSearchHit, SearchProductsArgs } from './search.types';
import { SearchException } from './search.exception';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly index: SearchIndex,
    private readonly sync: SearchSync,
  ) {}

  @Public()
  @RateLimited('search')
  @Query(() => ProductSearchConnection, {
    description:
      'Public. Chinese and English text over published products under an active license, with filters and facets.',
  })
  async searchProducts(@Args() args: SearchProductsArgs): Promise<ProductSearchConnection> {
    const page = await this.index.search({
      text: args.text,
      filter: args.filter,
      sort: args.sort ?? SearchSort.RELEVANCE,
      first: args.first ?? 20,
      after: args.after,
    });
    return {
      totalCount: page.totalCount,
      edges: page.hits.map((h) => ({ cursor: h.cursor, node: toHit(h.document) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      facets: {
        categories: page.facets.categories.map((f) => ({ category: f.value as ProductCategory, count: f.count })),
        filmIps: page.facets.filmIps.map((f) => ({
          filmIp: { id: f.value, title: f.label ?? '', titleZh: null },
          count: f.count,
        })),
      },
    };
  }

  @Mutation(() => Int, {
    description: 'Platform operators: rebuilds the search index from the catalog; returns documents indexed.',
  })
  async reindexSearch(@CurrentActor() actor: Actor): Promise<number> {
    if (actor.organizationIds(OrganizationKind.PLATFORM).length === 0)
      throw SearchException.forbidden('Platform operators only');
    return this.sync.reindexAll();
  }
}

function toHit(d: SearchDocument): ProductSearchHit {
  return {
    id: d.productId,
    kind: d.kind,
    name: d.name,
    nameZh: d.nameZh,
    description: d.description,
    descriptionZh: d.descriptionZh,
    category: d.category,
    filmIp: { id: d.filmIpId, title: d.filmIpTitle, titleZh: d.filmIpTitleZh },
    studioId: d.studioId,
    merchant: { id: d.merchantId, kind: OrganizationKind.MERCHANT, name: d.merchantName, nameZh: d.merchantNameZh },
    venueId: d.venueId,
    priceFrom: d.priceFromMinor === null ? null : MoneyType.from(Money.of(d.priceFromMinor, d.currency)),
    inStock: d.inStock,
    availableDates: d.availableDates,
    publishedAt: d.publishedAt,
  };
}
