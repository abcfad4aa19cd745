import { Lifecycle } from '@chedun/kernel';
import { ProductRepository } from './product.repository';
import { PRODUCT_TRANSITIONS, ProductStatus } from './product-status';

/**
 * Who moved the product and why, for its audit trail; `actorUserId` is null when a license change caused it.
 * `products` is the repository on the transaction that made the move.
 */
export interface ProductStepContext {
  products: ProductRepository;
  reason: string | null;
  actorUserId: string | null;
}

/** The product's lifecycle: its moves, each recorded as an audit entry in the transaction that made it. */
export const productLifecycle = new Lifecycle<ProductStatus, ProductStepContext>('product', PRODUCT_TRANSITIONS, {
  onTransition: async (steps, { products, reason, actorUserId }) => {
    await products.recordSteps(
      steps.map((s) => ({
        productId: s.subject,
        event: s.event ?? s.action,
        fromStatus: s.from,
        toStatus: s.to,
        reason,
        actorUserId,
      })),
    );
  },
});
