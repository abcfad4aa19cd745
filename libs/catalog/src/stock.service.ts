import { Injectable } from '@nestjs/common';
import { updateReturning } from '@chedun/db';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { DataSource } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf } from './catalog.policy';
import { AdjustStockInput } from './catalog.types';
import { ProductEntity, ProductVariantEntity, StockMovementEntity, StockMovementReason } from './product.entity';
import { CatalogException } from './catalog.exception';

export interface StockAdjustmentResult {
  variant: ProductVariantEntity;
  movement: StockMovementEntity;
}

@Injectable()
export class StockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CatalogEvents,
  ) {}

  /**
   * One atomic UPDATE ... RETURNING computes the new stock from the row's current value under its row lock, so
   * concurrent adjustments serialise in the database and none is lost; the CHECK keeps stock ≥ sold + reserved.
   */
  adjust(actor: Actor, input: AdjustStockInput): Promise<StockAdjustmentResult> {
    if (input.reason !== StockMovementReason.COUNT && input.quantity === 0) {
      throw CatalogException.badInput('Quantity must be more than zero', { field: 'quantity' });
    }
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.query(
        `SELECT p.id, p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.status
           FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = $1`,
        [input.variantId],
      );
      const product = (owner[0] as Pick<ProductEntity, 'id' | 'merchantId' | 'studioId' | 'status'> | undefined) ?? null;
      if (!product) throw CatalogException.notFound('Variant', input.variantId);
      assertMerchantOf(actor, product, 'Variant');

      const rows = await updateReturning<{ before: number; after: number }>(
        manager,
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
        [input.variantId, input.reason, input.quantity],
      );
      const changed = rows[0];
      if (!changed) {
        throw CatalogException.conflict('Stock on hand cannot go below what is sold or reserved', { field: 'quantity' });
      }
      // A COUNT that finds what the books say is still worth recording, with a delta of zero.
      const delta = changed.after - changed.before;
      const movement = await manager.save(
        manager.create(StockMovementEntity, {
          variantId: input.variantId,
          delta,
          reason: input.reason,
          note: input.note ?? null,
          stockAfter: changed.after,
          actorUserId: actor.userId,
        }),
      );
      const variant = await manager.findOneByOrFail(ProductVariantEntity, { id: input.variantId });
      await this.events.productsChanged(manager, [product.id], 'StockAdjusted');
      return { variant, movement };
    });
  }
}
