import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import DataLoader from 'dataloader';
import { Product } from './catalog.types';
import { toProduct } from './catalog.mappers';
import { ProductMedia, SetProductMediaArgs } from './product-media.types';
import { ProductMediaService } from './product-media.service';

/** Product galleries: the ordered images of a product (public wherever the product is) and their replacement. */
@Resolver(() => Product)
export class ProductMediaResolver {
  /** One gallery batch per request object, dropped with the request, like the catalog's other loaders. */
  private readonly perRequest = new WeakMap<object, DataLoader<string, ProductMedia[]>>();

  constructor(private readonly galleries: ProductMediaService) {}

  @Mutation(() => Product, {
    description:
      "Owner or staff of the product's merchant: replaces the gallery, in order, with the merchant's own uploads (POST /media). New or reordered images send an approved product back for approval.",
  })
  async setProductMedia(@CurrentActor() actor: Actor, @Args() args: SetProductMediaArgs): Promise<Product> {
    return toProduct(await this.galleries.setGallery(actor, args));
  }

  @ResolveField(() => [ProductMedia], { description: 'The gallery, in order: the first image is the cover.' })
  media(@Parent() product: Product, @Context('req') req: object): Promise<ProductMedia[]> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader((ids) => this.galleries.galleriesOf(ids));
      this.perRequest.set(req, loader);
    }
    return loader.load(product.id);
  }
}
