import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PaymentEventEntity, PaymentEventOutcome } from './payment.entity';

export type NewPaymentEvent = Pick<
  PaymentEventEntity,
  'provider' | 'providerEventId' | 'type' | 'outcome' | 'occurredAt'
>;

/** The `payment_events` table: each provider event, once. */
@Injectable()
export class PaymentEventRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): PaymentEventRepository {
    return new PaymentEventRepository(manager);
  }

  /**
   * The new row's id, or null when the provider's event id is already recorded. A concurrent delivery of the same id
   * waits on the unique key until the first one commits or rolls back.
   */
  async recordIfNew(event: NewPaymentEvent): Promise<string | null> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO payment_events (provider, provider_event_id, type, outcome, occurred_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (provider, provider_event_id) DO NOTHING
       RETURNING id`,
      [event.provider, event.providerEventId, event.type, event.outcome, event.occurredAt],
    );
    return rows[0]?.id ?? null;
  }

  async setOutcome(id: string, outcome: PaymentEventOutcome, paymentId: string | null): Promise<void> {
    await this.manager.query(`UPDATE payment_events SET outcome = $2, payment_id = $3 WHERE id = $1`, [
      id,
      outcome,
      paymentId,
    ]);
  }
}
