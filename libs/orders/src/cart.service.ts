import { Injectable } from '@nestjs/common';
import { Actor } from '@chedun/identity';
import { CartRepository } from './cart.repository';
import { OrdersException } from './orders.exception';
import { assertLineShape } from './checkout-line';
import { CartLine, CheckoutLineInput } from './orders.types';

const MAX_CART_LINES = 50;

/** A visitor's saved lines. Nothing is reserved until checkout, which validates and prices them afresh. */
@Injectable()
export class CartService {
  constructor(private readonly cart: CartRepository) {}

  view(actor: Actor): Promise<CartLine[]> {
    return this.cart.linesOf(actor.userId);
  }

  /** Adds the item, or adds to its quantity when it is already in the cart. */
  async add(actor: Actor, line: CheckoutLineInput): Promise<CartLine[]> {
    assertLineShape(line, 0);
    if ((await this.cart.countOf(actor.userId)) >= MAX_CART_LINES)
      throw OrdersException.badInput(`A cart holds at most ${MAX_CART_LINES} lines`);
    try {
      await this.cart.add(actor.userId, line);
    } catch (error) {
      if ((error as { code?: string }).code === '23503')
        throw OrdersException.badInput('No such variant, time slot or ticket type');
      throw error;
    }
    return this.view(actor);
  }

  async setQuantity(actor: Actor, cartLineId: string, quantity: number): Promise<CartLine[]> {
    const found =
      quantity === 0
        ? await this.cart.remove(actor.userId, cartLineId)
        : await this.cart.setQuantity(actor.userId, cartLineId, quantity);
    if (!found) throw OrdersException.notFound('Cart line', cartLineId);
    return this.view(actor);
  }
}
