import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InventoryService, SeatForSale, StockHold, VariantForSale } from '@chedun/catalog';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor } from '@chedun/identity';
import { Clock, Money, ProductCategory, shanghaiDate } from '@chedun/kernel';
import { LicenseReader } from '@chedun/licensing';
import { PaymentService } from '@chedun/payments';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OrderLineRepository } from './order-line.repository';
import { OrderLineRecord, OrderRecord } from './order-records';
import { COUNTED_FOR_LIMIT } from './order-status';
import { OrderRepository } from './order.repository';
import { assertLineShape } from './checkout-line';
import { CheckoutDeliveryService, DeliveryQuote } from './checkout-delivery.service';
import { OrdersException } from './orders.exception';
import { CheckoutInput, CheckoutLineInput } from './orders.types';

export interface CheckoutResult {
  order: OrderRecord;
  /** The new order's lines as written (it has no tickets yet); null when the key returned an earlier order. */
  lines: OrderLineRecord[] | null;
  payment: { provider: string; clientSecret: string };
}

/** What checkout reads before its transaction: the priced lines and delivery, or why they cannot be sold. */
interface Quote {
  lines: PricedLine[];
  currency: string;
  delivery: DeliveryQuote | null;
  total: number;
}
type Quoted = { quote: Quote } | { error: unknown };

type PricedLine = { index: number; input: CheckoutLineInput; hold: StockHold; royaltyBps: number } & (
  { kind: 'MERCHANDISE'; item: VariantForSale } | { kind: 'EXPERIENCE'; item: SeatForSale }
);

