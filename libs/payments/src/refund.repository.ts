import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { readMinorUnits } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { RefundStatus } from './payment-gateway';
import { RefundEntity } from './payment.entity';

export type NewRefund = Pick<
  RefundEntity,
  'paymentId' | 'providerRefundId' | 'amountMinor' | 'currency' | 'status' | 'reason' | 'idempotencyKey'
>;

/** Sums of a payment's refunds by status, in its currency's minor units. */
export interface RefundTotals {
  succeededMinor: number;
  pendingMinor: number;
}

/** As pg returns sums: numeric, as text. */
interface RefundTotalsRow {
  succeeded: string;
  pending: string;
}

/** The `refunds` table. */
@Injectable()
export class RefundRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RefundRepository {
    return new RefundRepository(manager);
  }

  /** Records the provider's refund once; a refund id already known is left as it is. */
  async recordIfAbsent(refund: NewRefund): Promise<void> {
    await this.manager.query(
      `INSERT INTO refunds (payment_id, provider_refund_id, amount_minor, currency, status, reason, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (provider_refund_id) DO NOTHING`,
      [
        refund.paymentId,
        refund.providerRefundId,
        refund.amountMinor,
        refund.currency,
        refund.status,
        refund.reason,
        refund.idempotencyKey,
      ],
    );
  }

  findByIdempotencyKey(paymentId: string, idempotencyKey: string): Promise<RefundEntity | null> {
    return this.manager.findOneBy(RefundEntity, { paymentId, idempotencyKey });
  }

  findByProviderRefundId(providerRefundId: string): Promise<RefundEntity | null> {
    return this.manager.findOneBy(RefundEntity, { providerRefundId });
  }

  /** Locked until the transaction ends: provider events for one refund are applied one at a time. */
  lockByProviderRefundId(providerRefundId: string): Promise<RefundEntity | null> {
    return this.manager.findOne(RefundEntity, { where: { providerRefundId }, lock: { mode: 'pessimistic_write' } });
  }

  async updateStatus(id: string, status: RefundStatus): Promise<void> {
    await this.manager.update(RefundEntity, id, { status });
  }

  async totalsOfPayment(paymentId: string): Promise<RefundTotals> {
    const rows: RefundTotalsRow[] = await this.manager.query(
      `SELECT coalesce(sum(amount_minor) FILTER (WHERE status = 'SUCCEEDED'), 0) AS succeeded,
              coalesce(sum(amount_minor) FILTER (WHERE status = 'PENDING'), 0) AS pending
       FROM refunds WHERE payment_id = $1`,
      [paymentId],
    );
    const row = rows[0];
    return { succeededMinor: readMinorUnits(row?.succeeded ?? 0), pendingMinor: readMinorUnits(row?.pending ?? 0) };
  }
}
