/**
 * Compiles attribute conditions to SQL over the participants table (spec §2, Conditions).
 * A missing attribute (empty cell, or a column the file lacks) fails every condition.
 */
import type { Condition } from '../../domain/contract/contract.js';
import { AGE_AT_ENROLMENT } from '../../domain/contract/contract.js';
import { between, type Dialect, holds, inList } from './dialect.js';

/** The attribute columns participants.csv has; a condition on any other is missing for all. */
export interface AttributeColumns {
  has(name: string): boolean;
}

/** The computed age at enrolment in the participants relation `p` (an INTEGER, or NULL). */
export const AGE_COLUMN = 'p.__age';

/**
 * Compiles one condition to a predicate that is TRUE or FALSE, never NULL. Every attribute
 * compares as its text (typed columns such as dates read as YYYY-MM-DD); `between` compares
 * a number cell exactly, whatever its number of digits.
 */
export function compileCondition(d: Dialect, c: Condition, columns: AttributeColumns): string {
  const isAge = c.attribute === AGE_AT_ENROLMENT;
  if (!isAge && !columns.has(c.attribute)) return 'FALSE';
  const column = isAge ? AGE_COLUMN : `p.${d.ident(c.attribute)}`;
  const text = d.asText(column);
  switch (c.op) {
    case 'in':
      return holds(
        inList(
          text,
          c.values.map((v) => d.string(v)),
        ),
      );
    case 'equals':
      return holds(`${text} = ${d.string(c.value)}`);
    case 'between':
      // The age is a whole number already; any other cell is text that may be a number.
      return isAge
        ? holds(between(column, d.decimal(c.lo), d.decimal(c.hi)))
        : d.numberTextBetween(text, c.lo, c.hi);
  }
}
