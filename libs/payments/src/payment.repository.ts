import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Money, readMinorUnits } from '@chedun/kernel';
import { And, EntityManager, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { PaymentProvider } from './payment-gateway';
import { PaymentEntity } from './payment.entity';
import { PaymentStatus } from './payment-status';

/** A payment as first learned of: awaiting confirmation. */
export interface NewPayment {
  orderId: string;
  provider: PaymentProvider;
  providerPaymentId: string;
  amount: Money;
}

interface CapturedPaymentsRow {
  orderId: string;
  ids: string[];
}

interface PaymentOrderRow {
  providerPaymentId: string;
  orderId: string;
}

const PAYMENT_COLUMNS = `id, order_id AS "orderId", provider, provider_payment_id AS "providerPaymentId",
  amount_minor AS "amountMinor", currency, refunded_minor AS "refundedMinor", status, failure_reason AS "failureReason",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

type PaymentRow = Omit<PaymentEntity, 'amountMinor' | 'refundedMinor' | 'amount' | 'refunded'> & {
  amountMinor: string;
  refundedMinor: string;
};

/** An entity instance (its Money getters included), as TypeORM would have built it from the row. */
function toPayment(row: PaymentRow): PaymentEntity {
  return Object.assign(new PaymentEntity(), {
    ...row,
    amountMinor: readMinorUnits(row.amountMinor),
    refundedMinor: readMinorUnits(row.refundedMinor),
  });
}

/** The `payments` table. */
@Injectable()
export class PaymentRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): PaymentRepository {
    return new PaymentRepository(manager);
  }

  /**
   * Records a payment awaiting confirmation unless its provider id is already known. Whoever learns of a payment
   * first (the use case that opened it, or a provider event that overtook it) records it; the rest find it.
   * Returns the new row's id, or null when the payment was already known.
   */
  async recordIfAbsent(
    payment: NewPayment,
    /** When the provider created it, if we are the provider (the development gateway's clock); else the database's now. */
    createdAt: Date | null = null,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO payments (order_id, provider, provider_payment_id, amount_minor, currency, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))
       ON CONFLICT (provider_payment_id) DO NOTHING RETURNING id`,
      [
        payment.orderId,
        payment.provider,
        payment.providerPaymentId,
        payment.amount.amountMinor,
        payment.amount.currency,
        PaymentStatus.REQUIRES_PAYMENT,
        createdAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  // The reads and writes on checkout's and the webhook's path are plain SQL: TypeORM's query builder and entity
  // hydration cost more CPU than the statements themselves there (issue #18's profile).
  async findByProviderPaymentId(providerPaymentId: string): Promise<PaymentEntity | null> {
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE provider_payment_id = $1`,
      [providerPaymentId],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /** A payment of one provider only: another provider's id is unknown to it. */
  async findOfProvider(provider: PaymentProvider, providerPaymentId: string): Promise<PaymentEntity | null> {
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE provider_payment_id = $1 AND provider = $2`,
      [providerPaymentId, provider],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /** Locked until the transaction ends: provider events for one payment are applied one at a time. */
  async lockByProviderPaymentId(providerPaymentId: string): Promise<PaymentEntity | null> {
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE provider_payment_id = $1 FOR UPDATE`,
      [providerPaymentId],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /** Only the columns given change (undefined leaves a column as it is); updated_at is stamped, as TypeORM did. */
  /**
   * With `appliedEventId`, the same statement records that provider event's outcome as APPLIED to this payment: the
   * event row was inserted first (the gate a duplicate waits on), and its outcome commits, or rolls back, with the
   * change it caused.
   */
  async update(
    id: string,
    changes: Partial<Pick<PaymentEntity, 'status' | 'refundedMinor' | 'failureReason'>>,
    appliedEventId: string | null = null,
  ): Promise<void> {
    await this.manager.query(
      `WITH applied AS (UPDATE payment_events SET outcome = 'APPLIED', payment_id = $1 WHERE id = $6::uuid)
       UPDATE payments SET status = coalesce($2, status),
              refunded_minor = coalesce($3, refunded_minor),
              failure_reason = CASE WHEN $4 THEN $5 ELSE failure_reason END,
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        changes.status ?? null,
        changes.refundedMinor ?? null,
        changes.failureReason !== undefined,
        changes.failureReason ?? null,
        appliedEventId,
      ],
    );
  }

  /** Oldest first. */
  async ofOrder(orderId: string): Promise<PaymentEntity[]> {
    const rows: PaymentRow[] = await this.manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_id = $1 ORDER BY created_at`,
      [orderId],
    );
    return rows.map(toPayment);
  }

  /** One provider's payments in `statuses` created in [from, to), oldest first. */
  ofProviderCreatedIn(
    provider: PaymentProvider,
    statuses: readonly PaymentStatus[],
    range: { from: Date; to: Date },
  ): Promise<PaymentEntity[]> {
    return this.manager.find(PaymentEntity, {
      where: {
        provider,
        status: In([...statuses]),
        createdAt: And(MoreThanOrEqual(range.from), LessThan(range.to)),
      },
      order: { createdAt: 'ASC' },
    });
  }

  /** Per order, the provider ids of its payments through `provider` in `statuses`, oldest first. */
  async providerIdsByOrder(
    orderIds: readonly string[],
    provider: PaymentProvider,
    statuses: readonly PaymentStatus[],
  ): Promise<Map<string, string[]>> {
    const rows: CapturedPaymentsRow[] = await this.manager.query(
      `SELECT order_id::text AS "orderId", array_agg(provider_payment_id ORDER BY created_at) AS ids
         FROM payments WHERE order_id = ANY($1::uuid[]) AND provider = $2 AND status = ANY($3)
        GROUP BY order_id`,
      [orderIds, provider, statuses],
    );
    return new Map(rows.map((r) => [r.orderId, r.ids]));
  }

  /** The order each known provider payment belongs to. */
  async orderIdsByProviderPaymentId(providerPaymentIds: readonly string[]): Promise<Map<string, string>> {
    const rows: PaymentOrderRow[] = await this.manager.query(
      `SELECT provider_payment_id AS "providerPaymentId", order_id::text AS "orderId" FROM payments WHERE provider_payment_id = ANY($1::text[])`,
      [providerPaymentIds],
    );
    return new Map(rows.map((r) => [r.providerPaymentId, r.orderId]));
  }
}
