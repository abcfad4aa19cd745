import Stripe from 'stripe';

export interface StripeSettings {
  secretKey: string;
  /** Another API server (a local fake in tests); Stripe's own when unset. */
  apiHost?: string | undefined;
  apiPort?: number | undefined;
  apiProtocol?: 'http' | 'https' | undefined;
  /** The SDK retries network failures and 5xx with the same idempotency key. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    ...(settings.apiHost ? { host: settings.apiHost } : {}),
    ...(settings.apiPort ? { port: settings.apiPort } : {}),
    ...(settings.apiProtocol ? { protocol: settings.apiProtocol } : {}),
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    timeout: settings.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: 'chedun-market' },
  });
}
