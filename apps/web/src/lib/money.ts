/**
 * The web app's one place for money: amounts travel as integer minor units (fen for CNY) with their currency, and
 * are converted to and from the major unit people type and read (yuan) only here, with the currency's own number
 * of decimals.
 */

/** The API's default currency (MoneyInput.currency defaults to it): only for a form with no amount to take one from. */
export const DEFAULT_CURRENCY = 'CNY';

export interface MoneyValue {
  amountMinor: number;
  currency: string;
}

/** Decimals of the currency's major unit: 2 for CNY (1 yuan = 100 fen), 0 for JPY. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const AMOUNT = /^\s*(\d+)(?:[.,](\d*))?\s*$/;

/**
 * "99.5" yuan → 9950 fen, exactly: digits are shifted as text, never multiplied as a float (1.005 × 100 is 100.49…).
 * Null for anything but a non-negative amount with at most the currency's decimals.
 */
export function parseMinorUnits(text: string, currency: string): number | null {
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** What a typed amount becomes as a GraphQL MoneyInput; null when it is not an amount. */
export function moneyInput(text: string, currency: string): MoneyValue | null {
  const amountMinor = parseMinorUnits(text, currency);
  return amountMinor === null ? null : { amountMinor, currency };
}

/** 9950 fen → 99.5, for display and for prefilling an input. */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** An amount as the locale writes it in its currency: ¥99.50, CN¥99.50, US$12.00. */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajorUnits(amountMinor, currency));
}

/** The currency of the first amount shown, or the API's default when there is none. */
export function currencyOf(amounts: readonly (Pick<MoneyValue, 'currency'> | null | undefined)[]): string {
  return amounts.find((m) => m)?.currency ?? DEFAULT_CURRENCY;
}
