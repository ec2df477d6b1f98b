/**
 * SQL that checks and converts one input column from its trimmed text (spec §1). Each
 * column yields a typed value expression, a boolean that holds when the cell is fine, and a
 * problem expression (NULL when fine), so one scan of the file both converts and validates
 * every cell. Both checks come from the same list of failing conditions; the boolean is the
 * cheap one to scan millions of rows with, the problem text is built only for bad rows.
 *
 * The costly tests (a regular expression costs about 70 ns a cell, as much as reading it)
 * are named `tests`: the caller computes each once per row in a projection of its own, and
 * the value, the boolean and the problem read it by name. The boolean needs one shape test
 * per cell: every other failing condition is implied by it or cheap (see docs/benchmarks.md).
 */
import { SCORE_DECIMALS, SCORE_INTEGER_DIGITS, SCORE_PATTERN } from '../../domain/decimal.js';
import { NUL_MESSAGE } from '../../domain/text.js';
import type { Dialect } from '../sql/dialect.js';
import type { ColumnSpec } from './input-tables.js';

export interface ColumnSql {
  /**
   * The cell's trimmed text, to compute once per row under the name the caller gave
   * (`cell.name`); absent when the checks never need it for a fine cell.
   */
  readonly text?: string;
  /** Tests on the text, each to compute once per row after it, under its name. */
  readonly tests: readonly (readonly [name: string, sql: string])[];
  readonly value: string;
  readonly ok: string;
  readonly problem: string;
}

/** A cell as the checks see it: its trimmed text (SQL) and the name it is computed under. */
export interface CellText {
  readonly sql: string;
  readonly name: string;
  /** False when the source is known to hold no NUL, so the boolean need not search for one. */
  readonly nul?: boolean;
}

const DATE_SHAPE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const MONTH_SHAPE = '[0-9]{4}-(0[1-9]|1[0-2])';
const NUMBER_SHAPE = '-?[0-9]+(\\.[0-9]+)?';
const AMOUNT_SHAPE = '[0-9]{1,16}(\\.[0-9]{1,2})?';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** The month index (year × 12 + month − 1) of January 1900. */
const FIRST_MONTH_INDEX = FIRST_YEAR * 12;
/** Every month from 1900-01 to 2100-12 as a DuckDB ENUM, in order. */
const MONTH_LIST = `ENUM(${Array.from({ length: (LAST_YEAR - FIRST_YEAR + 1) * 12 }, (_, i) => {
  const month = String((i % 12) + 1).padStart(2, '0');
  return `'${FIRST_YEAR + Math.floor(i / 12)}-${month}'`;
}).join(', ')})`;

/** A typed source column (Parquet), which some checks can read without going through text. */
export interface TypedSource {
  readonly expr: string;
  readonly type: string;
}

