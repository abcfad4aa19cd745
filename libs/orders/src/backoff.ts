/** Exponential delay before the next attempt: base × 2^(attempts − 1), at most `max`. */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(attempts - 1, 0), max);
}
