import { Lifecycle } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { ProductAuditEntryEntity, ProductEntity } from './product.entity';
import { PRODUCT_TRANSITIONS, ProductStatus } from './product-status';

/** The product row, locked for the rest of the transaction: state changes are serialised per product. */
export function lockProduct(manager: EntityManager, id: string): Promise<ProductEntity | null> {
  return manager.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Who moved the product and why, for its audit trail; `actorUserId` is null when a license change caused it. */
export interface ProductStepContext {
  manager: EntityManager;
  reason: string | null;
  actorUserId: string | null;
}

/** The product's lifecycle: its moves, each recorded as an audit entry in the transaction that made it. */
export const productLifecycle = new Lifecycle<ProductStatus, ProductStepContext>('product', PRODUCT_TRANSITIONS, {
  onTransition: async (steps, { manager, reason, actorUserId }) => {
    await manager.insert(
      ProductAuditEntryEntity,
      steps.map((s) => ({ productId: s.subject, event: s.event ?? s.action, fromStatus: s.from, toStatus: s.to, reason, actorUserId })),
    );
  },
});
