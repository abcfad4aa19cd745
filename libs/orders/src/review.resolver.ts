import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Product } from '@chedun/catalog';
import { Actor, CurrentActor, Public } from '@chedun/identity';
import { ConnectionShape, PageArgs, toConnection } from '@chedun/kernel';
import DataLoader from 'dataloader';
import { OrderLine } from './orders.types';
import { RatingSummaryRow, ReviewRecord } from './review.repository';
import { ReviewService } from './review.service';
import {
  ProductRating,
  ProductRatingOf,
  ProductRatingsArgs,
  ReplyToReviewInput,
  ReportedReviewsArgs,
  ReportReviewInput,
  Review,
  ReviewConnection,
  ReviewOrderLineInput,
  ReviewReport,
} from './review.types';

export function toReview(r: ReviewRecord): Review {
  return {
    id: r.id,
    productId: r.productId,
    rating: r.rating,
    text: r.text,
    reply: r.reply,
    repliedAt: r.repliedAt,
    createdAt: r.createdAt,
  };
}

interface ReviewBatch {
  rating: DataLoader<string, RatingSummaryRow | null>;
  lineReview: DataLoader<string, ReviewRecord | null>;
}

@Resolver(() => Review)
export class ReviewResolver {
  constructor(private readonly reviews: ReviewService) {}

  @Mutation(() => Review, {
    description:
      'The buyer of that line only, once per line, after it was picked up, shipped or redeemed. rating 1..5.',
  })
  async reviewOrderLine(@CurrentActor() actor: Actor, @Args('input') input: ReviewOrderLineInput): Promise<Review> {
    return toReview(await this.reviews.review(actor, input));
  }

  @Mutation(() => Review, {
    description:
      "Staff of the reviewed line's merchant only: a public reply under the review (a second reply replaces the first).",
  })
  async replyToReview(@CurrentActor() actor: Actor, @Args('input') input: ReplyToReviewInput): Promise<Review> {
    return toReview(await this.reviews.reply(actor, input));
  }

  @Mutation(() => Boolean, {
    description: 'Any signed-in user: reports a review as abusive to the platform, once per review.',
  })
  async reportReview(@CurrentActor() actor: Actor, @Args('input') input: ReportReviewInput): Promise<boolean> {
    await this.reviews.report(actor, input);
    return true;
  }

  @Public()
  @Query(() => [ProductRatingOf], {
    description:
      'Public. Ratings of the given products in one call, for product cards (search results carry no rating); products without reviews come back with count 0.',
  })
  async productRatings(@Args() args: ProductRatingsArgs): Promise<ProductRatingOf[]> {
    const ids = [...new Set(args.productIds)];
    const rows = new Map((await this.reviews.summaries(ids)).map((r) => [r.productId, r]));
    return ids.map((productId) => ({
      productId,
      rating: { average: rows.get(productId)?.average ?? null, count: rows.get(productId)?.count ?? 0 },
    }));
  }

  @Query(() => [ReviewReport], { description: 'The platform only: reviews reported as abusive, newest report first.' })
  async reportedReviews(@CurrentActor() actor: Actor, @Args() args: ReportedReviewsArgs): Promise<ReviewReport[]> {
    const reports = await this.reviews.reported(actor, args.first ?? 50);
    return reports.map((r) => ({ id: r.id, reason: r.reason, createdAt: r.createdAt, review: toReview(r.review) }));
  }
}

/** One batch of ratings and line reviews per request object, dropped with the request, like the catalog's loaders. */
class PerRequest {
  private readonly batches = new WeakMap<object, ReviewBatch>();

  constructor(private readonly reviews: ReviewService) {}

  for(req: object): ReviewBatch {
    let batch = this.batches.get(req);
    if (!batch) {
      batch = {
        rating: new DataLoader(async (ids) => {
          const rows = new Map((await this.reviews.summaries(ids)).map((r) => [r.productId, r]));
          return ids.map((id) => rows.get(id) ?? null);
        }),
        lineReview: new DataLoader(async (ids) => {
          const rows = new Map((await this.reviews.ofLines(ids)).map((r) => [r.orderLineId, r]));
          return ids.map((id) => rows.get(id) ?? null);
        }),
      };
      this.batches.set(req, batch);
    }
    return batch;
  }
}

/**
 * A product's rating and reviews, added to catalog's Product by orders (which owns the reviews and may use catalog;
 * catalog may not use orders). The rating is batched: a page of cards costs one grouped query, not one per card.
 */
@Resolver(() => Product)
export class ProductReviewsResolver {
  private readonly loaders: PerRequest;

  constructor(private readonly service: ReviewService) {
    this.loaders = new PerRequest(service);
  }

  @ResolveField(() => ProductRating, { description: "Verified buyers' ratings: mean and count." })
  async rating(@Parent() product: Product, @Context('req') req: object): Promise<ProductRating> {
    const row = await this.loaders.for(req).rating.load(product.id);
    return { average: row?.average ?? null, count: row?.count ?? 0 };
  }

  @ResolveField(() => ReviewConnection, {
    description: "Verified buyers' reviews, newest first, with the merchant's replies. Public wherever the product is.",
  })
  async reviews(
    @Parent() product: Product,
    @Args() args: PageArgs,
    @Context('req') req: object,
  ): Promise<ConnectionShape<Review>> {
    const first = args.first ?? 20;
    const [rows, rating] = await Promise.all([
      this.service.page(product.id, first, args.after),
      this.loaders.for(req).rating.load(product.id),
    ]);
    const connection = toConnection(rows, first, rating?.count ?? 0, (r) => [r.createdAt.toISOString(), r.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toReview(e.node) })) };
  }
}

/** The buyer's review of a line, if any, so the order page shows the form only where it is still possible. */
@Resolver(() => OrderLine)
export class OrderLineReviewResolver {
  private readonly loaders: PerRequest;

  constructor(service: ReviewService) {
    this.loaders = new PerRequest(service);
  }

  @ResolveField(() => Review, { nullable: true, description: 'The review of this line, once its buyer wrote one.' })
  async review(@Parent() line: OrderLine, @Context('req') req: object): Promise<Review | null> {
    const row = await this.loaders.for(req).lineReview.load(line.id);
    return row ? toReview(row) : null;
  }
}
