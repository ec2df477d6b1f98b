/**
 * SQL that checks and converts one input column from its trimmed text (spec §1). Each
 * column yields a typed value expression, a boolean that holds when the cell is fine, and a
 * problem expression (NULL when fine), so one scan of the file both converts and validates
 * every cell. Both checks come from the same list of failing conditions; the boolean is the
 * cheap one to scan millions of rows with, the problem text is built only for bad rows.
 */
import { SCORE_DECIMALS, SCORE_INTEGER_DIGITS, SCORE_PATTERN } from '../../domain/decimal.js';
import { NUL_MESSAGE } from '../../domain/text.js';
import type { Dialect } from '../sql/dialect.js';
import type { ColumnSpec } from './input-tables.js';

export interface ColumnSql {
  readonly value: string;
  readonly ok: string;
  readonly problem: string;
}

const DATE_SHAPE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const MONTH_SHAPE = '[0-9]{4}-(0[1-9]|1[0-2])';
const NUMBER_SHAPE = '-?[0-9]+(\\.[0-9]+)?';
const AMOUNT_SHAPE = '[0-9]{1,16}(\\.[0-9]{1,2})?';

/** A typed source column (Parquet), which some checks can read without going through text. */
export interface TypedSource {
  readonly expr: string;
  readonly type: string;
}

const EXACT_MONEY_TYPE =
  /^(DECIMAL\(\d+,[0-2]\)|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;

export function columnSql(
  d: Dialect,
  spec: ColumnSpec,
  t: string,
  source?: TypedSource,
): ColumnSql {
  if (spec.type === 'money' && source && EXACT_MONEY_TYPE.test(source.type.toUpperCase())) {
    return typedMoneySql(d, spec, t, source.expr);
  }
  const shown = `'"' || left(${t}, 40) || '"'`;
  const nul = nulPair(d, t);
  const cases = (pairs: [string, string][], value: string): ColumnSql => {
    // A NUL is named first for every type, so no message echoes one. Only text columns need
    // the search in the fast boolean: every other type's checks refuse a NUL already (a
    // digit shape matched whole, or one of a few words).
    const okPairs = spec.type === 'string' ? [nul, ...pairs] : pairs;
    return {
      value,
      ok: `CASE WHEN ${t} IS NULL THEN ${spec.required ? 'FALSE' : 'TRUE'} ELSE ${
        okPairs.length === 0 ? 'TRUE' : `NOT (${okPairs.map(([when]) => when).join(' OR ')})`
      } END`,
      problem: `CASE ${[
        `WHEN ${t} IS NULL THEN ${spec.required ? d.string(`is empty; ${expected(spec)}`) : 'NULL'}`,
        ...[nul, ...pairs].map(([when, message]) => `WHEN ${when} THEN ${message}`),
      ].join(' ')} END`,
    };
  };
  switch (spec.type) {
    case 'string':
      return cases([], t);
    case 'date': {
      const shape = d.matches(t, DATE_SHAPE);
      const real = `${d.tryCast(t, 'DATE')} IS NOT NULL`;
      return cases(
        [
          [`NOT ${shape}`, `'expected a date YYYY-MM-DD, got ' || ${shown}`],
          [`NOT ${real}`, `${shown} || ' is not a real date'`],
          [
            `substr(${t}, 1, 4) NOT BETWEEN '1900' AND '2100'`,
            `${shown} || ' is outside 1900–2100'`,
          ],
        ],
        `CASE WHEN ${shape} THEN ${d.tryCast(t, 'DATE')} END`,
      );
    }
    case 'month':
      return cases(
        [
          [`NOT ${d.matches(t, MONTH_SHAPE)}`, `'expected a month YYYY-MM, got ' || ${shown}`],
          [
            `substr(${t}, 1, 4) NOT BETWEEN '1900' AND '2100'`,
            `${shown} || ' is outside 1900–2100'`,
          ],
        ],
        `CASE WHEN ${d.matches(t, MONTH_SHAPE)} THEN CAST(substr(${t}, 1, 4) AS INTEGER) * 12 + CAST(substr(${t}, 6, 2) AS INTEGER) - 1 END`,
      );
    case 'number':
      return cases(
        [
          [
            `NOT ${d.matches(t, NUMBER_SHAPE)}`,
            `'expected a number like 12 or 3.5, got ' || ${shown}`,
          ],
          [
            `NOT ${d.matches(t, SCORE_PATTERN)}`,
            `${shown} || ${d.string(` has more digits than Resulta compares exactly (${SCORE_INTEGER_DIGITS} before the point and ${SCORE_DECIMALS} after)`)}`,
          ],
        ],
        `CASE WHEN ${d.matches(t, SCORE_PATTERN)} THEN CAST(${t} AS ${d.numberType}) END`,
      );
    case 'money':
      return cases(
        [
          [
            `NOT ${d.matches(t, NUMBER_SHAPE)}`,
            `'expected an amount like 1200.50, got ' || ${shown}`,
          ],
          [`${t} LIKE '-%'`, `'earnings must not be negative, got ' || ${shown}`],
          [
            `NOT ${d.matches(t, AMOUNT_SHAPE)}`,
            `${shown} || ' has more than two decimals or is too large'`,
          ],
        ],
        `CASE WHEN ${d.matches(t, AMOUNT_SHAPE)} THEN CAST(CAST(${t} AS DECIMAL(18,2)) * 100 AS BIGINT) END`,
      );
    case 'verified':
      return cases(
        [
          [
            `lower(${t}) NOT IN ('true', 'false')`,
            `'expected true, false or empty, got ' || ${shown}`,
          ],
        ],
        `lower(${t}) = 'true'`,
      );
    case 'source':
      return cases(
        [
          [
            `${t} NOT IN ('provider', 'admin', 'verifier')`,
            `'expected provider, admin, verifier or empty, got ' || ${shown}`,
          ],
        ],
        t,
      );
  }
}

/**
 * Earnings stored as an exact number with at most two decimals need no text round trip:
 * the same checks and the same cents, read straight from the number (the national-scale
 * fast path; see docs/benchmarks.md).
 */
function typedMoneySql(d: Dialect, spec: ColumnSpec, t: string, column: string): ColumnSql {
  return {
    value: `CAST(${column} * 100 AS BIGINT)`,
    ok: `COALESCE(${column} >= 0 AND ${column} < 1e16, FALSE)`,
    problem: `CASE WHEN ${column} IS NULL THEN ${d.string(`is empty; ${expected(spec)}`)} WHEN ${column} < 0 THEN 'earnings must not be negative, got "' || ${t} || '"' WHEN ${column} >= 1e16 THEN ${t} || ' is too large' END`,
  };
}

/**
 * A cell holding NUL, which no table in the store can hold (src/domain/text.ts), and the
 * message naming its position (1-based characters, as DuckDB's strpos counts).
 */
function nulPair(d: Dialect, t: string): [string, string] {
  const at = `strpos(${t}, chr(0))`;
  return [
    `${at} > 0`,
    `${d.string(NUL_MESSAGE.before)} || ${at} || ${d.string(NUL_MESSAGE.after)}`,
  ];
}

function expected(spec: ColumnSpec): string {
  switch (spec.type) {
    case 'date':
      return 'expected a date YYYY-MM-DD';
    case 'month':
      return 'expected a month YYYY-MM';
    case 'money':
      return 'expected an amount like 1200.50';
    default:
      return 'expected a value';
  }
}
