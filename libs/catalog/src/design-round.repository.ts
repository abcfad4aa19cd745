import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { DesignRoundEntity } from './design-round.entity';
import { DesignRoundStatus } from './design-round-status';

/** The `product_design_rounds` table: every round of every product's design review. */
@Injectable()
export class DesignRoundRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): DesignRoundRepository {
    return new DesignRoundRepository(manager);
  }

  latestOf(productId: string): Promise<DesignRoundEntity | null> {
    return this.manager.findOne(DesignRoundEntity, { where: { productId }, order: { round: 'DESC' } });
  }

  /** The rounds of many products in one query, newest first per product. */
  roundsOf(productIds: readonly string[]): Promise<DesignRoundEntity[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.manager.find(DesignRoundEntity, {
      where: { productId: In([...new Set(productIds)]) },
      order: { productId: 'ASC', round: 'DESC' },
    });
  }

  /** The next round of the product; the caller holds the product's row lock, so numbers never collide. */
  async open(
    productId: string,
    round: Pick<DesignRoundEntity, 'artworkMediaIds' | 'note' | 'submittedBy'>,
    at: Date,
  ): Promise<DesignRoundEntity> {
    const latest = await this.latestOf(productId);
    return this.manager.save(
      this.manager.create(DesignRoundEntity, {
        ...round,
        productId,
        round: (latest?.round ?? 0) + 1,
        status: DesignRoundStatus.PENDING,
        comments: null,
        submittedAt: at,
        decidedBy: null,
        decidedAt: null,
      }),
    );
  }

  save(round: DesignRoundEntity): Promise<DesignRoundEntity> {
    return this.manager.save(round);
  }
}
