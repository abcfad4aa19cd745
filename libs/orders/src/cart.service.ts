import { Injectable } from '@nestjs/common';
import { updateReturning } from '@chedun/db';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { DataSource } from 'typeorm';
import { OrdersException } from './orders.exception';
import { assertLineShape } from './checkout-line';
import { CartLine, CheckoutLineInput } from './orders.types';

const MAX_CART_LINES = 50;
const CART_COLUMNS = `id, variant_id AS "variantId", time_slot_id AS "timeSlotId", ticket_type_id AS "ticketTypeId", quantity`;

/** A visitor's saved lines. Nothing is reserved until checkout, which validates and prices them afresh. */
@Injectable()
export class CartService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  view(actor: Actor): Promise<CartLine[]> {
    return this.dataSource.query(`SELECT ${CART_COLUMNS} FROM cart_lines WHERE user_id = $1 ORDER BY created_at, id`, [actor.userId]);
  }

  /** Adds the item, or adds to its quantity when it is already in the cart. */
  async add(actor: Actor, line: CheckoutLineInput): Promise<CartLine[]> {
    assertLineShape(line, 0);
    const [count] = await this.dataSource.query(`SELECT count(*)::int AS n FROM cart_lines WHERE user_id = $1`, [actor.userId]);
    if ((count as { n: number }).n >= MAX_CART_LINES) throw OrdersException.badInput(`A cart holds at most ${MAX_CART_LINES} lines`);
    try {
      await this.dataSource.query(
        `INSERT INTO cart_lines (user_id, variant_id, time_slot_id, ticket_type_id, quantity) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, coalesce(variant_id, time_slot_id), coalesce(ticket_type_id, variant_id))
         DO UPDATE SET quantity = least(cart_lines.quantity + EXCLUDED.quantity, 20)`,
        [actor.userId, line.variantId ?? null, line.timeSlotId ?? null, line.ticketTypeId ?? null, line.quantity],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw OrdersException.badInput('No such variant, time slot or ticket type');
      throw error;
    }
    return this.view(actor);
  }

  async setQuantity(actor: Actor, cartLineId: string, quantity: number): Promise<CartLine[]> {
    const sql = quantity === 0 ? `DELETE FROM cart_lines WHERE id = $1 AND user_id = $2 RETURNING id` : `UPDATE cart_lines SET quantity = $3 WHERE id = $1 AND user_id = $2 RETURNING id`;
    const rows = await updateReturning(this.dataSource.manager, sql, quantity === 0 ? [cartLineId, actor.userId] : [cartLineId, actor.userId, quantity]);
    if (rows.length === 0) throw OrdersException.notFound('Cart line', cartLineId);
    return this.view(actor);
  }
}
