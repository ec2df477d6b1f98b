/**
 * Conditions on participant attributes (spec §2, Conditions), evaluated in memory. The
 * engine compiles the same conditions to SQL; this module serves `explain` and the tests.
 */
import type { Condition } from './contract/contract.js';
import { compareDecimals, parseDecimal } from './decimal.js';

/** A participant's attributes: cell text, or undefined when empty or absent. */
export type Attributes = Readonly<Record<string, string | undefined>>;

export function conditionHolds(condition: Condition, attributes: Attributes): boolean {
  const cell = attributes[condition.attribute];
  if (cell === undefined || cell === '') return false;
  switch (condition.op) {
    case 'in':
      return condition.values.includes(cell);
    case 'equals':
      return condition.value === cell;
    case 'between': {
      const x = parseDecimal(cell);
      return (
        x !== null && compareDecimals(x, condition.lo) >= 0 && compareDecimals(x, condition.hi) <= 0
      );
    }
  }
}
