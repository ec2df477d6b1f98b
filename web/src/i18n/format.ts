/**
 * Numbers, money, dates and months as people read them, by locale (Intl). Amounts arrive as
 * decimal strings ("2018120.00") and are formatted from the string, never through a float,
 * so a cent is never lost; a chart's axis, which needs numbers, uses `amount()`.
 */
import type { Locale } from '../../../src/domain/messages/locale.js';

export interface Formats {
  readonly number: (n: number) => string;
  readonly percent: (ratio: number) => string;
  readonly money: (amount: string, currency: string) => string;
  /** Whole units, for axes and compact labels. */
  readonly moneyShort: (amount: number, currency: string) => string;
  readonly date: (day: string) => string;
  readonly month: (month: string) => string;
}

const cache = new Map<Locale, Formats>();

export function formatsFor(locale: Locale): Formats {
  const hit = cache.get(locale);
  if (hit) return hit;
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const money = new Map<string, Intl.NumberFormat>();
  const moneyShort = new Map<string, Intl.NumberFormat>();
  const moneyIn = (pool: Map<string, Intl.NumberFormat>, currency: string, digits?: number) => {
    let f = pool.get(currency);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(digits === undefined ? {} : { maximumFractionDigits: digits, notation: 'compact' }),
      });
      pool.set(currency, f);
    }
    return f;
  };
  const formats: Formats = {
    number: (n) => number.format(n),
    percent: (ratio) => percent.format(ratio),
    // A decimal string is formatted exactly (Intl.NumberFormat v3 takes strings).
    money: (amount, currency) => moneyIn(money, currency).format(amount as `${number}`),
    moneyShort: (amount, currency) => moneyIn(moneyShort, currency, 1).format(amount),
    date: (day) => date.format(utcDay(day)),
    month: (m) => month.format(utcDay(`${m}-01`)),
  };
  cache.set(locale, formats);
  return formats;
}

/** A `YYYY-MM-DD` day at midnight UTC (no time zone in domain dates). */
function utcDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A decimal string as a number, for charts only (never for sums shown as money). */
export function amount(decimal: string): number {
  return Number(decimal);
}
