import { Clock } from '@chedun/kernel';
import type Stripe from 'stripe';
import { PaymentsException } from '../payments.exception';
import { ProviderEvent } from '../provider-event';
import { loadStripe } from './stripe-client';
import { toProviderEvent } from './stripe-event.mapper';

/**
 * Checks a delivery with the SDK (HMAC over the raw body and Stripe's default 300 s tolerance) and only then
 * reads it. Nothing about an unverified delivery is trusted or stored.
 */
export class StripeWebhookVerifier {
  constructor(
    private readonly webhookSecret: string | undefined,
    private readonly clock: Clock,
  ) {}

  async verify(rawBody: Buffer | undefined, signature: string | undefined): Promise<ProviderEvent> {
    if (!this.webhookSecret) throw PaymentsException.notFound('Stripe webhook endpoint');
    if (!rawBody || rawBody.length === 0) throw PaymentsException.badWebhook('A JSON body is required');
    if (!signature) throw PaymentsException.badWebhook('The Stripe-Signature header is missing');
    const sdk = await loadStripe();
    let event: Stripe.Event;
    try {
      event = sdk.webhooks.constructEvent(
        rawBody,
        signature,
        this.webhookSecret,
        undefined,
        undefined,
        this.clock.now().getTime(),
      );
    } catch (error) {
      const reason =
        error instanceof sdk.errors.StripeSignatureVerificationError ? error.message : 'The body is not a Stripe event';
      throw PaymentsException.badWebhook(`Webhook rejected: ${reason}`);
    }
    return toProviderEvent(event);
  }
}
