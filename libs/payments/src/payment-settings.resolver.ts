import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Public } from '@chedun/identity';
import { PaymentGateway } from './payment-gateway';

@ObjectType({ description: 'What a client needs to take a payment: which provider, and its public key.' })
export class PaymentSettings {
  @Field({ description: '"stripe", or "development" (confirm with devConfirmPayment).' })
  provider!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Stripe publishable key (pk_...) for Stripe.js, when Stripe is the provider.',
  })
  stripePublishableKey!: string | null;
}

@Resolver()
export class PaymentSettingsResolver {
  constructor(
    private readonly gateway: PaymentGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => PaymentSettings, { description: 'Public: how the web app takes payments.' })
  paymentSettings(): PaymentSettings {
    const provider = this.gateway.provider;
    return {
      provider,
      stripePublishableKey: provider === 'stripe' ? (this.config.stripe.publishableKey ?? null) : null,
    };
  }
}
