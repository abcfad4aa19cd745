import { DomainError, Money } from '@chedun/kernel';
import type Stripe from 'stripe';
import { ProviderEvent, ProviderPaymentRef } from '../provider-event';
import { stripeRefundStatus } from './stripe-payment.gateway';

/**
 * Stripe's event vocabulary → the provider-neutral events the processor understands. An amount in a currency the
 * marketplace never charges in cannot be one of its payments, so such an event is recorded and left alone.
 */
export function toProviderEvent(event: Stripe.Event): ProviderEvent {
  const base = {
    provider: 'stripe' as const,
    eventId: event.id,
    providerType: event.type,
    occurredAt: new Date(event.created * 1000),
  };
  try {
    return translate(event, base);
  } catch (error) {
    if (error instanceof DomainError) return { ...base, kind: 'UNHANDLED' };
    throw error;
  }
}

type EventBase = Pick<ProviderEvent, 'provider' | 'eventId' | 'providerType' | 'occurredAt'>;

function translate(event: Stripe.Event, base: EventBase): ProviderEvent {
  switch (event.type) {
    case 'payment_intent.succeeded':
      return { ...base, kind: 'PAYMENT_SUCCEEDED', payment: intentRef(event.data.object) };
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const error = intent.last_payment_error;
      return {
        ...base,
        kind: 'PAYMENT_FAILED',
        payment: intentRef(intent),
        reason: error?.message ?? error?.code ?? null,
      };
    }
    case 'payment_intent.canceled':
      return { ...base, kind: 'PAYMENT_CANCELLED', payment: intentRef(event.data.object) };
    case 'charge.refunded': {
      const charge = event.data.object;
      const intentId = idOf(charge.payment_intent);
      if (!intentId) return { ...base, kind: 'UNHANDLED' };
      return {
        ...base,
        kind: 'PAYMENT_REFUNDED',
        payment: {
          providerPaymentId: intentId,
          orderId: charge.metadata?.['orderId'] ?? null,
          amount: money(charge.amount, charge.currency),
        },
        refundedTotal: money(charge.amount_refunded, charge.currency),
      };
    }
    case 'transfer.reversed':
    case 'transfer.updated': {
      const transfer = event.data.object;
      // An update that reverses nothing (a description changed) is not news about money.
      if (transfer.amount_reversed <= 0) return { ...base, kind: 'UNHANDLED' };
      return {
        ...base,
        kind: 'TRANSFER_REVERSED',
        providerTransferId: transfer.id,
        payoutId: transfer.metadata?.['payoutId'] ?? null,
        reversedTotal: money(transfer.amount_reversed, transfer.currency),
      };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      return {
        ...base,
        kind: 'REFUND_UPDATED',
        providerRefundId: event.data.object.id,
        status: stripeRefundStatus(event.data.object.status),
      };
    default:
      return { ...base, kind: 'UNHANDLED' };
  }
}

function intentRef(intent: Stripe.PaymentIntent): ProviderPaymentRef {
  return {
    providerPaymentId: intent.id,
    orderId: intent.metadata?.['orderId'] ?? null,
    amount: money(intent.amount, intent.currency),
  };
}

function money(amountMinor: number, currency: string): Money {
  return Money.of(amountMinor, currency.toUpperCase());
}

function idOf(ref: string | { id: string } | null): string | null {
  return typeof ref === 'string' ? ref : (ref?.id ?? null);
}
