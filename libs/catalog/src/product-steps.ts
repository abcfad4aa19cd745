import { EntityManager } from 'typeorm';
import { ProductAuditEntryEntity, ProductEntity } from './product.entity';
import { ProductStatus } from './product-status';

/** The product row, locked for the rest of the transaction: state changes are serialised per product. */
export function lockProduct(manager: EntityManager, id: string): Promise<ProductEntity | null> {
  return manager.findOne(ProductEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Appends audit entries in the transaction that made the change. */
export async function recordProductSteps(
  manager: EntityManager,
  steps: readonly { productId: string; from: ProductStatus; to: ProductStatus }[],
  event: string,
  reason: string | null,
  actorUserId: string | null,
): Promise<void> {
  if (steps.length === 0) return;
  await manager.insert(
    ProductAuditEntryEntity,
    steps.map((s) => ({ productId: s.productId, event, fromStatus: s.from, toStatus: s.to, reason, actorUserId })),
  );
}
