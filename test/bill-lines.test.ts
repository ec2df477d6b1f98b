/**
 * Bill lines (src/domain/bill-lines.ts): on random ledgers the lines are payable − paid and
 * add up to the total; a difference that breaks an invariant is refused with an
 * InvariantError, never turned into a line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertBillAddsUp, billLines, type LedgerDifference } from '../src/domain/bill-lines.js';
import { InvariantError } from '../src/domain/invariant.js';
import { cents } from '../src/domain/money.js';

const difference = (
  participantId: string,
  outcomeId: string,
  cumulative: number,
  previouslyPaid: number,
): LedgerDifference => ({
  participantId,
  outcomeId,
  cumulative: cents(cumulative),
  previouslyPaid: cents(previouslyPaid),
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof InvariantError) return e.code;
    throw e;
  }
  return 'nothing thrown';
}

describe('bill lines', () => {
  it('bills payable minus paid, negative for a reversal, and totals the lines', () => {
    const drafted = billLines([
      difference('P01', 'job', 50000, 20000),
      difference('P01', 'training', 0, 20000),
      difference('P02', 'job', 80000, 0),
    ]);
    expect(drafted.lines.map((l) => l.amount)).toEqual([30000, -20000, 80000]);
    expect(drafted.total).toBe(90000);
    expect(billLines([]).total).toBe(0);
  });

  it('adds up on random ledgers (property)', () => {
    const row = fc.record({
      participant: fc.integer({ min: 0, max: 30 }),
      outcome: fc.constantFrom('a', 'b', 'c'),
      cumulative: fc.integer({ min: 0, max: 10_000_000 }),
      paid: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => `${r.participant}/${r.outcome}` }),
        (rows) => {
          const differences = rows
            .filter((r) => r.cumulative !== r.paid)
            .map((r) => difference(`P${r.participant}`, r.outcome, r.cumulative, r.paid));
          const drafted = billLines(differences);
          let total = 0;
          for (const [i, line] of drafted.lines.entries()) {
            const d = differences[i] as LedgerDifference;
            expect(line.amount).toBe(d.cumulative - d.previouslyPaid);
            total += line.amount;
          }
          expect(drafted.total).toBe(total);
          expect(() =>
            assertBillAddsUp('1', drafted, { total: drafted.total, lines: drafted.lines.length }),
          ).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      'the same participant-outcome twice',
      [difference('P01', 'job', 100, 0), difference('P01', 'job', 200, 0)],
      'bill.duplicate_line',
    ],
    ['a negative payable amount', [difference('P01', 'job', -100, 0)], 'bill.negative_payable'],
    ['a negative amount paid', [difference('P01', 'job', 100, -5)], 'bill.negative_paid'],
    ['a line of nothing', [difference('P01', 'job', 100, 100)], 'bill.empty_line'],
  ])('refuses %s', (_, differences, code) => {
    expect(codeOf(() => billLines(differences))).toBe(code);
  });

  it('detects stored lines that do not add up to the drafted bill', () => {
    const drafted = billLines([difference('P01', 'job', 500, 0), difference('P02', 'job', 0, 200)]);
    expect(codeOf(() => assertBillAddsUp('9', drafted, { total: cents(301), lines: 2 }))).toBe(
      'bill.total',
    );
    expect(() => assertBillAddsUp('9', drafted, { total: cents(300), lines: 2 })).not.toThrow();
    expect(() => assertBillAddsUp('9', drafted, { total: cents(300), lines: 1 })).toThrow(
      'bill 9: 2 lines totalling 3.00 were drafted, the store holds 1 totalling 3.00',
    );
  });
});
