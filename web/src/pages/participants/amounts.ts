/**
 * Amounts as people read them: the API's integer cents, in the programme's currency, by
 * locale, formatted from the exact decimal text (`formatCents`) so no cent is lost through
 * a float. Without a currency (not known yet), a plain number with two decimals.
 */
import { cents, formatCents } from '../../../../src/domain/money.js';
import type { Formats } from '../../i18n/format.js';

const plain = new Map<string, Intl.NumberFormat>();

export function centsText(
  amount: number,
  currency: string | null | undefined,
  fmt: Formats,
  locale: string,
): string {
  return decimalText(formatCents(cents(amount)), currency, fmt, locale);
}

/** A decimal string (`"1000.50"`) as money. */
export function decimalText(
  decimal: string,
  currency: string | null | undefined,
  fmt: Formats,
  locale: string,
): string {
  if (currency) return fmt.money(decimal, currency);
  let format = plain.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    plain.set(locale, format);
  }
  return format.format(decimal as `${number}`);
}
