import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ProductEntity } from './product.entity';
import { ProductStatus } from './product-status';

/** The `product_favourites` table: a signed-in visitor's saved products. */
@Injectable()
export class FavouriteRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  forManager(manager: EntityManager): FavouriteRepository {
    return new FavouriteRepository(manager);
  }

  /** Saves the product for the user; saving it again keeps the first time. */
  async add(userId: string, productId: string, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO product_favourites (user_id, product_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, productId, at],
    );
  }

  async remove(userId: string, productId: string): Promise<void> {
    await this.manager.query(`DELETE FROM product_favourites WHERE user_id = $1 AND product_id = $2`, [
      userId,
      productId,
    ]);
  }

  /** Which of these products the user saved. */
  async savedAmong(userId: string, productIds: readonly string[]): Promise<Set<string>> {
    if (productIds.length === 0) return new Set();
    const rows: { productId: string }[] = await this.manager.query(
      `SELECT product_id AS "productId" FROM product_favourites WHERE user_id = $1 AND product_id = ANY($2::uuid[])`,
      [userId, productIds],
    );
    return new Set(rows.map((r) => r.productId));
  }

  /** The user's saved products still on sale, most recently saved first; a product that left the shop drops out. */
  listPublished(userId: string, limit: number): Promise<ProductEntity[]> {
    return this.manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .innerJoin('product_favourites', 'f', 'f.product_id = p.id AND f.user_id = :userId', { userId })
      .where('p.status = :status', { status: ProductStatus.PUBLISHED })
      .orderBy('f.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
