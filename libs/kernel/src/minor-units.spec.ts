import { MinorUnitsOutOfRangeError, readMinorUnits, readMinorUnitsOrNull } from './minor-units';

describe('readMinorUnits: the one reader of money from the database', () => {
  it.each([
    ['a bigint column as pg hands it over', '12800', 12_800],
    ['a negative balance', '-4500', -4_500],
    ['a sum (numeric as text)', '9007199254740991', Number.MAX_SAFE_INTEGER],
    ['a JSON number', 99, 99],
    ['a BigInt', 7n, 7],
  ])('reads %s exactly', (_, value, expected) => {
    expect(readMinorUnits(value)).toBe(expected);
  });

  it.each([
    ['one past the safe range, which a float8 cast would have rounded', '9007199254740993'],
    ['2^53 itself', '9007199254740992'],
    ['below the safe range', '-9007199254740992'],
    ['a fraction', '12.5'],
    ['not a number', 'abc'],
    ['empty text', ''],
    ['a rounded JSON number', 2 ** 53],
    ['a BigInt too large', 2n ** 60n],
    ['a float', 0.5],
  ])('refuses %s with an internal error, never a rounded amount', (_, value) => {
    expect(() => readMinorUnits(value)).toThrow(MinorUnitsOutOfRangeError);
  });

  it('keeps SQL NULL null', () => {
    expect(readMinorUnitsOrNull(null)).toBeNull();
    expect(readMinorUnitsOrNull(undefined)).toBeNull();
    expect(readMinorUnitsOrNull('0')).toBe(0);
  });
});
