/// <reference types="jest" />
import { isReversed } from './period';

describe('a report period', () => {
  it.each([
    ['a reversed period', { from: '2026-03-31', to: '2026-03-01' }, true],
    ['a single day', { from: '2026-03-01', to: '2026-03-01' }, false],
    ['a month', { from: '2026-03-01', to: '2026-03-31' }, false],
    ['across a year', { from: '2025-12-01', to: '2026-01-31' }, false],
  ])('%s is refused only when reversed', (_name, period, reversed) => {
    expect(isReversed(period)).toBe(reversed);
  });
});
