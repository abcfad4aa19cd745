import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VenueService } from '@chedun/catalog';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor, OrganizationKind } from '@chedun/identity';
import { ConnectionShape, decodeCursor, readMinorUnits, toConnection } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import {
  findOrder,
  linesOf,
  merchantOrderColumns,
  merchantStatusSql,
  ORDER_COLUMNS,
  OrderLineRecord,
  OrderRecord,
  TicketRecord,
  ticketsOf,
  toOrderRecord,
} from './order-records';
import { OrdersException } from './orders.exception';
import { OrderStatus, PAID_OR_REFUNDED } from './order-status';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly venues: VenueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For reconciliation: orders paid in [start, end) in a currency (and maybe refunded since), in paid order. */
  async paidBetween(currency: string, start: Date, end: Date): Promise<{ orderId: string; totalMinor: number }[]> {
    const rows: { orderId: string; totalMinor: string }[] = await this.dataSource.query(
      `SELECT o.id::text AS "orderId", o.total_minor AS "totalMinor" FROM orders o
        WHERE o.currency = $1 AND o.paid_at >= $2 AND o.paid_at < $3 AND o.status = ANY($4)
        ORDER BY o.paid_at, o.id`,
      [currency, start, end, PAID_OR_REFUNDED],
    );
    return rows.map((r) => ({ orderId: r.orderId, totalMinor: readMinorUnits(r.totalMinor) }));
  }

  /** Each known order's status, for reconciliation; unknown ids are absent. */
  async statusesOf(orderIds: readonly string[]): Promise<Map<string, OrderStatus>> {
    const rows = (await this.dataSource.query(`SELECT id::text AS id, status FROM orders WHERE id = ANY($1::uuid[])`, [orderIds])) as {
      id: string;
      status: OrderStatus;
    }[];
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** The buyer's own order; to anyone else it does not exist. */
  async buyerOrder(actor: Actor, orderId: string): Promise<OrderView> {
    const order = await findOrder(this.dataSource.manager, orderId);
    if (!order || order.buyerUserId !== actor.userId) throw OrdersException.notFound('Order', orderId);
    return (await this.views([order]))[0]!;
  }

  async buyerHistory(actor: Actor, first: number, after?: string | null): Promise<ConnectionShape<OrderView>> {
    const [createdAt, id] = after ? decodeCursor(after, 2) : [null, null];
    const rows: OrderRecord[] = (await this.dataSource.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o
        WHERE o.buyer_user_id = $1 AND ($2::timestamptz IS NULL OR (o.created_at, o.id) < ($2::timestamptz, $3::uuid))
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [actor.userId, createdAt, id, first + 1],
    )).map(toOrderRecord);
    const [count] = await this.dataSource.query(`SELECT count(*)::int AS n FROM orders WHERE buyer_user_id = $1`, [actor.userId]);
    return toConnection(await this.views(rows), first, (count as { n: number }).n, (v) => [v.order.createdAt.toISOString(), v.order.id]);
  }

  /**
   * Orders containing the merchant's lines, showing only those lines, their subtotal and their status
   * (`merchantStatusSql`), which the status filter matches too: nothing of another merchant's share.
   */
  async merchantOrders(actor: Actor, args: MerchantOrdersArgs): Promise<ConnectionShape<OrderView>> {
    actor.assertMemberOf(args.merchantId, OrganizationKind.MERCHANT);
    const first = args.first ?? 20;
    const [createdAt, id] = args.after ? decodeCursor(args.after, 2) : [null, null];
    const merchants = 'ARRAY[$1::uuid]';
    const filter = `o.id IN (SELECT order_id FROM order_lines WHERE merchant_id = $1 AND ($2::uuid IS NULL OR product_id = $2::uuid))
        AND ($3::text IS NULL OR ${merchantStatusSql(merchants)} = $3)
        AND ($4::date IS NULL OR o.created_at >= ($4::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND ($5::date IS NULL OR o.created_at < ($5::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const params = [args.merchantId, args.productId ?? null, args.status ?? null, args.from ?? null, args.to ?? null];
    const rows: OrderRecord[] = (await this.dataSource.query(
      `SELECT ${merchantOrderColumns(merchants)} FROM orders o WHERE ${filter}
          AND ($6::timestamptz IS NULL OR (o.created_at, o.id) < ($6::timestamptz, $7::uuid))
        ORDER BY o.created_at DESC, o.id DESC LIMIT $8`,
      [...params, createdAt, id, first + 1],
    )).map(toOrderRecord);
    const [count] = await this.dataSource.query(`SELECT count(*)::int AS n FROM orders o WHERE ${filter}`, params);
    const views = (await this.views(rows)).map((v) => onlyMerchants(v, [args.merchantId]));
    return toConnection(views, first, (count as { n: number }).n, (v) => [v.order.createdAt.toISOString(), v.order.id]);
  }

  /**
   * Who is expected at the venue on a day (Asia/Shanghai): paid experience lines by slot, counting the tickets still
   * valid (a refunded seat or a cancelled slot voids them); lines with none left are not expected.
   */
  async expectedGuests(actor: Actor, venueId: string, date: string): Promise<ExpectedGuest[]> {
    const venue = await this.venues.findOwn(actor, venueId);
    // findOwn also shows the venue to platform operators; its guest list is for the merchant's staff only.
    if (!actor.isMemberOf(venue.merchantId, OrganizationKind.MERCHANT)) throw OrdersException.forbidden("Only the venue's merchant staff see its guests");
    return this.dataSource.query(
      `SELECT l.order_id AS "orderId", l.id AS "orderLineId", l.product_name AS "productName", l.time_slot_id AS "timeSlotId",
              l.slot_starts_at AS "startsAt", l.ticket_type_name AS "ticketTypeName", v.seats, v.redeemed
         FROM order_lines l JOIN orders o ON o.id = l.order_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS seats, count(t.redeemed_at)::int AS redeemed
                               FROM tickets t WHERE t.order_line_id = l.id AND t.voided_at IS NULL) v
        WHERE l.venue_id = $1 AND o.status IN ('PAID', 'FULFILLED', 'PARTIALLY_REFUNDED') AND v.seats > 0
          AND l.slot_starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND l.slot_starts_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        ORDER BY l.slot_starts_at, l.order_id, l.position`,
      [venueId, date],
    );
  }

  /**
   * The caller's queued messages, readable in development instead of an inbox. Refused in production. Messages to an
   * address that had no account when sent (invitations) are shown once the caller has verified that address.
   */
  async notifications(actor: Actor, orderId?: string | null): Promise<OrderNotification[]> {
    if (this.config.isProduction) throw OrdersException.forbidden('Notifications are only readable through the API in development');
    const rows: (Omit<OrderNotification, 'payload'> & { payload: unknown })[] = await this.dataSource.query(
      `SELECT id, kind, order_id AS "orderId", payload, created_at AS "createdAt", sent_at AS "sentAt" FROM notifications
        WHERE (recipient_user_id = $1 OR (recipient_user_id IS NULL AND recipient_email = $3 AND $4::boolean))
          AND ($2::uuid IS NULL OR order_id = $2::uuid) ORDER BY created_at, id`,
      [actor.userId, orderId ?? null, actor.email, actor.emailVerified],
    );
    return rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) }));
  }

  /**
   * The order as the actor may see it after changing it: whole to its buyer and to the platform; to merchant staff,
   * only their merchants' lines, tickets, subtotal and status, as `merchantOrders` shows it.
   */
  async viewFor(actor: Actor, order: OrderRecord): Promise<OrderView> {
    const [whole] = await this.views([order]);
    if (order.buyerUserId === actor.userId || actor.isPlatform) return whole!;
    const merchantIds = [...new Set(whole!.lines.map((l) => l.merchantId))].filter((id) => actor.isMemberOf(id, OrganizationKind.MERCHANT));
    const [scoped] = (await this.dataSource.query(`SELECT ${merchantOrderColumns('$2::uuid[]')} FROM orders o WHERE o.id = $1`, [
      order.id,
      merchantIds,
    ])) as unknown[];
    return onlyMerchants({ ...whole!, order: toOrderRecord(scoped) }, merchantIds);
  }

  async views(orders: OrderRecord[]): Promise<OrderView[]> {
    const ids = orders.map((o) => o.id);
    const [lines, tickets] = await Promise.all([linesOf(this.dataSource.manager, ids), ticketsOf(this.dataSource.manager, ids)]);
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
