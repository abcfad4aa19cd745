import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProductMedia, ProductMediaService } from '@chedun/catalog';
import DataLoader from 'dataloader';
import { ProductSearchHit } from './search.types';

/**
 * A hit's cover image, read from the catalog's galleries with one batch per page (two queries, however many hits),
 * rather than copied into the search documents: no migration or projection change to the tuned search SQL, and a
 * replaced gallery shows at once without waiting for the index to catch up.
 */
@Resolver(() => ProductSearchHit)
export class SearchHitCoverResolver {
  /** One batch per request object, dropped with the request, like the catalog's gallery loader. */
  private readonly perRequest = new WeakMap<object, DataLoader<string, ProductMedia | null>>();

  constructor(private readonly galleries: ProductMediaService) {}

  @ResolveField(() => ProductMedia, {
    nullable: true,
    description: 'The first image of the gallery, or null when the product has none.',
  })
  cover(@Parent() hit: ProductSearchHit, @Context('req') req: object): Promise<ProductMedia | null> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader(async (ids) =>
        (await this.galleries.galleriesOf(ids)).map((gallery) => gallery[0] ?? null),
      );
      this.perRequest.set(req, loader);
    }
    return loader.load(hit.id);
  }
}
