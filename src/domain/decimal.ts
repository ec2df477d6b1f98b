/**
 * Exact decimals read from text. A number is `-?[0-9]+(\.[0-9]+)?` and nothing else; it is
 * held as an integer of units at a scale, so no binary float ever touches it.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
  readonly text: string;
}

const NUMBER_SHAPE = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * Scores, event values and numeric attributes are compared exactly within these limits
 * (the engine's SQL number type holds them); documented in docs/contract-guide.md.
 */
export const SCORE_INTEGER_DIGITS = 12;
export const SCORE_DECIMALS = 6;
export const SCORE_PATTERN = `-?[0-9]{1,${SCORE_INTEGER_DIGITS}}(\\.[0-9]{1,${SCORE_DECIMALS}})?`;

export function fitsScore(d: Decimal): boolean {
  return d.scale <= SCORE_DECIMALS && integerDigits(d) <= SCORE_INTEGER_DIGITS;
}

export function isNumberText(text: string): boolean {
  return NUMBER_SHAPE.test(text);
}

export function parseDecimal(text: string): Decimal | null {
  if (!NUMBER_SHAPE.test(text)) return null;
  const point = text.indexOf('.');
  const scale = point < 0 ? 0 : text.length - point - 1;
  const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1);
  return { units: BigInt(digits), scale, text };
}

function atScale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = atScale(a, scale);
  const y = atScale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isNegative(d: Decimal): boolean {
  return d.units < 0n;
}

/** Digits before the point, for bounds checks at the SQL edge. */
export function integerDigits(d: Decimal): number {
  const unsigned = d.text.replace('-', '');
  const point = unsigned.indexOf('.');
  return (point < 0 ? unsigned : unsigned.slice(0, point)).replace(/^0+(?=\d)/, '').length;
}

/** The smallest integer of hundredths ≥ d: `earnings ≥ d` ⇔ `cents ≥ ceilHundredths(d)`. */
export function ceilHundredths(d: Decimal): bigint {
  if (d.scale <= 2) return atScale(d, 2);
  const divisor = 10n ** BigInt(d.scale - 2);
  const q = d.units / divisor;
  const exact = q * divisor === d.units;
  return exact || d.units < 0n ? q : q + 1n;
}

/** `40.0000000000` → `40`, `1.50` → `1.5`: a number's shortest exact text, for messages. */
export function shortText(d: Decimal): string {
  return d.text.includes('.') ? d.text.replace(/\.?0+$/, '') : d.text;
}
