import { ValueTransformer } from 'typeorm';

/**
 * Money columns are `bigint` minor units; pg returns bigint as a string, so read them back as safe integers.
 * Declared one way everywhere: `@Column({ type: 'bigint', transformer: bigintMinorUnits })`.
 */
export const bigintMinorUnits: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is outside the safe integer range`);
    return n;
  },
};
