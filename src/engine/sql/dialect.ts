/**
 * Everything engine SQL is built from, in one place, so the compilers never assemble SQL
 * keywords by hand:
 *
 * - `Dialect`: what differs between SQL engines (quoting, literals, types, date arithmetic,
 *   text matching, copies to files). The compilers only call these semantic helpers, so
 *   moving the compiled SQL to Trino or Spark SQL means another object with the same
 *   methods, not edits across the compiler.
 * - Standard SQL builders (`caseWhen`, `inList`, `allOf`, `select`, `unionAll`, …), the same
 *   in every dialect. Each one refuses, or has a defined answer for, the input that would
 *   otherwise make a malformed statement: `caseWhen` with no branches is its `otherwise`,
 *   `inList` with no values is FALSE, `allOf` with no conditions is TRUE, `unionAll` of no
 *   query is the given empty relation, and a SELECT needs at least one column.
 *
 * Values reach SQL only through the literal helpers (`string`, `date`, `decimal`,
 * `integer`) and names through `ident`; each checks what it is given.
 */
import {
  type Decimal,
  fitsScore,
  SCORE_DECIMALS,
  SCORE_INTEGER_DIGITS,
} from '../../domain/decimal.js';
import { type LocalDate, MAX_YEAR, MIN_YEAR, toDayNumber } from '../../domain/local-date.js';

export interface Dialect {
  /** A quoted identifier: any text is a valid name. */
  ident(name: string): string;
  /** A string literal: any text is a valid value. */
  string(value: string): string;
  /** A DATE literal; throws for text that is not shaped YYYY-MM-DD. */
  date(value: LocalDate): string;
  /** An exact decimal literal of the score/number type; throws when it does not fit it. */
  decimal(value: Decimal): string;
  /** An exact integer literal; throws for a non-integer or unsafe number. */
  integer(value: number | bigint): string;
  /** The exact numeric type for event values, scores and numeric attributes. */
  readonly numberType: string;
  /** The text type. */
  readonly textType: string;
  cast(expr: string, type: string): string;
  /** The expression as text; a DATE reads as YYYY-MM-DD. */
  asText(expr: string): string;
  /** Integer month index (year × 12 + month − 1) of a DATE expression. */
  monthIndex(dateExpr: string): string;
  /** The DATE of the last day of a month index expression. */
  monthEnd(monthExpr: string): string;
  /**
   * A DATE expression plus a whole number of days ≥ 0. Every day the engine sees is in
   * MIN_YEAR–MAX_YEAR (inputs are checked), so a longer span is cut to one that still
   * reaches past every such day: the result compares the same, and never overflows.
   */
  addDays(dateExpr: string, days: number): string;
  /** Days from 1970-01-01 to a DATE expression, as an integer. */
  dayNumber(dateExpr: string): string;
  /** Whole years from one DATE to a later one; a 29 February start falls on 1 March. */
  wholeYears(fromExpr: string, toExpr: string): string;
  /** True when the whole text matches the regular expression. */
  matches(textExpr: string, pattern: string): string;
  /**
   * True when the text is a number (spec §1) between lo and hi inclusive, compared exactly
   * whatever its length; false (never NULL) for anything else.
   */
  numberTextBetween(textExpr: string, lo: Decimal, hi: Decimal): string;
  tryCast(expr: string, type: string): string;
  /** The text without surrounding spaces. */
  trimSpaces(textExpr: string): string;
  /** A statement that (re)creates a table, its name quoted, from a query. */
  createTable(name: string, query: string): string;
  /** A statement that writes a query's rows to a CSV file as spec §4 asks. */
  copyToCsv(query: string, path: string): string;
}

// ---------------------------------------------------------------------------------------
// Standard SQL, the same in every dialect.

/** One `WHEN … THEN …` of a CASE expression. */
export interface Branch {
  readonly when: string;
  readonly value: string;
}

/**
 * `CASE WHEN … THEN … ELSE otherwise END`; with no branches, just `otherwise` (so give it as
 * a single term: a literal, a column, a CAST or a call, never `a + b`).
 */
