import { readMinorUnitsOrNull } from '@chedun/kernel';
import { ValueTransformer } from 'typeorm';

/**
 * Money columns are `bigint` minor units; pg returns bigint as a string, read back by the kernel's one reader.
 * Declared one way everywhere: `@Column({ type: 'bigint', transformer: bigintMinorUnits })`.
 */
export const bigintMinorUnits: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => readMinorUnitsOrNull(value),
};
