import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

export const WEBHOOK_SECRET = 'whsec_test';

/** A Stripe event envelope as the API version the SDK pins would send it. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_${randomUUID().replace(/-/g, '')}`,
): string {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
}

export function paymentIntent(
  id: string,
  orderId: string,
  amount: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    object: 'payment_intent',
    amount,
    amount_received: amount,
    currency: 'cny',
    metadata: { orderId },
    status: 'succeeded',
    ...extra,
  };
}

export function charge(paymentIntentId: string, amount: number, amountRefunded: number): Record<string, unknown> {
  return {
    id: `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
    object: 'charge',
    amount,
    amount_refunded: amountRefunded,
    currency: 'cny',
    payment_intent: paymentIntentId,
    refunded: amountRefunded === amount,
    metadata: {},
  };
}

/** Signs with the SDK's own test helper, so the app's real verification runs against it. */
export function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}

/** POSTs a delivery over real HTTP; `null` sends no Stripe-Signature header at all. */
export async function deliver(
  baseUrl: string,
  payload: string,
  signature: string | null = sign(payload),
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(signature === null ? {} : { 'stripe-signature': signature }),
    },
    body: payload,
  });
  return { status: res.status, body: await res.json() };
}

/** A Connect transfer as Stripe's transfer.* events carry it; `amount_reversed` is cumulative. */
export function transfer(
  id: string,
  amount: number,
  amountReversed: number,
  payoutId: string,
): Record<string, unknown> {
  return {
    id,
    object: 'transfer',
    amount,
    amount_reversed: amountReversed,
    currency: 'cny',
    reversed: amountReversed === amount,
    metadata: { payoutId },
    destination: 'acct_1Nv0FGQ9RKHgCVdK',
    transfer_group: null,
    created: Math.floor(Date.now() / 1000),
  };
}
