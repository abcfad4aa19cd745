import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { ProductVariantEntity, StockMovementEntity, StockMovementReason } from './product.entity';

export type NewProductVariant = Pick<
  ProductVariantEntity,
  'productId' | 'merchantId' | 'sku' | 'priceMinor' | 'currency' | 'stockOnHand' | 'position' | 'options'
>;
export type NewStockMovement = Omit<StockMovementEntity, 'id' | 'createdAt'>;

/** Stock on hand before and after one adjustment. */
export interface StockOnHandChange {
  before: number;
  after: number;
}

/** The `product_variants` table and the movements of their stock on hand (`stock_movements`). */
@Injectable()
export class ProductVariantRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): ProductVariantRepository {
    return new ProductVariantRepository(manager);
  }

  insert(variant: NewProductVariant): Promise<ProductVariantEntity> {
    return this.manager.save(this.manager.create(ProductVariantEntity, variant));
  }

  save(variant: ProductVariantEntity): Promise<ProductVariantEntity> {
    return this.manager.save(variant);
  }

  findById(id: string): Promise<ProductVariantEntity | null> {
    return this.manager.findOneBy(ProductVariantEntity, { id });
  }

  /** Locked until the transaction ends. */
  lockById(id: string): Promise<ProductVariantEntity | null> {
    return this.manager.findOne(ProductVariantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countOfProduct(productId: string): Promise<number> {
    return this.manager.countBy(ProductVariantEntity, { productId });
  }

  /**
   * One atomic UPDATE ... RETURNING computes the new stock from the row's current value under its row lock, so
   * concurrent adjustments serialise in the database and none is lost. RESTOCK adds, DAMAGE takes away, COUNT sets;
   * null when the result would be less than what is sold and reserved (or there is no such variant).
   */
  async adjustStockOnHand(
    variantId: string,
    reason: StockMovementReason,
    quantity: number,
  ): Promise<StockOnHandChange | null> {
    const rows = await updateReturning<StockOnHandChange>(
      this.manager,
      `UPDATE product_variants v
          SET stock_on_hand = CASE $2::text WHEN 'RESTOCK' THEN v.stock_on_hand + $3
                                            WHEN 'DAMAGE' THEN v.stock_on_hand - $3
                                            ELSE $3 END
         FROM (SELECT id, stock_on_hand FROM product_variants WHERE id = $1 FOR UPDATE) old
        WHERE v.id = old.id
          AND (CASE $2::text WHEN 'RESTOCK' THEN v.stock_on_hand + $3
                             WHEN 'DAMAGE' THEN v.stock_on_hand - $3
                             ELSE $3 END) >= v.sold + v.reserved
        RETURNING old.stock_on_hand AS before, v.stock_on_hand AS after`,
      [variantId, reason, quantity],
    );
    return rows[0] ?? null;
  }

  recordMovement(movement: NewStockMovement): Promise<StockMovementEntity> {
    return this.manager.save(this.manager.create(StockMovementEntity, movement));
  }
}
