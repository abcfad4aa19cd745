import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { FavouriteRepository } from './favourite.repository';
import { ProductEntity } from './product.entity';
import { ProductQueryService } from './product-query.service';

/** A signed-in visitor's saved products: theirs alone, never shown to anyone else. */
@Injectable()
export class FavouriteService {
  constructor(
    private readonly favourites: FavouriteRepository,
    private readonly products: ProductQueryService,
    private readonly clock: Clock,
  ) {}

  /** Saves or unsaves a product the caller can see (NOT_FOUND otherwise); both are idempotent. Returns the new state. */
  async set(actor: Actor, productId: string, favourite: boolean): Promise<boolean> {
    if (favourite) {
      await this.products.findVisible(actor, productId);
      await this.favourites.add(actor.userId, productId, this.clock.now());
    } else {
      // Unsaving needs no sight of the product: one that left the shop can still be taken off the list.
      await this.favourites.remove(actor.userId, productId);
    }
    return favourite;
  }

  list(actor: Actor, limit: number): Promise<ProductEntity[]> {
    return this.favourites.listPublished(actor.userId, limit);
  }

  savedAmong(userId: string, productIds: readonly string[]): Promise<Set<string>> {
    return this.favourites.savedAmong(userId, productIds);
  }
}
