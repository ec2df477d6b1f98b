/**
 * Amounts, days, instants and counts as a reader of each language writes them, for what
 * people read (statements); machine outputs never go through here. Amounts are formatted
 * from their integer cents, never through a float: the whole part as a bigint, grouped by
 * the locale, then the locale's decimal mark and the two cent digits.
 */
import type { LocalDate } from './local-date.js';
import type { Locale } from './messages/locale.js';
import type { Cents } from './money.js';

/**
 * `formatAmount(123456789, 'ARS', 'es')` → `1.234.567,89 ARS`; `'en'` → `1,234,567.89 ARS`;
 * `'fr'` → `1 234 567,89 ARS` (narrow no-break spaces between groups).
 */
export function formatAmount(amount: Cents, currency: string, locale: Locale): string {
  const value = BigInt(amount);
  const abs = value < 0n ? -value : value;
  const whole = new Intl.NumberFormat(locale).format(abs / 100n);
  const cents = String(abs % 100n).padStart(2, '0');
  return `${value < 0n ? '-' : ''}${whole}${decimalMark(locale)}${cents} ${currency}`;
}

/** `formatCount(12040, 'es')` → `12.040`. */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** `formatDay('2020-06-30', 'es')` → `30 de junio de 2020`; `'en'` → `June 30, 2020`. */
export function formatDay(day: LocalDate, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** An instant in UTC: `formatInstant(new Date('2026-11-23T07:05:00Z'), 'fr')` → `23 nov. 2026, 07:05`. */
export function formatInstant(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
}

function decimalMark(locale: Locale): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value ?? '.';
}