const EXACT_MONEY_TYPE =
  /^(DECIMAL\(\d+,[0-2]\)|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;

/** A failing condition and the message that names it. */
type Failing = readonly [when: string, message: string];

export function columnSql(
  d: Dialect,
  spec: ColumnSpec,
  cell: CellText,
  source?: TypedSource,
): ColumnSql {
  if (spec.type === 'money' && source && EXACT_MONEY_TYPE.test(source.type.toUpperCase())) {
    return typedMoneySql(d, spec, cell.sql, source.expr);
  }
  const t = cell.name;
  const test = (suffix: string) => `${t}_${suffix}`;
  const shown = `'"' || left(${t}, 40) || '"'`;
  const nul = nulPair(d, t);
  const yearInRange = `${t} >= '1900' AND ${t} < '2101'`;
  /**
   * `fine` holds for a present cell exactly when none of `failing` does (checked by
   * test/column-checks.test.ts); the problem names the first failing condition, a NUL first
   * for every type so that no message echoes one.
   */
  const cases = (
    tests: ColumnSql['tests'],
    fine: string,
    failing: readonly Failing[],
    value: string,
  ): ColumnSql => ({
    text: cell.sql,
    tests,
    value,
    ok: `CASE WHEN ${t} IS NULL THEN ${spec.required ? 'FALSE' : 'TRUE'} ELSE ${fine} END`,
    problem: `CASE ${[
      `WHEN ${t} IS NULL THEN ${spec.required ? d.string(`is empty; ${expected(spec)}`) : 'NULL'}`,
      ...[nul, ...failing].map(([when, message]) => `WHEN ${when} THEN ${message}`),
    ].join(' ')} END`,
  });
  switch (spec.type) {
    case 'string':
      // Only text columns need the NUL search in the boolean: every other type's shape
      // refuses a NUL already (digits matched whole, or one of a few words).
      return cases([], cell.nul === false ? 'TRUE' : `NOT contains(${t}, chr(0))`, [], t);
    case 'date': {
      const [shape, day] = [test('shape'), test('day')];
      return cases(
        [
          [shape, d.matches(t, DATE_SHAPE)],
          [day, d.tryCast(t, 'DATE')],
        ],
        // With the shape matched, comparing the text compares its year.
        `${shape} AND ${day} IS NOT NULL AND ${yearInRange}`,
        [
          [`NOT ${shape}`, `'expected a date YYYY-MM-DD, got ' || ${shown}`],
          [`${day} IS NULL`, `${shown} || ' is not a real date'`],
          [
            `substr(${t}, 1, 4) NOT BETWEEN '1900' AND '2100'`,
            `${shown} || ' is outside 1900–2100'`,
          ],
        ],
        `CASE WHEN ${shape} THEN ${day} END`,
      );
    }
    case 'month': {
      // The position in the list of every month the spec accepts is the check and the
      // value at once, found by hashing: no regular expression, no text cut and parsed.
      const position = test('position');
      return cases(
        [[position, `enum_code(${d.tryCast(t, MONTH_LIST)})`]],
        `${position} IS NOT NULL`,
        [
          [`NOT ${d.matches(t, MONTH_SHAPE)}`, `'expected a month YYYY-MM, got ' || ${shown}`],
          [`${position} IS NULL`, `${shown} || ' is outside 1900–2100'`],
        ],
        `${d.cast(position, 'INTEGER')} + ${FIRST_MONTH_INDEX}`,
      );
    }
    case 'number': {
      // A score is a number, so matching it is the whole check.
      const score = test('score');
      return cases(
        [[score, d.matches(t, SCORE_PATTERN)]],
        score,
        [
          [
            `NOT ${d.matches(t, NUMBER_SHAPE)}`,
            `'expected a number like 12 or 3.5, got ' || ${shown}`,
          ],
          [
            `NOT ${score}`,
            `${shown} || ${d.string(` has more digits than Resulta compares exactly (${SCORE_INTEGER_DIGITS} before the point and ${SCORE_DECIMALS} after)`)}`,
          ],
        ],
        `CASE WHEN ${score} THEN CAST(${t} AS ${d.numberType}) END`,
      );
    }
    case 'money': {
      // An amount is a number without a sign, so matching it is the whole check.
      const amount = test('amount');
      return cases(
        [[amount, d.matches(t, AMOUNT_SHAPE)]],
        amount,
        [
          [
            `NOT ${d.matches(t, NUMBER_SHAPE)}`,
            `'expected an amount like 1200.50, got ' || ${shown}`,
          ],
          [`${t} LIKE '-%'`, `'earnings must not be negative, got ' || ${shown}`],
          [`NOT ${amount}`, `${shown} || ' has more than two decimals or is too large'`],
        ],
        `CASE WHEN ${amount} THEN CAST(CAST(${t} AS DECIMAL(18,2)) * 100 AS BIGINT) END`,
      );
    }
    case 'verified': {
      const word = test('word');
      return cases(
        [[word, `lower(${t})`]],
        `${word} IN ('true', 'false')`,
        [[`${word} NOT IN ('true', 'false')`, `'expected true, false or empty, got ' || ${shown}`]],
        `${word} = 'true'`,
      );
    }
    case 'source': {
      const known = `${t} IN ('provider', 'admin', 'verifier')`;
      return cases(
        [],
        known,
        [[`NOT ${known}`, `'expected provider, admin, verifier or empty, got ' || ${shown}`]],
        t,
      );
    }
  }
}

/**
 * Earnings stored as an exact number with at most two decimals need no text round trip:
 * the same checks and the same cents, read straight from the number (the national-scale
 * fast path; see docs/benchmarks.md). Its text is only for messages, so it is computed
 * inline for bad rows alone.
 */
function typedMoneySql(d: Dialect, spec: ColumnSpec, t: string, column: string): ColumnSql {
  return {
    tests: [],
    value: `CAST(${column} * 100 AS BIGINT)`,
    ok: `COALESCE(${column} >= 0 AND ${column} < 1e16, FALSE)`,
    problem: `CASE WHEN ${column} IS NULL THEN ${d.string(`is empty; ${expected(spec)}`)} WHEN ${column} < 0 THEN 'earnings must not be negative, got "' || ${t} || '"' WHEN ${column} >= 1e16 THEN ${t} || ' is too large' END`,
  };
}

/**
 * A cell holding NUL, which no table in the store can hold (src/domain/text.ts), and the
 * message naming its position (1-based characters, as DuckDB's strpos counts).
 */
function nulPair(d: Dialect, t: string): Failing {
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
