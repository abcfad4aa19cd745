import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OrderView } from './order-query.service';

/** An order as it was written when its payment moved it to PAID: the row, its lines and the tickets just issued. */
export type PaidOrderView = OrderView;

/**
 * Hands the order a payment event just moved to PAID back to the request that processed the event, so the
 * development confirmation answers with the rows it wrote instead of reading them back (#18: a purchase's round
 * trips bound its throughput). Scoped to the caller's async context: only work run inside `capture` sees its views,
 * and a view is only trusted after the transaction that wrote it has committed (the caller's work returned).
 */
@Injectable()
export class PaidOrderViews {
  private readonly storage = new AsyncLocalStorage<Map<string, PaidOrderView>>();

  async capture<T>(work: () => Promise<T>): Promise<{ result: T; views: ReadonlyMap<string, PaidOrderView> }> {
    const views = new Map<string, PaidOrderView>();
    const result = await this.storage.run(views, work);
    return { result, views };
  }

  /** Called inside the payment's transaction; a no-op outside `capture` (webhooks, sweeps). */
  record(view: PaidOrderView): void {
    this.storage.getStore()?.set(view.order.id, view);
  }
}
