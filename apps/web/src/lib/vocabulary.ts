import type { ProductCategory, SalesChannel } from '../gql/graphql';

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  'APPAREL',
  'COLLECTIBLE',
  'CRAFT',
  'FOOD',
  'HOME',
  'SCREENING',
  'STATIONERY',
  'STAY',
  'TOUR',
  'WORKSHOP',
];

/** In the API's order; an offer that names none allows all three. */
export const SALES_CHANNELS: readonly SalesChannel[] = ['ONLINE', 'VENUE', 'RETAIL'];

/** Basis points as a percentage for people: 1250 → "12.5%". */
export function bpsToPercent(bps: number): string {
  return `${(bps / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}
