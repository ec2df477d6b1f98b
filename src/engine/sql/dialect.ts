/**
 * Everything engine SQL needs that differs between SQL engines, in one place. The rule
 * compiler only calls these semantic helpers, so moving the compiled SQL to Trino or Spark
 * SQL means another object with the same methods, not edits across the compiler.
 */
import { type Decimal, SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../../domain/decimal.js';
import type { LocalDate } from '../../domain/local-date.js';

export interface Dialect {
  ident(name: string): string;
  string(value: string): string;
  date(value: LocalDate): string;
  /** An exact decimal literal of the score/number type. */
  decimal(value: Decimal): string;
  /** The exact numeric type for event values, scores and numeric attributes. */
  readonly numberType: string;
  /** Integer month index (year × 12 + month − 1) of a DATE expression. */
  monthIndex(dateExpr: string): string;
  /** The DATE of the last day of a month index expression. */
  monthEnd(monthExpr: string): string;
  addDays(dateExpr: string, days: number): string;
  /** Days from 1970-01-01 to a DATE expression, as an integer. */
  dayNumber(dateExpr: string): string;
  /** True when the whole text matches the regular expression. */
  matches(textExpr: string, pattern: string): string;
  tryCast(expr: string, type: string): string;
  /** The text without surrounding spaces. */
  trimSpaces(textExpr: string): string;
}

const NUMBER_TYPE = `DECIMAL(${SCORE_INTEGER_DIGITS + SCORE_DECIMALS},${SCORE_DECIMALS})`;

export const duckdb: Dialect = {
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  string: (value) => `'${value.replaceAll("'", "''")}'`,
  date: (value) => `DATE '${value}'`,
  decimal: (value) => `CAST('${value.text}' AS ${NUMBER_TYPE})`,
  numberType: NUMBER_TYPE,
  monthIndex: (d) => `(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1)`,
  monthEnd: (m) =>
    `last_day(make_date(CAST((${m}) // 12 AS BIGINT), CAST((${m}) % 12 + 1 AS BIGINT), 1))`,
  addDays: (d, days) => `CAST(${d} + INTERVAL ${Math.trunc(days)} DAY AS DATE)`,
  dayNumber: (d) => `CAST(${d} - DATE '1970-01-01' AS INTEGER)`,
  matches: (t, pattern) => `regexp_full_match(${t}, ${duckdb.string(pattern)})`,
  tryCast: (expr, type) => `TRY_CAST(${expr} AS ${type})`,
  // trim() costs ~170 ns a string in DuckDB; most cells have no surrounding space, and two
  // LIKE tests find them ten times faster.
  trimSpaces: (t) => `CASE WHEN ${t} LIKE ' %' OR ${t} LIKE '% ' THEN trim(${t}) ELSE ${t} END`,
};
