import { BPS_DENOMINATOR, Bps } from './bps';
import { DomainError } from './domain-error';

/** ISO 4217 code. CNY is the default; fen is its minor unit. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export const DEFAULT_CURRENCY = 'CNY' as CurrencyCode;
/** The currencies the marketplace takes; every input that names a currency checks against this one list. */
export const SUPPORTED_CURRENCIES: readonly string[] = ['CNY', 'USD', 'EUR', 'HKD'];
const SUPPORTED = new Set(SUPPORTED_CURRENCIES);

export function currency(code: string): CurrencyCode {
  if (!SUPPORTED.has(code)) {
    throw DomainError.badInput(`Unsupported currency ${JSON.stringify(code)}; use one of ${[...SUPPORTED].join(', ')}`);
  }
  return code as CurrencyCode;
}

/**
 * An exact amount in integer minor units. Amounts are kept as JS numbers inside the safe-integer range
 * (±9e15 fen ≈ ±90 trillion yuan), which every operation checks; Postgres stores them as bigint.
 */
export class Money {
  private constructor(
    readonly amountMinor: number,
    readonly currency: CurrencyCode,
  ) {}

  static of(amountMinor: number, code: string = DEFAULT_CURRENCY): Money {
    if (!Number.isSafeInteger(amountMinor)) {
      throw DomainError.badInput('An amount must be a whole number of minor units (fen)', { amountMinor });
    }
    return new Money(amountMinor, currency(code));
  }

  static zero(code: string = DEFAULT_CURRENCY): Money {
    return Money.of(0, code);
  }

  static sum(items: readonly Money[], code: string = DEFAULT_CURRENCY): Money {
    return items.reduce((acc, m) => acc.plus(m), Money.zero(code));
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.amountMinor + other.amountMinor, this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.amountMinor - other.amountMinor, this.currency);
  }

  times(quantity: number): Money {
    if (!Number.isSafeInteger(quantity)) throw DomainError.badInput('A quantity must be a whole number', { quantity });
    return Money.of(this.amountMinor * quantity, this.currency);
  }

  negate(): Money {
    return Money.of(-this.amountMinor, this.currency);
  }

  isNegative(): boolean {
    return this.amountMinor < 0;
  }

  isZero(): boolean {
    return this.amountMinor === 0;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amountMinor === other.amountMinor;
  }

  compare(other: Money): number {
    this.assertSameCurrency(other);
    return Math.sign(this.amountMinor - other.amountMinor);
  }

  /**
   * The house rounding rule (DESIGN §2): a share of an amount at a rate is floor(amount × bps / 10 000),
   * computed in BigInt so no intermediate product loses precision. Applied to non-negative amounts.
   */
  shareAt(rate: Bps): Money {
    return Money.of(floorDiv(BigInt(this.amountMinor) * BigInt(rate), BigInt(BPS_DENOMINATOR)), this.currency);
  }

  /**
   * floor(this × numerator / denominator): the cumulative-refund share rule share(x) = floor(S × x / G).
   */
  scaledFloor(numerator: number, denominator: number): Money {
    if (denominator <= 0) throw DomainError.badInput('Denominator must be positive');
    return Money.of(floorDiv(BigInt(this.amountMinor) * BigInt(numerator), BigInt(denominator)), this.currency);
  }

  /**
   * Splits the amount into parts proportional to `weights`, largest remainder first, so the parts always sum
   * to the whole amount and no fen is lost or created.
   */
  allocate(weights: readonly number[]): Money[] {
    if (weights.length === 0) throw DomainError.badInput('Allocate needs at least one weight');
    if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
      throw DomainError.badInput('Weights must be non-negative whole numbers');
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (total === 0) throw DomainError.badInput('Weights must not all be zero');
    const amount = BigInt(this.amountMinor);
    const bigTotal = BigInt(total);
    const parts = weights.map((w) => floorDiv(amount * BigInt(w), bigTotal));
    let remainder = this.amountMinor - parts.reduce((a, b) => a + b, 0);
    const order = weights
      .map((w, i) => ({ i, frac: Number((amount * BigInt(w)) % bigTotal) }))
      .sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
      const slot = order[k];
      if (slot) parts[slot.i] = (parts[slot.i] ?? 0) + 1;
    }
    return parts.map((p) => Money.of(p, this.currency));
  }

  toJSON(): { amountMinor: number; currency: string } {
    return { amountMinor: this.amountMinor, currency: this.currency };
  }

  toString(): string {
    return `${this.currency} ${(this.amountMinor / 100).toFixed(2)}`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw DomainError.badInput(`Cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}

function floorDiv(a: bigint, b: bigint): number {
  let q = a / b;
  if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
  const n = Number(q);
  if (!Number.isSafeInteger(n)) throw DomainError.badInput('Amount out of range');
  return n;
}
