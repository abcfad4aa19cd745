import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ActorLoader } from '@chedun/identity';
import { Clock, readMinorUnits, shanghaiDate } from '@chedun/kernel';
import { RoyaltyStatementService } from '@chedun/ledger';
import { CheckoutService, OrderRefundService } from '@chedun/orders';
import { DevelopmentPaymentGateway, PaymentGateway, PaymentService } from '@chedun/payments';
import { DataSource } from 'typeorm';
import { organizationOwner } from './demo-actors';
import { atInstant, isMovable } from './demo-clock';

/** Days of each month with a demo sale, at 11:00 in Shanghai. */
const SALE_DAYS = [3, 8, 13, 18, 23, 27];
const MONTHS = 3;
const MERCHANTS = ['Xiangdi Art Center', 'Xinshe Ranch', 'Shanghai Film Park Shop'];
/** The studio whose demo owner finds an issued statement. */
const STATED_STUDIO = 'Xinshe Studio';

interface SaleItem {
  variantId: string;
  merchantId: string;
  studioId: string;
}

/**
 * Demo sales history: over the three months before this one, the demo visitor buys the demo shops' merchandise
 * through the real checkout, the development gateway confirms each payment through the webhook path, merchants refund
 * part of some lines a few days later, and Xinshe Studio issues its statement for the month before last, so a studio
 * logging in sees a real royalty report. Each step runs with the clock pinned to its date (the clock is the only
 * source of time the services use). Idempotent: checkout keys are fixed per sale day, a refunded line is not refunded
 * again, and once the statement exists the seed does nothing. Only with the development gateway (with Stripe,
 * payments are real) and a clock the seed can move (`DemoClock` under `npm start`, a test's `SettableClock`).
 */
@Injectable()
export class LedgerDemoSeeder {
  private readonly logger = new Logger(LedgerDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorLoader,
    private readonly checkout: CheckoutService,
    private readonly refunds: OrderRefundService,
    private readonly payments: PaymentService,
    private readonly gateway: PaymentGateway,
    private readonly development: DevelopmentPaymentGateway,
    private readonly statements: RoyaltyStatementService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    if (this.gateway.provider !== 'development' || !isMovable(this.clock)) return 0;
    const buyer = await this.actors.byEmail('visitor@chedun.test');
    const [studio] = (await this.dataSource.query(`SELECT id FROM organizations WHERE kind = 'STUDIO' AND name = $1`, [
      STATED_STUDIO,
    ])) as { id: string }[];
    if (!buyer || !studio) return 0;
    const [stated] = (await this.dataSource.query(`SELECT 1 FROM royalty_statements WHERE studio_id = $1 LIMIT 1`, [
      studio.id,
    ])) as unknown[];
    if (stated) return 0;
    const items = await this.saleItems();
    if (items.length === 0) return 0;

    const started = performance.now();
    const months = pastMonths(this.clock.now(), MONTHS);
    let sold = 0;
    let n = 0;
    for (const month of months) {
      for (const day of SALE_DAYS) {
        const at = new Date(`${month}-${String(day).padStart(2, '0')}T11:00:00+08:00`);
        const lines = [{ variantId: items[n % items.length]!.variantId, quantity: 1 + (n % 2) }];
        if (n % 3 === 0) lines.push({ variantId: items[(n + 5) % items.length]!.variantId, quantity: 1 });
        const refundAt = n % 4 === 1 ? new Date(at.getTime() + 3 * 86_400_000) : null;
        n++;
        try {
          const orderId = await atInstant(this.clock, at, () => this.buy(buyer, `demo-ledger-${month}-${day}`, lines));
          sold++;
          if (refundAt && refundAt < this.clock.now())
            await atInstant(this.clock, refundAt, () => this.refundHalfOfFirstLine(orderId));
        } catch (error) {
          this.logger.warn(
            `Demo sale of ${shanghaiDate(at)} skipped: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    const owner = await organizationOwner(this.dataSource, studio.id);
    await this.statements.issue(owner, { studioId: studio.id, month: months[MONTHS - 2]!, currency: 'CNY' });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.logger.log(
      `Seeded ${sold} demo paid orders over ${MONTHS} months and a ${STATED_STUDIO} royalty statement in ${seconds} s`,
    );
    return sold;
  }

  /** Published merchandise of the demo shops, in an order fixed by names, interleaved by studio so every studio's report has sales. */
  private async saleItems(): Promise<SaleItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT v.id AS "variantId", p.merchant_id AS "merchantId", l.studio_id AS "studioId"
         FROM products p
         JOIN product_variants v ON v.product_id = p.id
         JOIN licenses l ON l.id = p.license_id
         JOIN organizations m ON m.id = p.merchant_id
         JOIN organizations s ON s.id = l.studio_id
        WHERE p.status = 'PUBLISHED' AND p.kind = 'MERCHANDISE' AND m.name = ANY($1::text[])
        ORDER BY s.name, m.name, p.name, v.sku`,
      [MERCHANTS],
    )) as SaleItem[];
    const byStudio = new Map<string, SaleItem[]>();
    for (const r of rows) byStudio.set(r.studioId, [...(byStudio.get(r.studioId) ?? []), r]);
    const queues = [...byStudio.values()];
    const interleaved: SaleItem[] = [];
    for (let i = 0; interleaved.length < rows.length; i++) for (const q of queues) if (q[i]) interleaved.push(q[i]!);
    return interleaved;
  }

  private async buy(
    buyer: Actor,
    idempotencyKey: string,
    lines: { variantId: string; quantity: number }[],
  ): Promise<string> {
    const { order } = await this.checkout.checkout(buyer, { idempotencyKey, lines });
    const payment = (await this.payments.paymentsOfOrder(order.id)).find((p) => p.provider === 'development');
    if (payment) await this.development.confirm(payment.providerPaymentId);
    return order.id;
  }

  private async refundHalfOfFirstLine(orderId: string): Promise<void> {
    const [line] = (await this.dataSource.query(
      `SELECT id, merchant_id, net_minor AS net, refunded_minor AS refunded FROM order_lines WHERE order_id = $1 ORDER BY position LIMIT 1`,
      [orderId],
    )) as { id: string; merchant_id: string; net: string; refunded: string }[];
    if (!line || readMinorUnits(line.refunded) > 0) return;
    const merchant = await organizationOwner(this.dataSource, line.merchant_id);
    await this.refunds.refundLine(merchant, line.id, Math.floor(readMinorUnits(line.net) / 2));
  }
}

/** The first day (00:00 in Shanghai) of the demo sales history. */
export function salesHistoryStart(now: Date): Date {
  return new Date(`${pastMonths(now, MONTHS)[0]}-01T00:00:00+08:00`);
}

/** The `count` calendar months (YYYY-MM, Asia/Shanghai) before the one `now` is in, oldest first. */
export function pastMonths(now: Date, count: number): string[] {
  const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
