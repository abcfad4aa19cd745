/**
 * The payment provider's client secret of an order, from checkout until it is paid. Only checkout returns it,
 * so it is kept for this tab (sessionStorage) to survive a reload or Stripe's redirect back to the order page.
 */
const PREFIX = 'chedun.payment.';

export interface PaymentSession {
  provider: string;
  clientSecret: string;
}

export function rememberPayment(orderId: string, payment: PaymentSession): void {
  try {
    sessionStorage.setItem(PREFIX + orderId, JSON.stringify(payment));
  } catch {
    // Storage full or disabled: the order page then offers to cancel and check out again.
  }
}

export function recallPayment(orderId: string): PaymentSession | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + orderId);
    return raw ? (JSON.parse(raw) as PaymentSession) : null;
  } catch {
    return null;
  }
}

export function forgetPayment(orderId: string): void {
  try {
    sessionStorage.removeItem(PREFIX + orderId);
  } catch {
    // Nothing to forget.
  }
}
