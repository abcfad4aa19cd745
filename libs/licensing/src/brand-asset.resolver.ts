import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { AddBrandAssetInput, BrandAsset } from './brand-asset.types';
import { BrandAssetService } from './brand-asset.service';

const uuid = new ParseUUIDPipe();

@Resolver(() => BrandAsset)
export class BrandAssetResolver {
  constructor(private readonly assets: BrandAssetService) {}

  @Mutation(() => BrandAsset, {
    description:
      "Staff of the IP's studio: an official file (a private upload of the studio, POST /media?private=true: image or PDF) with a title.",
  })
  addBrandAsset(@CurrentActor() actor: Actor, @Args('input') input: AddBrandAssetInput): Promise<BrandAsset> {
    return this.assets.add(actor, input);
  }

  @Query(() => [BrandAsset], {
    description:
      "The IP's brand assets, newest first: for its studio's staff and staff of merchants holding an ACTIVE license on it (checked now). Each url is signed for the caller's organization and expires within 15 minutes.",
  })
  brandAssets(
    @CurrentActor() actor: Actor,
    @Args('filmIpId', { type: () => ID }, uuid) filmIpId: string,
  ): Promise<BrandAsset[]> {
    return this.assets.list(actor, filmIpId);
  }
}
