import { PaymentsException } from '../payments.exception';
import type { StripeSdk } from './stripe-client';

/**
 * Stripe's errors become the payments exception here, so nothing above the adapter knows the SDK. `Stripe` is the
 * loaded SDK (`loadStripe()`), whose error classes the SDK's calls threw.
 */
export function toPaymentsException(error: unknown, operation: string, Stripe: StripeSdk): PaymentsException {
  if (!(error instanceof Stripe.errors.StripeError)) {
    return PaymentsException.providerUnavailable(`Payment provider call failed (${operation})`, { operation });
  }
  const details = {
    operation,
    providerCode: error.code ?? null,
    declineCode: error.decline_code ?? null,
    providerRequestId: error.requestId ?? null,
  };
  if (error instanceof Stripe.errors.StripeCardError) {
    return PaymentsException.paymentFailed(error.message, details);
  }
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  ) {
    return PaymentsException.paymentFailed(`The payment provider refused the ${operation} request`, details);
  }
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return PaymentsException.misconfigured('The payment provider refused our credentials', details);
  }
  // Connection failures, rate limits and provider-side errors: the same call, same key, may succeed later.
  return PaymentsException.providerUnavailable(`The payment provider is unavailable (${operation})`, details);
}
