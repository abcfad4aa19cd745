import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OptionalActor, OrganizationKind } from '@chedun/identity';
import DataLoader from 'dataloader';
import { toProduct } from './catalog.mappers';
import { Product } from './catalog.types';
import { DesignRound, SubmitDesignRoundInput } from './design-round.types';
import { DesignRoundService } from './design-round.service';
import { ProductApprovalService } from './product-approval.service';

const uuid = new ParseUUIDPipe();

/** Design rounds: the merchant submits artwork and a note, the studio answers; every round is kept. */
@Resolver(() => Product)
export class DesignRoundResolver {
  private readonly perRequest = new WeakMap<object, DataLoader<string, DesignRound[]>>();

  constructor(
    private readonly approvals: ProductApprovalService,
    private readonly rounds: DesignRoundService,
  ) {}

  @Mutation(() => Product, {
    description:
      "Owner or staff of the product's merchant: the next design round, with artwork (the merchant's uploads) and a note. From DRAFT, REJECTED or CHANGES_REQUESTED, or with new artwork for an approved or published product (which leaves the shop until the round is approved). CONFLICT while a round is pending.",
  })
  async submitDesignRound(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitDesignRoundInput,
  ): Promise<Product> {
    return toProduct(await this.approvals.submitRound(actor, input));
  }

  @Mutation(() => Product, {
    description:
      "Staff of the licensed IP's studio: PENDING_APPROVAL → CHANGES_REQUESTED with comments; the merchant answers with the next round.",
  })
  async requestDesignChanges(
    @CurrentActor() actor: Actor,
    @Args('productId', { type: () => ID }, uuid) productId: string,
    @Args('comments') comments: string,
  ): Promise<Product> {
    return toProduct(await this.approvals.requestChanges(actor, productId, comments));
  }

  @ResolveField(() => [DesignRound], {
    nullable: true,
    description:
      "Every design round, newest first: for the product's merchant and the licensed IP's studio only (null to anyone else).",
  })
  async approvalRounds(
    @Parent() product: Product,
    @OptionalActor() actor: Actor | undefined,
    @Context('req') req: object,
  ): Promise<DesignRound[] | null> {
    const party =
      actor &&
      (actor.isMemberOf(product.merchantId, OrganizationKind.MERCHANT) ||
        actor.isMemberOf(product.studioId, OrganizationKind.STUDIO));
    if (!party) return null;
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader((ids) => this.rounds.roundsOf(ids));
      this.perRequest.set(req, loader);
    }
    return loader.load(product.id);
  }
}