export function caseWhen(branches: readonly Branch[], otherwise: string): string {
  if (branches.length === 0) return otherwise;
  return `CASE ${branches.map((b) => `WHEN ${b.when} THEN ${b.value}`).join(' ')} ELSE ${otherwise} END`;
}

/** The value at an integer index expression: `values[index]`, else `otherwise`. */
export function pickByIndex(index: string, values: readonly string[], otherwise: string): string {
  return caseWhen(
    values.map((value, i) => ({ when: `${index} = ${i}`, value })),
    otherwise,
  );
}

/** A condition that is TRUE or FALSE, never NULL: NULL (unknown) counts as FALSE. */
export function holds(condition: string): string {
  return `COALESCE(${condition}, FALSE)`;
}

/** `expr IN (…)`; FALSE for an empty list. */
export function inList(expr: string, literals: readonly string[]): string {
  return literals.length === 0 ? 'FALSE' : `${expr} IN (${literals.join(', ')})`;
}

/**
 * The conjunction of conditions; TRUE for none. Each condition must bind at least as tight
 * as AND (a comparison, a function call, a CASE or anything parenthesised).
 */
export function allOf(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'TRUE' : conditions.join(' AND ');
}

/** The disjunction of conditions, parenthesised; FALSE for none. */
export function anyOf(conditions: readonly string[]): string {
  if (conditions.length === 0) return 'FALSE';
  return conditions.length === 1 ? (conditions[0] as string) : `(${conditions.join(' OR ')})`;
}

/** The negation of a condition, parenthesised so it binds to the whole of it. */
export function not(condition: string): string {
  return `NOT (${condition})`;
}

/** `expr BETWEEN lo AND hi` (inclusive). */
export function between(expr: string, lo: string, hi: string): string {
  return `${expr} BETWEEN ${lo} AND ${hi}`;
}

/** The first value that is not NULL. */
export function coalesce(...values: string[]): string {
  if (values.length === 0) throw new Error('COALESCE needs a value');
  return values.length === 1 ? (values[0] as string) : `COALESCE(${values.join(', ')})`;
}

/** A relation with the given columns (`[typed expression, name]`) and no rows. */
export function emptyRelation(columns: readonly (readonly [string, string])[]): string {
  if (columns.length === 0) throw new Error('a relation needs a column');
  return `SELECT ${columns.map(([expr, name]) => `${expr} AS ${name}`).join(', ')} WHERE FALSE`;
}

/** The sum of integer terms; 0 for none. */
export function sumOf(terms: readonly string[]): string {
  return terms.length === 0 ? '0' : terms.join(' + ');
}

export interface Join {
  readonly left?: boolean;
  /** A table with its alias, or `subquery(…)`. */
  readonly to: string;
  readonly on: readonly string[];
}

export interface SelectParts {
  readonly with?: readonly { readonly name: string; readonly query: string }[];
  readonly columns: readonly string[];
  readonly from: string;
  readonly joins?: readonly Join[];
  readonly where?: readonly string[];
  readonly groupBy?: readonly string[];
  readonly having?: readonly string[];
  readonly orderBy?: readonly string[];
}

/**
 * A SELECT, one clause a line (so golden SQL reads and diffs well); empty optional clauses
 * are left out, and it needs at least one column.
 */
export function select(q: SelectParts): string {
  if (q.columns.length === 0) throw new Error('a SELECT needs at least one column');
  const lines: string[] = [];
  if (q.with && q.with.length > 0)
    lines.push(`WITH ${q.with.map((c) => `${c.name} AS (${nested(c.query)})`).join(', ')}`);
  lines.push(`SELECT ${q.columns.join(', ')}`, `FROM ${q.from}`);
  for (const j of q.joins ?? [])
    lines.push(`${j.left ? 'LEFT JOIN' : 'JOIN'} ${j.to} ON ${allOf(j.on)}`);
  if (q.where && q.where.length > 0) lines.push(`WHERE ${allOf(q.where)}`);
  if (q.groupBy && q.groupBy.length > 0) lines.push(`GROUP BY ${q.groupBy.join(', ')}`);
  if (q.having && q.having.length > 0) lines.push(`HAVING ${allOf(q.having)}`);
  if (q.orderBy && q.orderBy.length > 0) lines.push(`ORDER BY ${q.orderBy.join(', ')}`);
  return lines.join('\n');
}

