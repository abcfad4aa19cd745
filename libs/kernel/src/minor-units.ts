/**
 * A money value read from the database lies outside the safe-integer range. Never the client's fault: the amount
 * ceilings (amount-limits.ts) keep every stored amount and every sum far below 2^53, so reaching this means a bug
 * or data written around the API. It surfaces as INTERNAL and is logged, instead of a silently rounded amount.
 */
export class MinorUnitsOutOfRangeError extends Error {
  constructor(readonly value: string) {
    super(`Money read from the database (${value} minor units) is not a whole number inside the safe-integer range`);
    this.name = 'MinorUnitsOutOfRangeError';
  }
}

const INTEGER_TEXT = /^-?\d+$/;

/**
 * The one reader of money coming back from Postgres: a bigint column (pg hands int8 over as text), a sum
 * (numeric, also text), a JSON number, or a BigInt. Exact or refused: never a float, never rounded.
 */
export function readMinorUnits(value: string | number | bigint): number {
  let n: number;
  if (typeof value === 'string') {
    if (!INTEGER_TEXT.test(value)) throw new MinorUnitsOutOfRangeError(value);
    n = Number(value);
  } else {
    n = Number(value);
  }
  if (!Number.isSafeInteger(n)) throw new MinorUnitsOutOfRangeError(String(value));
  return n;
}

/** `readMinorUnits` for a nullable column or an outer join; SQL NULL stays null. */
export function readMinorUnitsOrNull(value: string | number | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : readMinorUnits(value);
}
