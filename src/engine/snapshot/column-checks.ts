/**
 * SQL that checks and converts one input column from its trimmed text (spec §1). Each
 * column yields a typed value expression, a boolean that holds when the cell is fine, and a
 * problem expression (NULL when fine), so one scan of the file both converts and validates
 * every cell. Both checks come from the same list of failing conditions; the boolean is the
 * cheap one to scan millions of rows with, the problem is built only for bad rows.
 *
 * A problem is a catalogue code and the cell's text (`{code, value}`), never English: the
 * message is made from the code in the reader's language (cell-problems.ts), and bad rows
 * can be grouped by code and by the shape of their cells.
 *
 * The costly tests (a regular expression costs about 70 ns a cell, as much as reading it)
 * are named `tests`: the caller computes each once per row in a projection of its own, and
 * the value, the boolean and the problem read it by name. The boolean needs one shape test
 * per cell: every other failing condition is implied by it or cheap (see docs/benchmarks.md).
 */
import { SCORE_PATTERN } from '../../domain/decimal.js';
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
  /** A STRUCT(code VARCHAR, value VARCHAR) naming the first fault, NULL when the cell is fine. */
  readonly problem: string;
}

/** A cell as the checks see it: its trimmed text (SQL) and the name it is computed under. */
export interface CellText {
  readonly sql: string;
  readonly name: string;
  /** False when the source is known to hold no NUL, so the boolean need not search for one. */
  readonly nul?: boolean;
  /**
   * Numbers (amounts, scores) are written with a decimal comma (`1234,50`): the checks read
   * the text with its `,` and `.` swapped, so a cell written with a decimal point, or with a
   * thousands separator, fails them rather than being misread.
   */
  readonly decimalComma?: boolean;
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

/** A failing condition, the catalogue code that names it and the text it shows. */
type Failing = readonly [when: string, code: string, value: string];

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
  const shown = `left(${t}, 40)`;
  // A number read with its marks swapped is shown as it was written.
  const comma = cell.decimalComma === true && (spec.type === 'number' || spec.type === 'money');
  const written = comma ? swapMarks(shown) : shown;
  const nul = nulFault(t);
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
    text: comma ? swapMarks(cell.sql) : cell.sql,
    tests,
    value,
    ok: `CASE WHEN ${t} IS NULL THEN ${spec.required ? 'FALSE' : 'TRUE'} ELSE ${fine} END`,
    problem: `CASE ${[
      `WHEN ${t} IS NULL THEN ${spec.required ? fault(d, emptyCode(spec), 'NULL') : 'NULL'}`,
      ...[nul, ...failing].map(
        ([when, code, shows]) => `WHEN ${when} THEN ${fault(d, code, shows)}`,
      ),
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
          [`NOT ${shape}`, 'input.cell.not_a_date', shown],
          [`${day} IS NULL`, 'input.cell.impossible_date', shown],
          [
            `substr(${t}, 1, 4) NOT BETWEEN '1900' AND '2100'`,
            'input.cell.date_out_of_range',
            shown,
          ],
        ],
        `CASE WHEN ${shape} THEN ${day} END`,
      );
    }
    case 'month': {
      // The position in the list of every month the spec accepts is the check and the
      // value at once, found by hashing: no regular expression, no text cut and parsed. A
      // month typed into a spreadsheet arrives as the date of its 1st (2024-06-01), which
      // is that month; the second lookup runs only for cells the first refused.
      const position = test('position');
      const firstOfMonth = `length(${t}) = 10 AND ${t} LIKE '____-__-01'`;
      return cases(
        [
          [
            position,
            `COALESCE(enum_code(${d.tryCast(t, MONTH_LIST)}), CASE WHEN ${firstOfMonth} THEN enum_code(${d.tryCast(`left(${t}, 7)`, MONTH_LIST)}) END)`,
          ],
        ],
        `${position} IS NOT NULL`,
        [
          [
            `${t} LIKE '____-__-__' AND NOT ${t} LIKE '%-01' AND ${d.tryCast(t, 'DATE')} IS NOT NULL`,
            'input.cell.month_is_date',
            shown,
          ],
          [
            `NOT ${d.matches(t, MONTH_SHAPE)} AND NOT ${d.matches(t, `${MONTH_SHAPE}-01`)}`,
            'input.cell.not_a_month',
            shown,
          ],
          [`${position} IS NULL`, 'input.cell.month_out_of_range', shown],
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
          [`NOT ${d.matches(t, NUMBER_SHAPE)}`, 'input.cell.not_a_number', written],
          [`NOT ${score}`, 'input.cell.too_many_digits', written],
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
          [`NOT ${d.matches(t, NUMBER_SHAPE)}`, 'input.cell.not_an_amount', written],
          [`${t} LIKE '-%'`, 'input.cell.negative_earnings', written],
          [`NOT ${amount}`, 'input.cell.amount_too_precise', written],
        ],
        `CASE WHEN ${amount} THEN CAST(CAST(${t} AS DECIMAL(18,2)) * 100 AS BIGINT) END`,
      );
    }
    case 'verified': {
      const word = test('word');
      return cases(
        [[word, `lower(${t})`]],
        `${word} IN ('true', 'false')`,
        [[`${word} NOT IN ('true', 'false')`, 'input.cell.not_verified', shown]],
        `${word} = 'true'`,
      );
    }
    case 'source': {
      const known = `${t} IN ('provider', 'admin', 'verifier')`;
      return cases([], known, [[`NOT ${known}`, 'input.cell.not_a_source', shown]], t);
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
    problem: `CASE WHEN ${column} IS NULL THEN ${fault(d, emptyCode(spec), 'NULL')} WHEN ${column} < 0 THEN ${fault(d, 'input.cell.negative_earnings', t)} WHEN ${column} >= 1e16 THEN ${fault(d, 'input.cell.amount_too_large', t)} END`,
  };
}

/** A problem as SQL: its code and the cell's text it shows (for a NUL, its position). */
function fault(d: Dialect, code: string, value: string): string {
  return `{'code': ${d.string(code)}, 'value': CAST(${value} AS VARCHAR)}`;
}

/** A cell holding NUL, which no table in the store can hold (src/domain/text.ts), and where. */
function nulFault(t: string): Failing {
  const at = `strpos(${t}, chr(0))`;
  return [`${at} > 0`, 'input.cell.nul', at];
}

/** `1234,50` read as `1234.50`, and `1234.50` as `1234,50` (which then fails the checks). */
function swapMarks(text: string): string {
  return `translate(${text}, ',.', '.,')`;
}

function emptyCode(spec: ColumnSpec): string {
  switch (spec.type) {
    case 'date':
      return 'input.cell.empty_date';
    case 'month':
      return 'input.cell.empty_month';
    case 'money':
      return 'input.cell.empty_amount';
    default:
      return 'input.cell.empty';
  }
}
