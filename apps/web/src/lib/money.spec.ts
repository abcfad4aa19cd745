/// <reference types="jest" />
import { currencyOf, formatMoney, moneyInput, parseMinorUnits, toMajorUnits } from './money';

describe('the web app money module', () => {
  it.each([
    ['whole yuan', '99', 'CNY', 9_900],
    ['yuan and fen', '99.50', 'CNY', 9_950],
    ['one decimal', '0.5', 'CNY', 50],
    ['a decimal comma', '12,34', 'CNY', 1_234],
    ['more decimals than fen', '1.005', 'CNY', null],
    ['4.35, which × 100 as a float is 434.99…', '4.35', 'CNY', 435],
    ['yen, which has no minor unit', '500', 'JPY', 500],
    ['yen with decimals', '500.5', 'JPY', null],
    ['a negative amount', '-1', 'CNY', null],
    ['text', 'abc', 'CNY', null],
    ['nothing', '', 'CNY', null],
  ])('parses %s', (_, text, currency, expected) => {
    expect(parseMinorUnits(text, currency)).toBe(expected);
  });

  it('builds a MoneyInput in the currency it is given, and formats in the currency of the data', () => {
    expect(moneyInput('12.30', 'USD')).toEqual({ amountMinor: 1_230, currency: 'USD' });
    expect(moneyInput('x', 'USD')).toBeNull();
    expect(toMajorUnits(9_950, 'CNY')).toBe(99.5);
    expect(formatMoney('en-GB', 9_950, 'CNY')).toBe('CN¥99.50');
    expect(formatMoney('en-GB', 1_230, 'USD')).toBe('US$12.30');
    expect(currencyOf([null, { currency: 'HKD' }, { currency: 'USD' }])).toBe('HKD');
    expect(currencyOf([])).toBe('CNY');
  });
});
