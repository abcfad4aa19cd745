import { DomainError } from './domain-error';

/** Basis points: 1 bps = 0.01 %. 10 000 bps = 100 %. */
export type Bps = number & { readonly __brand: 'Bps' };

export const BPS_DENOMINATOR = 10_000;

export function bps(value: number): Bps {
  if (!Number.isInteger(value) || value < 0 || value > BPS_DENOMINATOR) {
    throw DomainError.badInput(`A rate must be a whole number of basis points from 0 to ${BPS_DENOMINATOR}`, { value });
  }
  return value as Bps;
}
