import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { DataSource } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf } from './catalog.policy';
import { AdjustStockInput } from './catalog.types';
import { ProductVariantEntity, StockMovementEntity, StockMovementReason } from './product.entity';
import { ProductRepository } from './product.repository';
import { ProductVariantRepository } from './product-variant.repository';
import { CatalogException } from './catalog.exception';

export interface StockAdjustmentResult {
  variant: ProductVariantEntity;
  movement: StockMovementEntity;
}

@Injectable()
export class StockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
    private readonly events: CatalogEvents,
  ) {}

  /**
   * The new stock is computed from the row's current value under its row lock (ProductVariantRepository
   * .adjustStockOnHand), so concurrent adjustments serialise in the database and none is lost; the CHECK keeps
   * stock ≥ sold + reserved.
   */
  adjust(actor: Actor, input: AdjustStockInput): Promise<StockAdjustmentResult> {
    if (input.reason !== StockMovementReason.COUNT && input.quantity === 0) {
      throw CatalogException.badInput('Quantity must be more than zero', { field: 'quantity' });
    }
    return this.dataSource.transaction(async (manager) => {
      const variants = this.variants.forManager(manager);
      const product = await this.products.forManager(manager).partiesOfVariant(input.variantId);
      if (!product) throw CatalogException.notFound('Variant', input.variantId);
      assertMerchantOf(actor, product, 'Variant');

      const changed = await variants.adjustStockOnHand(input.variantId, input.reason, input.quantity);
      if (!changed) {
        throw CatalogException.conflict('Stock on hand cannot go below what is sold or reserved', {
          field: 'quantity',
        });
      }
      // A COUNT that finds what the books say is still worth recording, with a delta of zero.
      const delta = changed.after - changed.before;
      const movement = await variants.recordMovement({
        variantId: input.variantId,
        delta,
        reason: input.reason,
        note: input.note ?? null,
        stockAfter: changed.after,
        actorUserId: actor.userId,
      });
      const variant = await variants.findById(input.variantId);
      // The UPDATE above returned the row, and holds its lock until commit.
      if (!variant) throw new Error(`Variant ${input.variantId} vanished while its stock was adjusted`);
      await this.events.productsChanged(manager, [product.id], 'StockAdjusted');
      return { variant, movement };
    });
  }
}
