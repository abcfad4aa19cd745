import { Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import { Public } from '@chedun/identity';
import type { Request } from 'express';
import { PaymentEventProcessor } from '../payment-event.processor';
import { StripeWebhookVerifier } from './stripe-webhook.verifier';

/**
 * Stripe's deliveries. A bad signature is the sender's fault (400, nothing stored); a failure while acting on a
 * verified event is ours (500), so Stripe delivers it again and the processor finishes it then.
 */
@Public()
@Controller('webhooks')
export class StripeWebhookController {
  constructor(
    private readonly verifier: StripeWebhookVerifier,
    private readonly processor: PaymentEventProcessor,
  ) {}

  @Post('stripe')
  @HttpCode(200)
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; duplicate: boolean }> {
    const event = await this.verifier.verify(req.rawBody, signature);
    const result = await this.processor.process(event);
    return { received: true, duplicate: result.outcome === 'DUPLICATE' };
  }
}
