import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, RateLimited } from '@chedun/identity';
import { CalendarDateScalar, ConnectionShape, PageArgs, SafeInt } from '@chedun/kernel';
import { CartService } from './cart.service';
import { CheckoutService } from './checkout.service';
import { DevelopmentPaymentService } from './development-payment.service';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderQueryService } from './order-query.service';
import { OrderRecord } from './order-records';
import { OrderRefundService } from './order-refund.service';
import { OrdersException } from './orders.exception';
import { toOrder, toTicket } from './orders.mappers';
import {
  Cart,
  CheckoutInput,
  CheckoutLineInput,
  CheckoutPayload,
  ExpectedGuest,
  MerchandiseFulfilment,
  MerchantOrdersArgs,
  Order,
  OrderConnection,
  OrderNotification,
  Ticket,
} from './orders.types';

const uuid = new ParseUUIDPipe();

@Resolver(() => Order)
export class OrderResolver {
  constructor(
    private readonly checkouts: CheckoutService,
    private readonly queries: OrderQueryService,
    private readonly refunds: OrderRefundService,
    private readonly fulfilment: OrderFulfilmentService,
    private readonly development: DevelopmentPaymentService,
    private readonly carts: CartService,
  ) {}

  @RateLimited('checkout')
  @Mutation(() => CheckoutPayload, {
    description: 'Reserves stock and seats and opens a payment. The same idempotencyKey returns the same order.',
  })
  async checkout(@CurrentActor() actor: Actor, @Args('input') input: CheckoutInput): Promise<CheckoutPayload> {
    const { order, lines, payment } = await this.checkouts.checkout(actor, input);
    // The buyer sees the whole order; a new one is shown as written, with no tickets yet, instead of read back.
    return { order: lines ? toOrder({ order, lines, tickets: [] }) : await this.view(actor, order), payment };
  }

  @Mutation(() => Order, { description: 'Development gateway only: confirms the payment through the webhook path.' })
  async devConfirmPayment(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => ID }, uuid) orderId: string,
  ): Promise<Order> {
    return toOrder(await this.development.confirm(actor, orderId));
  }

  @Mutation(() => Order, {
    description: 'The buyer, or a merchant with lines in it, cancels an unpaid order, giving its reservation back.',
  })
  async cancelOrder(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => ID }, uuid) orderId: string,
  ): Promise<Order> {
    return this.view(actor, await this.fulfilment.cancelUnpaid(actor, orderId));
  }

  @Query(() => Order, { description: 'The buyer sees their own orders only.' })
  async order(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuid) id: string): Promise<Order> {
    return toOrder(await this.queries.buyerOrder(actor, id));
  }

  @Query(() => OrderConnection, { description: "The caller's orders, newest first." })
  async myOrders(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<ConnectionShape<Order>> {
    return mapConnection(await this.queries.buyerHistory(actor, page.first ?? 20, page.after));
  }

  @Query(() => OrderConnection, {
    description:
      "Orders with the merchant's lines, newest first: only those lines and their tickets, their subtotal as total, and their status (which the status filter matches).",
  })
  async merchantOrders(
    @CurrentActor() actor: Actor,
    @Args() args: MerchantOrdersArgs,
  ): Promise<ConnectionShape<Order>> {
    return mapConnection(await this.queries.merchantOrders(actor, args));
  }

  @Query(() => [ExpectedGuest], {
    description: "A venue's paid bookings for one day (Asia/Shanghai), for its merchant's staff.",
  })
  venueGuests(
    @CurrentActor() actor: Actor,
    @Args('venueId', { type: () => ID }, uuid) venueId: string,
    @Args('date', { type: () => CalendarDateScalar }) date: string,
  ): Promise<ExpectedGuest[]> {
    return this.queries.expectedGuests(actor, venueId, date);
  }

  @Query(() => [OrderNotification], { description: 'Development only: the messages queued for the caller.' })
  devNotifications(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) orderId?: string | null,
  ): Promise<OrderNotification[]> {
    return this.queries.notifications(actor, orderId);
  }

  @Mutation(() => Ticket, {
    description:
      'Staff of the merchant that owns the experience only, from TICKET_REDEMPTION_OPENS_MINUTES before the slot starts until it ends. ' +
      'A second redemption, or one outside that window (extensions validFrom, validUntil), is CONFLICT.',
  })
  async redeemTicket(@CurrentActor() actor: Actor, @Args('code') code: string): Promise<Ticket> {
    if (code.length > 300) throw OrdersException.badInput('Not a ticket code', { field: 'code' });
    const { ticket, line } = await this.fulfilment.redeemTicket(actor, code);
    return toTicket(ticket, line);
  }

  @Mutation(() => Order, {
    description: "Merchant staff of the line's merchant, or platform. amountMinor omitted = the rest of the line.",
  })
  async refundOrderLine(
    @CurrentActor() actor: Actor,
    @Args('orderLineId', { type: () => ID }, uuid) orderLineId: string,
    @Args('amountMinor', { type: () => SafeInt, nullable: true }) amountMinor?: number | null,
    @Args('restock', {
      type: () => Boolean,
      nullable: true,
      description:
        'Merchandise: give the refunded whole units back to stock. Omitted = yes unless the line was shipped or picked up.',
    })
    restock?: boolean | null,
  ): Promise<Order> {
    return this.view(actor, await this.refunds.refundLine(actor, orderLineId, amountMinor, restock));
  }

  @Mutation(() => Order, { description: 'The merchant marks a merchandise line shipped or picked up.' })
  async fulfilOrderLine(
    @CurrentActor() actor: Actor,
    @Args('orderLineId', { type: () => ID }, uuid) orderLineId: string,
    @Args('fulfilment', { type: () => MerchandiseFulfilment }) fulfilment: MerchandiseFulfilment,
  ): Promise<Order> {
    return this.view(actor, await this.fulfilment.markLineFulfilled(actor, orderLineId, fulfilment));
  }

  @Query(() => Cart)
  async cart(@CurrentActor() actor: Actor): Promise<Cart> {
    return { lines: await this.carts.view(actor) };
  }

  @Mutation(() => Cart, { description: 'Adds an item to the cart (or adds to its quantity).' })
  async addToCart(@CurrentActor() actor: Actor, @Args('line') line: CheckoutLineInput): Promise<Cart> {
    return { lines: await this.carts.add(actor, line) };
  }

  @Mutation(() => Cart, { description: 'Sets a cart line’s quantity; 0 removes it.' })
  async updateCartLine(
    @CurrentActor() actor: Actor,
    @Args('cartLineId', { type: () => ID }, uuid) cartLineId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
  ): Promise<Cart> {
    return { lines: await this.carts.setQuantity(actor, cartLineId, quantity) };
  }

  private async view(actor: Actor, order: OrderRecord): Promise<Order> {
    return toOrder(await this.queries.viewFor(actor, order));
  }
}

function mapConnection(page: ConnectionShape<Parameters<typeof toOrder>[0]>): ConnectionShape<Order> {
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toOrder(e.node) })) };
}
