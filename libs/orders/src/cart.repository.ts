import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { CartLine, CheckoutLineInput } from './orders.types';

const CART_COLUMNS = `id, variant_id AS "variantId", time_slot_id AS "timeSlotId", ticket_type_id AS "ticketTypeId", quantity`;

/** Most of one item a cart holds: adding more stops here. */
const MAX_QUANTITY = 20;

/** The `cart_lines` table: a visitor's saved lines. */
@Injectable()
export class CartRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): CartRepository {
    return new CartRepository(manager);
  }

  /** Oldest first. */
  linesOf(userId: string): Promise<CartLine[]> {
    return this.manager.query(`SELECT ${CART_COLUMNS} FROM cart_lines WHERE user_id = $1 ORDER BY created_at, id`, [
      userId,
    ]);
  }

  async countOf(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM cart_lines WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Adds the item, or adds to its quantity (up to the most a cart holds) when it is already in the cart. */
  async add(userId: string, line: CheckoutLineInput): Promise<void> {
    await this.manager.query(
      `INSERT INTO cart_lines (user_id, variant_id, time_slot_id, ticket_type_id, quantity) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, coalesce(variant_id, time_slot_id), coalesce(ticket_type_id, variant_id))
         DO UPDATE SET quantity = least(cart_lines.quantity + EXCLUDED.quantity, ${MAX_QUANTITY})`,
      [userId, line.variantId ?? null, line.timeSlotId ?? null, line.ticketTypeId ?? null, line.quantity],
    );
  }

  /** False when the user has no such line. */
  async setQuantity(userId: string, cartLineId: string, quantity: number): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE cart_lines SET quantity = $3 WHERE id = $1 AND user_id = $2 RETURNING id`,
      [cartLineId, userId, quantity],
    );
    return rows.length > 0;
  }

  /** False when the user has no such line. */
  async remove(userId: string, cartLineId: string): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `DELETE FROM cart_lines WHERE id = $1 AND user_id = $2 RETURNING id`,
      [cartLineId, userId],
    );
    return rows.length > 0;
  }
}
