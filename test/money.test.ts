/**
 * Money in integer cents (src/domain/money.ts): one formatter, exact parsing, and a
 * MoneyError — never a silent zero — when text or a stored value is not an amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cents,
  centsFromInteger,
  formatCents,
  MoneyError,
  parseCentsOrThrow,
  sumCents,
} from '../src/domain/money.js';

const anyCents = fc.maxSafeInteger().map(cents);

describe('money', () => {
  it('formats with exactly two decimals, negatives and bigint sums included', () => {
    expect(formatCents(cents(0))).toBe('0.00');
    expect(formatCents(cents(5))).toBe('0.05');
    expect(formatCents(cents(123456))).toBe('1234.56');
    expect(formatCents(cents(-5))).toBe('-0.05');
    expect(formatCents(cents(-20000))).toBe('-200.00');
    expect(formatCents(cents(Number.MAX_SAFE_INTEGER))).toBe('90071992547409.91');
    expect(formatCents(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it('reads back what it formats, for every safe amount (property)', () => {
    fc.assert(
      fc.property(anyCents, (c) => {
        expect(parseCentsOrThrow(formatCents(c), 'amount')).toBe(c);
        expect(formatCents(BigInt(c))).toBe(formatCents(c));
        expect(centsFromInteger(String(c), 'amount')).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses amounts exactly from their text', () => {
    expect(parseCentsOrThrow('12.34', 'price')).toBe(1234);
    expect(parseCentsOrThrow('7', 'price')).toBe(700);
    expect(parseCentsOrThrow('0.5', 'price')).toBe(50);
    expect(parseCentsOrThrow('-200.00', 'amount')).toBe(-20000);
    // 0.1 + 0.2 is not 0.3 in floats; read as text it is 30 cents.
    expect(parseCentsOrThrow('0.30', 'amount')).toBe(30);
  });

  it.each(['', ' 1.00', '1.234', '1,00', '1e3', 'abc', '12.', '90071992547409.92'])(
    'refuses %j as an amount, naming what was read',
    (text) => {
      const error = (() => {
        try {
          parseCentsOrThrow(text, 'achievements.csv amount');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(MoneyError);
      expect(String((error as Error).message)).toBe(
        `achievements.csv amount: ${JSON.stringify(text)} is not an amount with at most two decimals`,
      );
    },
  );

  it('reads integer cents from the store and DuckDB, and nothing else', () => {
    expect(centsFromInteger('-20000', 'bill line')).toBe(-20000);
    expect(centsFromInteger('0', 'bill line')).toBe(0);
    expect(centsFromInteger(700000n, 'provider total')).toBe(700000);
    expect(centsFromInteger(42, 'count')).toBe(42);
    const bad: unknown[] = [
      '',
      '12.50',
      ' 1',
      '1e3',
      '9007199254740992',
      2 ** 53,
      1.5,
      Number.NaN,
      9007199254740992n,
      null,
      undefined,
    ];
    for (const value of bad) {
      // A NULL from SUM() over no rows, or a column whose type changed, must not read as 0.
      expect(() => centsFromInteger(value, 'ledger total')).toThrow(MoneyError);
    }
    expect(() => centsFromInteger('', 'ledger total')).toThrow(
      'ledger total: "" is not a whole number of cents',
    );
  });

  it('sums exactly and refuses a sum beyond ±2^53', () => {
    expect(sumCents([cents(1), cents(-3), cents(250)])).toBe(248);
    expect(sumCents([])).toBe(0);
    const big = cents(Number.MAX_SAFE_INTEGER);
    expect(() => sumCents([big, cents(1)])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }).map(cents)), (xs) => {
        expect(sumCents(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
