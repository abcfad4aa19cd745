import { Inject, Injectable } from '@nestjs/common';
import { VenueService } from '@chedun/catalog';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { ConnectionShape, toConnection } from '@chedun/kernel';
import { NotificationRepository } from './notification.repository';
import { OrderLineRepository } from './order-line.repository';
import { OrderLineRecord, OrderRecord, TicketRecord } from './order-records';
import { OrderRepository } from './order.repository';
import { OrdersException } from './orders.exception';
import { OrderStatus, PAID_OR_REFUNDED } from './order-status';
import { TicketRepository } from './ticket.repository';
import { ExpectedGuest, MerchantOrdersArgs, OrderNotification } from './orders.types';

/** An order with the lines (and tickets) the reader may see. */
export interface OrderView {
  order: OrderRecord;
  lines: OrderLineRecord[];
  tickets: TicketRecord[];
}

@Injectable()
export class OrderQueryService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly lines: OrderLineRepository,
    private readonly tickets: TicketRepository,
    private readonly notificationOutbox: NotificationRepository,
    private readonly venues: VenueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For reconciliation: orders paid in [start, end) in a currency (and maybe refunded since), in paid order. */
  paidBetween(currency: string, start: Date, end: Date): Promise<{ orderId: string; totalMinor: number }[]> {
    return this.orders.paidBetween(currency, start, end, PAID_OR_REFUNDED);
  }

  /** Each known order's status, for reconciliation; unknown ids are absent. */
  statusesOf(orderIds: readonly string[]): Promise<Map<string, OrderStatus>> {
    return this.orders.statusesOf(orderIds);
  }

  /** The buyer's own order; to anyone else it does not exist. */
  async buyerOrder(actor: Actor, orderId: string): Promise<OrderView> {
    const order = await this.orders.findById(orderId);
    if (!order || order.buyerUserId !== actor.userId) throw OrdersException.notFound('Order', orderId);
    const [view] = await this.views([order]);
    if (!view) throw OrdersException.notFound('Order', orderId);
    return view;
  }

  async buyerHistory(actor: Actor, first: number, after?: string | null): Promise<ConnectionShape<OrderView>> {
    const rows = await this.orders.pageOfBuyer(actor.userId, after, first + 1);
    const count = await this.orders.countOfBuyer(actor.userId);
    return toConnection(await this.views(rows), first, count, (v) => [v.order.createdAt.toISOString(), v.order.id]);
  }

  /**
   * Orders containing the merchant's lines, showing only those lines, their subtotal and their status
   * (`merchantStatusSql`), which the status filter matches too: nothing of another merchant's share.
   */
  async merchantOrders(actor: Actor, args: MerchantOrdersArgs): Promise<ConnectionShape<OrderView>> {
    actor.assertMemberOf(args.merchantId, OrganizationKind.MERCHANT);
    const first = args.first ?? 20;
    const filter = {
      merchantId: args.merchantId,
      productId: args.productId ?? null,
      status: args.status ?? null,
      from: args.from ?? null,
      to: args.to ?? null,
    };
    const rows = await this.orders.pageOfMerchant(filter, args.after, first + 1);
    const count = await this.orders.countOfMerchant(filter);
    const views = (await this.views(rows)).map((v) => onlyMerchants(v, [args.merchantId]));
    return toConnection(views, first, count, (v) => [v.order.createdAt.toISOString(), v.order.id]);
  }

  /**
   * Who is expected at the venue on a day (Asia/Shanghai): paid experience lines by slot, counting the tickets still
   * valid (a refunded seat or a cancelled slot voids them); lines with none left are not expected.
   */
  async expectedGuests(actor: Actor, venueId: string, date: string): Promise<ExpectedGuest[]> {
    const venue = await this.venues.findOwn(actor, venueId);
    // findOwn also shows the venue to platform operators; its guest list is for the merchant's staff only.
    if (!actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT))
      throw OrdersException.forbidden("Only the venue's merchant staff see its guests");
    return this.lines.expectedGuests(venueId, date);
  }

  /**
   * The caller's queued messages, readable in development instead of an inbox. Refused in production. Messages to an
   * address that had no account when sent (invitations) are shown once the caller has verified that address.
   */
  async notifications(actor: Actor, orderId?: string | null): Promise<OrderNotification[]> {
    if (this.config.isProduction)
      throw OrdersException.forbidden('Notifications are only readable through the API in development');
    const rows = await this.notificationOutbox.ofReader(
      { userId: actor.userId, email: actor.email, emailVerified: actor.emailVerified },
      orderId ?? null,
    );
    return rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) }));
  }

  /**
   * The order as the actor may see it after changing it: whole to its buyer and to the platform; to merchant staff,
   * only their merchants' lines, tickets, subtotal and status, as `merchantOrders` shows it.
   */
  async viewFor(actor: Actor, order: OrderRecord): Promise<OrderView> {
    const [whole] = await this.views([order]);
    if (!whole) throw OrdersException.notFound('Order', order.id);
    if (order.buyerUserId === actor.userId || actor.isPlatform) return whole;
    const merchantIds = [...new Set(whole.lines.map((l) => l.merchantId))].filter((id) =>
      actor.isMemberOf(id, OrganizationKind.MERCHANT),
    );
    const scoped = await this.orders.asMerchantsSee(order.id, merchantIds);
    if (!scoped) throw OrdersException.notFound('Order', order.id);
    return onlyMerchants({ ...whole, order: scoped }, merchantIds);
  }

  async views(orders: OrderRecord[]): Promise<OrderView[]> {
    const ids = orders.map((o) => o.id);
    const [lines, tickets] = await Promise.all([this.lines.ofOrders(ids), this.tickets.ofOrders(ids)]);
    return orders.map((order) => ({
      order,
      lines: lines.filter((l) => l.orderId === order.id),
      tickets: tickets.filter((t) => t.orderId === order.id),
    }));
  }
}

function onlyMerchants(view: OrderView, merchantIds: readonly string[]): OrderView {
  return {
    order: view.order,
    lines: view.lines.filter((l) => merchantIds.includes(l.merchantId)),
    tickets: view.tickets.filter((t) => merchantIds.includes(t.merchantId)),
  };
}
