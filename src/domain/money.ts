/**
 * Money is an integer number of cents (hundredths of the contract currency), never a float.
 * Decimals appear only when reading contract or input text and when formatting outputs.
 */
import { type Decimal, parseDecimal } from './decimal.js';

export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of cents: ${value}`);
  return value as Cents;
}

export const ZERO = cents(0);

/** Exact conversion of a decimal with at most two places; null otherwise. */
export function centsFromDecimal(d: Decimal): Cents | null {
  if (d.scale > 2) return null;
  const value = d.units * 10n ** BigInt(2 - d.scale);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return null;
  }
  return cents(Number(value));
}

export function parseCents(text: string): Cents | null {
  const d = parseDecimal(text);
  return d ? centsFromDecimal(d) : null;
}

export function add(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subtract(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

/**
 * `amount × (100 + percent) / 100`, rounded half up to the cent, in integers only: the
 * remainder is subtracted before dividing, so the division is exact. Amounts are ≥ 0.
 */
export function applyPercentBonus(amount: Cents, percent: number): Cents {
  if (percent === 0) return amount;
  const scaled = cents(amount * (100 + percent) + 50);
  return cents((scaled - (scaled % 100)) / 100);
}

/** `1234` → `"12.34"`; always two decimals whatever the currency. */
export function formatCents(amount: Cents): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
