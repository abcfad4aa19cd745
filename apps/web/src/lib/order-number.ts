/**
 * The order number people read and quote, e.g. `A5D3931B`: the same as the emails' (libs/kernel/src/order-number.ts,
 * which the web app may not import; order-number.spec.ts holds the two to one format).
 */
export function orderNumber(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}
