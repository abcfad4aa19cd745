import type Stripe from 'stripe';

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

/** The SDK's module, what `import Stripe from 'stripe'` gives: the client class with `webhooks` and `errors`. */
export type StripeSdk = typeof Stripe;

let sdk: Promise<StripeSdk> | undefined;

/**
 * The SDK is loaded on the first payment call or webhook, not at start: its 200-odd modules cost about 10 MB
 * resident and 80 ms of every start (#18), and most processes start long before anyone pays.
 */
export function loadStripe(): Promise<StripeSdk> {
  sdk ??= import('stripe').then((module) => module.default);
  return sdk;
}

export async function createStripeClient(settings: StripeSettings): Promise<Stripe> {
  const Stripe = await loadStripe();
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
