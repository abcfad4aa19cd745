/**
 * The order number people read and quote (on the order page, in the merchant console, in every email): the first
 * eight hex digits of the order's id in capitals, e.g. `A5D3931B`. The web app, which may not import libraries,
 * keeps a copy in apps/web/src/lib/order-number.ts that a spec holds to this one.
 */
export function orderNumber(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}
