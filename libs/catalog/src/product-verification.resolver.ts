import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, RateLimited } from '@chedun/identity';
import { ProductVerification } from './catalog.types';
import { ProductVerificationService } from './product-verification.service';

@Resolver(() => ProductVerification)
export class ProductVerificationResolver {
  constructor(private readonly verifications: ProductVerificationService) {}

  @Public()
  @RateLimited('verify')
  @Query(() => ProductVerification, {
    description:
      'Public, rate-limited per address: the proof of license behind a product’s verification code (its QR). An unknown code is NOT_FOUND.',
  })
  verifyProduct(
    @Args('code', { description: 'The code printed on the product’s tag.' }) code: string,
  ): Promise<ProductVerification> {
    return this.verifications.verify(code);
  }
}
