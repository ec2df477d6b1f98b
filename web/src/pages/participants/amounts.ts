/**
 * Amounts on the participant pages: the API's integer cents or decimal strings, as the
 * app's one money formatter (ui/money.ts) writes them.
 */
import type { Formats } from '../../i18n/format.js';
import { centsDecimal, moneyText } from '../../ui/money.js';

export function centsText(
  amount: number,
  currency: string | null | undefined,
  fmt: Formats,
  locale: string,
): string {
  return moneyText(centsDecimal(amount), currency ?? null, fmt, locale);
}

/** A decimal string (`"1000.50"`) as money. */
export function decimalText(
  decimal: string,
  currency: string | null | undefined,
  fmt: Formats,
  locale: string,
): string {
  return moneyText(decimal, currency ?? null, fmt, locale);
}