/**
 * Checkout: one transaction validates every line, reserves stock and seats for all of them or none, and writes the
 * order PENDING_PAYMENT priced at that moment. The payment is opened afterwards, idempotently by the order id, so a
 * retry with the same key (or a provider hiccup) never charges twice; an unpaid order's reservation simply expires.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly orderLines: OrderLineRepository,
    private readonly inventory: InventoryService,
    private readonly licenses: LicenseReader,
    private readonly payments: PaymentService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: CheckoutDeliveryService,
  ) {}

  async checkout(actor: Actor, input: CheckoutInput): Promise<CheckoutResult> {
    input.lines.forEach(assertLineShape);
    const requestHash = input.delivery
      ? hashWithDelivery(hashLines(input.lines), input.delivery)
      : hashLines(input.lines);
    const now = this.clock.now();
    // Read before the transaction (#18): the transaction holds a pooled connection from its first statement to its
    // commit, and on a busy process each statement's answer waits its turn; the items, their licenses and the
    // delivery options need no lock (every statement reads what is committed when it runs, inside a transaction or
    // not), and the reservation still checks what is left. What they refuse is held until the transaction has looked
    // the key up, so a retried checkout still gets its order back whatever changed since.
    const quoted = await this.quote(this.dataSource.manager, input, now).then(
      (quote): Quoted => ({ quote }),
      (error: unknown): Quoted => ({ error }),
    );
    const { order, lines } = await this.dataSource.transaction((manager) =>
      this.placeOrder(manager, actor, input, requestHash, quoted, now),
    );
    const payment = await this.payments.createPayment({
      orderId: order.id,
      amount: Money.of(order.totalMinor, order.currency),
      idempotencyKey: `order-${order.id}`,
      transferGroup: `order_${order.id}`,
      description: `Chedun Market order ${order.id}`,
    });
    return { order, lines, payment: { provider: payment.provider, clientSecret: payment.clientSecret } };
  }

  /** Prices every line and the delivery, and checks the order's currency and ceiling: nothing written. */
  private async quote(manager: EntityManager, input: CheckoutInput, now: Date): Promise<Quote> {
    const lines: PricedLine[] = [];
    for (const [index, line] of input.lines.entries()) lines.push(await this.price(manager, index, line, now));
    const currency = lines[0]?.item.currency;
    if (currency === undefined) throw OrdersException.badInput('An order needs at least one line', { field: 'lines' });
    if (lines.some((l) => l.item.currency !== currency))
      throw OrdersException.badInput('All lines of an order must be in one currency');

    const goods = lines
      .filter((l) => l.kind === 'MERCHANDISE')
      .map((l) => ({ merchantId: l.item.merchantId, netMinor: l.item.priceMinor * l.input.quantity }));
    const delivery = await this.delivery.quote(manager, input.delivery, goods, currency);
    const total =
      lines.reduce((sum, l) => sum + l.item.priceMinor * l.input.quantity, 0) + (delivery?.totalFeeMinor ?? 0);
    // Every sum the ledger makes of orders stays exact only while each order is bounded (kernel amount-limits.ts).
    const ceiling = this.config.amounts.orderTotalCeilingMinor;
    if (total > ceiling) {
      throw OrdersException.badInput(
        `An order's total must be at most ${ceiling} minor units; split it into smaller orders`,
        {
          field: 'lines',
          totalMinor: total,
          ceilingMinor: ceiling,
        },
      );
    }
    return { lines, currency, delivery, total };
  }

  private async placeOrder(
    manager: EntityManager,
    actor: Actor,
    input: CheckoutInput,
    requestHash: string,
    quoted: Quoted,
    now: Date,
  ): Promise<{ order: OrderRecord; lines: OrderLineRecord[] | null }> {
    // One buyer's checkouts run one at a time, so the key lookup, the purchase limit and the open-order cap are exact.
    const orders = this.orders.forManager(manager);
    await orders.serialiseCheckoutsOf(actor.userId);
    const seen = await orders.checkoutState(actor.userId, input.idempotencyKey, now);
    if (seen.id) {
      if (seen.requestHash !== requestHash) {
        throw OrdersException.conflict('This idempotency key was already used for a different checkout', {
          idempotencyKey: input.idempotencyKey,
        });
      }
      const earlier = await orders.findById(seen.id);
      if (!earlier) throw OrdersException.notFound('Order', seen.id);
      return { order: earlier, lines: null };
    }

    const cap = this.config.orders.openOrdersPerAccount;
    if (seen.open >= cap) {
      throw OrdersException.rateLimited(`At most ${cap} unpaid orders at a time: pay or let one expire first`, {
        openOrders: cap,
      });
    }

    if ('error' in quoted) throw quoted.error;
    const { lines, currency, delivery, total } = quoted.quote;
    await this.assertPurchaseLimits(manager, actor.userId, lines);

    const expiresAt = new Date(now.getTime() + this.config.orders.reservationTtlMinutes * 60_000);
    const placed = await orders.insertPlaced(
      {
        id: randomUUID(),
        buyerUserId: actor.userId,
        idempotencyKey: input.idempotencyKey,
        requestHash,
        totalMinor: Money.of(total, currency).amountMinor,
        currency,
        expiresAt,
        createdAt: now,
      },
      lines.map((line) => {
        const seat = line.kind === 'EXPERIENCE' ? line.item : null;
        return {
          position: line.index,
          kind: line.kind,
          productId: line.item.productId,
          productName: line.item.productName,
          productNameZh: line.item.productNameZh,
          merchantId: line.item.merchantId,
          studioId: line.item.studioId,
          licenseId: line.item.licenseId,
          filmIpId: line.item.filmIpId,
          royaltyBps: line.royaltyBps,
          variantId: line.kind === 'MERCHANDISE' ? line.item.variantId : null,
          timeSlotId: seat?.timeSlotId ?? null,
          ticketTypeId: seat?.ticketTypeId ?? null,
          ticketTypeName: seat?.ticketTypeName ?? null,
          ticketTypeNameZh: seat?.ticketTypeNameZh ?? null,
          venueId: seat?.venueId ?? null,
          slotStartsAt: seat?.startsAt ?? null,
          slotEndsAt: seat?.endsAt ?? null,
          quantity: line.input.quantity,
          unitPriceMinor: line.item.priceMinor,
          netMinor: line.item.priceMinor * line.input.quantity,
          currency,
        };
      }),
      this.delivery.rows(delivery),
    );
    await this.delivery.remember(manager, actor, delivery, now);
    // Reserved last, so the stock and seat rows every buyer of the same item waits on are locked only until the commit.
    // Rows are always locked in id order, so two checkouts sharing items cannot deadlock.
    const byRow = [...lines].sort((a, b) => holdKey(a.hold).localeCompare(holdKey(b.hold)));
    for (const line of byRow) {
      if (!(await this.inventory.reserve(manager, line.hold, now))) {
        // Named and counted in the details, so that a client says in its own language which item and how many are left.
        const available = await this.inventory.left(manager, line.hold);
        throw OrdersException.outOfStock(
          `Line ${line.index + 1} (${line.item.productName}) cannot be reserved: ${line.input.quantity} wanted, ${available} left`,
          {
            reason: 'NOT_ENOUGH_LEFT',
            lineIndex: line.index,
            productId: line.item.productId,
            productName: line.item.productName,
            variantId: line.input.variantId ?? null,
            timeSlotId: line.input.timeSlotId ?? null,
            requested: line.input.quantity,
            available,
          },
        );
      }
    }

    return placed;
  }

  private async price(manager: EntityManager, index: number, line: CheckoutLineInput, now: Date): Promise<PricedLine> {
    const where = { lineIndex: index };
    let priced: PricedLine;
    if (line.variantId) {
      const item = await this.inventory.variantForSale(manager, line.variantId);
      if (!item)
        throw OrdersException.badInput(`Line ${index + 1}: no such variant`, { ...where, variantId: line.variantId });
      priced = {
        index,
        input: line,
        kind: 'MERCHANDISE',
        item,
        royaltyBps: 0,
        hold: { kind: 'VARIANT', variantId: item.variantId, quantity: line.quantity },
      };
    } else {
      const item = await this.inventory.seatForSale(manager, line.timeSlotId as string, line.ticketTypeId as string);
      if (!item)
        throw OrdersException.badInput(
          `Line ${index + 1}: no such time slot, or the ticket type is not of its experience`,
          { ...where, timeSlotId: line.timeSlotId },
        );
      if (item.slotStatus !== 'OPEN' || new Date(item.startsAt).getTime() <= now.getTime()) {
        throw OrdersException.badInput(`Line ${index + 1}: the time slot is not open for booking`, {
          ...where,
          timeSlotId: item.timeSlotId,
        });
      }
      priced = {
        index,
        input: line,
        kind: 'EXPERIENCE',
        item,
        royaltyBps: 0,
        hold: { kind: 'SEATS', timeSlotId: item.timeSlotId, quantity: line.quantity },
      };
    }
    if (priced.item.productStatus !== 'PUBLISHED') {
      throw OrdersException.badInput(`Line ${index + 1}: the product is not on sale`, {
        ...where,
        productId: priced.item.productId,
      });
    }
    const license = await this.licenses.findById(priced.item.licenseId, manager);
    if (!license || !this.licenses.isUsableOn(license, priced.item.category as ProductCategory, shanghaiDate(now))) {
      throw OrdersException.badInput(`Line ${index + 1}: the product's license does not allow selling it today`, {
        ...where,
        productId: priced.item.productId,
      });
    }
    priced.royaltyBps = license.royaltyBps;
    return priced;
  }

  private async assertPurchaseLimits(manager: EntityManager, buyerUserId: string, lines: PricedLine[]): Promise<void> {
    const wanted = new Map<string, { limit: number; quantity: number; index: number }>();
    for (const line of lines) {
      if (line.item.purchaseLimit === null) continue;
      const entry = wanted.get(line.item.productId) ?? {
        limit: line.item.purchaseLimit,
        quantity: 0,
        index: line.index,
      };
      entry.quantity += line.input.quantity;
      wanted.set(line.item.productId, entry);
    }
    if (wanted.size === 0) return;
    const bought = await this.orderLines
      .forManager(manager)
      .quantitiesBought(buyerUserId, COUNTED_FOR_LIMIT, [...wanted.keys()]);
    for (const [productId, entry] of wanted) {
      const already = bought.find((b) => b.productId === productId)?.quantity ?? 0;
      if (already + entry.quantity > entry.limit) {
        throw OrdersException.badInput(`Line ${entry.index + 1}: at most ${entry.limit} per visitor`, {
          reason: 'PURCHASE_LIMIT',
          lineIndex: entry.index,
          productId,
          purchaseLimit: entry.limit,
          alreadyOrdered: already,
        });
      }
    }
  }
}

/** Lines in the order given, normalised: the same request hashes the same however the client spelled nulls. */
function hashLines(lines: readonly CheckoutLineInput[]): string {
  const canonical = lines.map((l) => [
    l.variantId?.toLowerCase() ?? null,
    l.timeSlotId?.toLowerCase() ?? null,
    l.ticketTypeId?.toLowerCase() ?? null,
    l.quantity,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The delivery choice joins the hash, so a key reused with another address or method is a different checkout. */
function hashWithDelivery(linesHash: string, delivery: NonNullable<CheckoutInput['delivery']>): string {
  const a = delivery.address;
  const address = a ? [a.recipient, a.phone, a.province, a.city, a.district, a.street, a.postalCode || null] : null;
  return createHash('sha256')
    .update(JSON.stringify([linesHash, delivery.method, address]))
    .digest('hex');
}

function holdKey(hold: StockHold): string {
  return hold.kind === 'VARIANT' ? `v:${hold.variantId}` : `s:${hold.timeSlotId}`;
}
