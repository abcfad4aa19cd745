import type { ProductCategory } from '../gql/graphql';

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

/** Basis points as a percentage for people: 1250 → "12.5%". */
export function bpsToPercent(bps: number): string {
  return `${(bps / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}
