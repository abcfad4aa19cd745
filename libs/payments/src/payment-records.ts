import { Money } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { PaymentProvider } from './payment-gateway';
import { PaymentStatus } from './payment-status';

/**
 * Records a payment awaiting confirmation unless its provider id is already known. Whoever learns of a payment
 * first (the use case that opened it, or a provider event that overtook it) records it; the rest find it.
 * Returns the new row's id, or null when the payment was already known.
 */
export async function recordPaymentIfAbsent(
  manager: EntityManager,
  payment: { orderId: string; provider: PaymentProvider; providerPaymentId: string; amount: Money },
  /** When the provider created it, if we are the provider (the development gateway's clock); else the database's now. */
  createdAt: Date | null = null,
): Promise<string | null> {
  const rows = (await manager.query(
    `INSERT INTO payments (order_id, provider, provider_payment_id, amount_minor, currency, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))
     ON CONFLICT (provider_payment_id) DO NOTHING RETURNING id`,
    [payment.orderId, payment.provider, payment.providerPaymentId, payment.amount.amountMinor, payment.amount.currency, PaymentStatus.REQUIRES_PAYMENT, createdAt],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}
