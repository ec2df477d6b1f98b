/**
 * Money is an integer number of cents (hundredths of the contract currency), never a float.
 * Decimals appear only when reading contract or input text and when formatting outputs.
 * Every layer reads and writes amounts through these functions: the engine's output text
 * with `parseCentsOrThrow`, the store's BIGINT columns with `centsFromInteger`, and every
 * amount shown anywhere with `formatCents`. A value that should be an amount and is not
 * throws `MoneyError`; it never quietly becomes zero.
 */
import { type Decimal, parseDecimal } from './decimal.js';

export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of cents: ${value}`);
  return value as Cents;
}

export const ZERO = cents(0);

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INTEGER_TEXT = /^-?[0-9]{1,16}$/;

/**
 * A value that must be an amount is not one. Users' input never gets here (its problems are
 * reported with file, row and column); this is our own data gone wrong, so it stops the
 * operation rather than paying or recording a wrong amount.
 */
export class MoneyError extends Error {
  constructor(
    readonly what: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`${what}: ${describe(value)} is not ${expected}`);
    this.name = 'MoneyError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/** Exact conversion of a decimal with at most two places; null otherwise. */
export function centsFromDecimal(d: Decimal): Cents | null {
  if (d.scale > 2) return null;
  const value = d.units * 10n ** BigInt(2 - d.scale);
  if (value > MAX_SAFE || value < -MAX_SAFE) return null;
  return cents(Number(value));
}

export function parseCents(text: string): Cents | null {
  const d = parseDecimal(text);
  return d ? centsFromDecimal(d) : null;
}

/**
 * `parseCentsOrThrow('12.34', 'summary paid')` → 1234. For amounts our own code wrote (the
 * engine's CSV and summary): anything but a number with at most two decimals throws.
 */
export function parseCentsOrThrow(text: string, what: string): Cents {
  const parsed = parseCents(text);
  if (parsed === null) throw new MoneyError(what, text, 'an amount with at most two decimals');
  return parsed;
}

/**
 * Integer cents as the store (BIGINT as exact text, e.g. `"-20000"`) or DuckDB (bigint)
 * return them → Cents: `centsFromInteger('-20000', 'bill total')` → −20000. Throws for
 * anything else — empty text, decimals, null, or beyond ±2^53 where a number loses cents.
 * Takes `unknown` because it is the check at the edge: drivers type their rows loosely.
 */
export function centsFromInteger(value: unknown, what: string): Cents {
  const big =
    typeof value === 'bigint'
      ? value
      : typeof value === 'number'
        ? Number.isSafeInteger(value)
          ? BigInt(value)
          : null
        : typeof value === 'string' && INTEGER_TEXT.test(value)
          ? BigInt(value)
          : null;
  if (big === null || big > MAX_SAFE || big < -MAX_SAFE) {
    throw new MoneyError(what, value, 'a whole number of cents');
  }
  return cents(Number(big));
}

/** Checked at every step, so a sum can never pass ±2^53 and come back wrong. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = ZERO;
  for (const a of amounts) total = add(total, a);
  return total;
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

export function maxCents(a: Cents, b: Cents): Cents {
  return a > b ? a : b;
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

/**
 * `1234` → `"12.34"`, `-5` → `"-0.05"`; always two decimals whatever the currency. Sums
 * kept as bigint (monthly earnings over a window) format the same way.
 */
export function formatCents(amount: Cents | bigint): string {
  const value = BigInt(amount);
  const abs = value < 0n ? -value : value;
  const fraction = String(abs % 100n).padStart(2, '0');
  return `${value < 0n ? '-' : ''}${abs / 100n}.${fraction}`;
}