/** A query used as a relation: `(query) alias`. */
export function subquery(query: string, alias: string): string {
  return `(${nested(query)}) ${alias}`;
}

/** A query inside another, its lines indented one step more. */
const nested = (query: string) => query.replaceAll('\n', '\n  ');

/** The rows of every query; `empty` (a query with the same columns and no rows) for none. */
export function unionAll(queries: readonly string[], empty: string): string {
  if (queries.length === 0) return empty;
  if (queries.length === 1) return queries[0] as string;
  return queries.map((q) => `(${nested(q)})`).join('\nUNION ALL\n');
}

export interface Window {
  readonly partitionBy?: readonly string[];
  readonly orderBy?: readonly string[];
  /** Only the rows up to the current one, in order (a running total). */
  readonly upToCurrentRow?: boolean;
}

/** A window function call: `call OVER (PARTITION BY … ORDER BY … ROWS …)`. */
export function over(call: string, w: Window): string {
  const parts: string[] = [];
  if (w.partitionBy && w.partitionBy.length > 0)
    parts.push(`PARTITION BY ${w.partitionBy.join(', ')}`);
  if (w.orderBy && w.orderBy.length > 0) parts.push(`ORDER BY ${w.orderBy.join(', ')}`);
  if (w.upToCurrentRow) {
    if (!w.orderBy || w.orderBy.length === 0) throw new Error('a running window needs an order');
    parts.push('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
  }
  return `${call} OVER (${parts.join(' ')})`;
}

/** `row_number()` over an order (within partitions), counted from 1. */
export function rowNumber(orderBy: readonly string[], partitionBy: readonly string[] = []): string {
  if (orderBy.length === 0) throw new Error('row numbers need an order');
  return over('row_number()', { partitionBy, orderBy });
}

/** The larger of two or more values. */
export function greatest(...values: string[]): string {
  if (values.length === 0) throw new Error('GREATEST needs a value');
  return values.length === 1 ? (values[0] as string) : `GREATEST(${values.join(', ')})`;
}

/** The smaller of two or more values. */
export function least(...values: string[]): string {
  if (values.length === 0) throw new Error('LEAST needs a value');
  return values.length === 1 ? (values[0] as string) : `LEAST(${values.join(', ')})`;
}

/** `row_number()` over an order, counted from 0. */
export function rowIndex(orderBy: readonly string[]): string {
  return `${rowNumber(orderBy)} - 1`;
}

// ---------------------------------------------------------------------------------------
// DuckDB.

const NUMBER_TYPE = `DECIMAL(${SCORE_INTEGER_DIGITS + SCORE_DECIMALS},${SCORE_DECIMALS})`;

/** Days from the first to the last day any input may carry: a longer span reaches past all. */
const DATE_SPAN_DAYS =
  toDayNumber(`${MAX_YEAR}-12-31` as LocalDate) - toDayNumber(`${MIN_YEAR}-01-01` as LocalDate);

const checkedInteger = (value: number | bigint): string => {
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    throw new Error(`not a safe integer for SQL: ${value}`);
  return String(value);
};

const quoteString = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** DuckDB text of a number with its leading zeros dropped (`-007.5` → `-7.5`). */
const withoutLeadingZeros = (t: string) => `regexp_replace(${t}, '^(-?)0*([0-9])', '\\1\\2')`;

export const duckdb: Dialect = {
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  string: quoteString,
  // Shape only: interval ends may fall just outside the input years (the day before an
  // amendment effective on 1900-01-01), and are still real days.
  date: (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not a day for SQL: ${value}`);
    return `DATE '${value}'`;
  },
  decimal: (value) => {
    if (!fitsScore(value)) throw new Error(`${value.text} does not fit ${NUMBER_TYPE}`);
    return `CAST(${quoteString(value.text)} AS ${NUMBER_TYPE})`;
  },
  integer: checkedInteger,
  numberType: NUMBER_TYPE,
  textType: 'VARCHAR',
  cast: (expr, type) => `CAST(${expr} AS ${type})`,
  asText: (expr) => `CAST(${expr} AS VARCHAR)`,
  monthIndex: (d) => `(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}) - 1)`,
  monthEnd: (m) =>
    `last_day(make_date(CAST((${m}) // 12 AS BIGINT), CAST((${m}) % 12 + 1 AS BIGINT), 1))`,
  addDays: (d, days) => {
    if (!Number.isInteger(days) || days < 0) throw new Error(`not a day count: ${days}`);
    return `CAST(${d} + INTERVAL ${Math.min(days, DATE_SPAN_DAYS + 1)} DAY AS DATE)`;
  },
  dayNumber: (d) => `CAST(${d} - DATE '1970-01-01' AS INTEGER)`,
  wholeYears: (from, to) => {
    // (month, day) pairs compare so that 29 February is passed only on 1 March.
    const md = (c: string) => `(EXTRACT(MONTH FROM ${c}) * 100 + EXTRACT(DAY FROM ${c}))`;
    const beforeAnniversary = caseWhen([{ when: `${md(to)} < ${md(from)}`, value: '1' }], '0');
    return `CAST(EXTRACT(YEAR FROM ${to}) - EXTRACT(YEAR FROM ${from}) - ${beforeAnniversary} AS INTEGER)`;
  },
  matches: (t, pattern) => `regexp_full_match(${t}, ${quoteString(pattern)})`,
  numberTextBetween: (t, lo, hi) => {
    // A number with at most SCORE_INTEGER_DIGITS digits before the point (leading zeros
    // aside) is cut after SCORE_DECIMALS decimals: that fits the exact type. The bounds
    // have at most as many digits, so a cut-off rest that is not zero puts the number
    // strictly between two neighbours on the bounds' grid, and it is in range exactly
    // when both are. A longer integer part is beyond every bound.
    const n = withoutLeadingZeros(t);
    const inRange = (x: string) => `${x} BETWEEN ${duckdb.decimal(lo)} AND ${duckdb.decimal(hi)}`;
    const cut = `CAST(regexp_extract(${n}, '^-?[0-9]+(\\.[0-9]{1,${SCORE_DECIMALS}})?', 0) AS ${NUMBER_TYPE})`;
    const step = `CAST('${(1 / 10 ** SCORE_DECIMALS).toFixed(SCORE_DECIMALS)}' AS ${NUMBER_TYPE})`;
    const rest = duckdb.matches(n, `-?[0-9]+\\.[0-9]{${SCORE_DECIMALS}}0*[1-9][0-9]*`);
    const neighbour = `${cut} + ${caseWhen([{ when: `${n} LIKE '-%'`, value: `-${step}` }], step)}`;
    const fits = duckdb.matches(n, `-?[0-9]{1,${SCORE_INTEGER_DIGITS}}(\\.[0-9]+)?`);
    // NULL text matches nothing, so the CASE gives FALSE, never NULL.
    return caseWhen(
      [{ when: fits, value: `${inRange(cut)} AND (NOT ${rest} OR ${inRange(`(${neighbour})`)})` }],
      'FALSE',
    );
  },
  tryCast: (expr, type) => `TRY_CAST(${expr} AS ${type})`,
  // trim() costs ~170 ns a string in DuckDB; most cells have no surrounding space, and two
  // LIKE tests find them ten times faster.
  trimSpaces: (t) =>
    caseWhen([{ when: `${t} LIKE ' %' OR ${t} LIKE '% '`, value: `trim(${t})` }], t),
  createTable: (name, query) => `CREATE OR REPLACE TABLE ${duckdb.ident(name)} AS\n${query}`,
  copyToCsv: (query, path) =>
    `COPY (\n${query}\n) TO ${quoteString(path)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', NEW_LINE '\\n')`,
};
