/**
 * Compiles attribute conditions to SQL over the participants table (spec §2, Conditions).
 * A missing attribute (empty cell, or a column the file lacks) fails every condition.
 */
import type { Condition } from '../../domain/contract/contract.js';
import { AGE_AT_ENROLMENT } from '../../domain/contract/contract.js';
import { SCORE_PATTERN } from '../../domain/decimal.js';
import type { Dialect } from './dialect.js';

/** The attribute columns participants.csv has; a condition on any other is missing for all. */
export interface AttributeColumns {
  has(name: string): boolean;
}

/**
 * Compiles one condition. For `between`, a number cell compares exactly when it fits the
 * SQL number type; a cell with more digits fails rather than being rounded.
 */
export function compileCondition(d: Dialect, c: Condition, columns: AttributeColumns): string {
  if (c.attribute !== AGE_AT_ENROLMENT && !columns.has(c.attribute)) return 'FALSE';
  // Every attribute compares as its text; the typed columns (dates) read as YYYY-MM-DD.
  const column = c.attribute === AGE_AT_ENROLMENT ? 'p.__age' : `p.${d.ident(c.attribute)}`;
  const text = `CAST(${column} AS VARCHAR)`;
  switch (c.op) {
    case 'in':
      return `COALESCE(${text} IN (${c.values.map((v) => d.string(v)).join(', ')}), FALSE)`;
    case 'equals':
      return `COALESCE(${text} = ${d.string(c.value)}, FALSE)`;
    case 'between': {
      const value = `CAST(${text} AS ${d.numberType})`;
      const comparable = d.matches(text, SCORE_PATTERN);
      const inRange = `${value} BETWEEN ${d.decimal(c.lo)} AND ${d.decimal(c.hi)}`;
      return `COALESCE(CASE WHEN ${comparable} THEN ${inRange} ELSE FALSE END, FALSE)`;
    }
  }
}
