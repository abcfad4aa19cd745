import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OptionalActor } from '@chedun/identity';
import DataLoader from 'dataloader';
import { toProduct } from './catalog.mappers';
import { Product } from './catalog.types';
import { FavouriteService } from './favourite.service';

const uuid = new ParseUUIDPipe();

/** The most a favourites page shows; a visitor saving more sees the newest. */
const MAX_FAVOURITES = 200;

@Resolver(() => Product)
export class FavouriteResolver {
  /** One batch per request object, dropped with the request, like the catalog's other loaders. */
  private readonly perRequest = new WeakMap<object, DataLoader<string, boolean>>();

  constructor(private readonly favourites: FavouriteService) {}

  @Mutation(() => Boolean, {
    description: 'Signed in: saves (true) or unsaves (false) a product you can see; idempotent. Returns the new state.',
  })
  setFavourite(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
    @Args('favourite') favourite: boolean,
  ): Promise<boolean> {
    return this.favourites.set(actor, productId, favourite);
  }

  @Query(() => [Product], {
    description: `Your saved products still on sale, most recently saved first (at most ${MAX_FAVOURITES}).`,
  })
  async myFavourites(@CurrentActor() actor: Actor): Promise<Product[]> {
    return (await this.favourites.list(actor, MAX_FAVOURITES)).map(toProduct);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the signed-in caller saved this product; false when signed out.',
  })
  favourited(
    @Parent() product: Product,
    @OptionalActor() actor: Actor | undefined,
    @Context('req') req: object,
  ): Promise<boolean> | boolean {
    if (!actor) return false;
    let loader = this.perRequest.get(req);
    if (!loader) {
      const userId = actor.userId;
      loader = new DataLoader(async (ids) => {
        const saved = await this.favourites.savedAmong(userId, ids);
        return ids.map((id) => saved.has(id));
      });
      this.perRequest.set(req, loader);
    }
    return loader.load(product.id);
  }
}
