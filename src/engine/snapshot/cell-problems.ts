/**
 * The bad cells of an input, as problems people can act on. A mistake made over and over in
 * a column (dates written DD/MM/YYYY, numbers with a decimal comma, months typed as dates) is
 * one problem with the count of rows and the first of them, not a thousand lines; any other
 * mistake is listed for its first rows, then counted.
 *
 * The cell checks (column-checks.ts) give each bad cell a catalogue code and its text; here
 * the text's shape is recognised in SQL over the bad rows only, so this costs nothing when
 * every row is fine (one scan that finds none).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../../domain/decimal.js';
import type { MessageCode } from '../../domain/messages/catalogue.js';
import type { Params } from '../../domain/messages/render.js';
import { type Problem, problem } from '../../domain/problem.js';
import type { DecimalMark } from '../../files/csv-dialect.js';
import type { LoadedInput } from './load-input.js';

/** Most problems listed per file; the count of the rest is reported. */
export const MAX_PROBLEMS_PER_FILE = 1000;

/** Rows listed of one mistake the shape of whose cells is not recognised, before counting. */
export const LISTED_PER_MISTAKE = 3;

/** A bad cell as the query gives it: the first of its kind, and how many there are. */
interface Fault {
  readonly ord: number;
  readonly column: string;
  readonly code: string;
  readonly value: string | null;
  readonly shape: string | null;
  /** Its rank among the faults of its kind (1 for the first) and how many there are. */
  readonly rank: number;
  readonly count: number;
}

/** Scans `input_<role>` and lists its bad cells, with row numbers as users see them. */
export async function cellProblems(conn: DuckDBConnection, input: LoadedInput): Promise<Problem[]> {
  const { role } = input;
  const bad = `FROM input_${role} WHERE NOT __ok`;
  const any = await conn.runAndReadAll(`SELECT 1 ${bad} LIMIT 1`);
  if (any.currentRowCount === 0) return [];
  const decimal = input.layout?.decimal ?? '.';
  const reader = await conn.runAndReadAll(`WITH faults AS (
      SELECT __ord AS ord, p.col AS col, p.fault.code AS code, p.fault.value AS value
      FROM (SELECT __ord, unnest(__problem) AS p ${bad}) __bad),
    shaped AS (SELECT *, ${shapeSql(decimal)} AS shape FROM faults),
    ranked AS (SELECT *,
        row_number() OVER (PARTITION BY col, code, shape ORDER BY ord) AS k,
        COUNT(*) OVER (PARTITION BY col, code, shape) AS n
      FROM shaped)
    SELECT ord, col, code, value, shape, k, n FROM ranked
    WHERE k <= CASE WHEN shape IS NULL THEN ${LISTED_PER_MISTAKE} ELSE 1 END
    ORDER BY ord, col LIMIT ${MAX_PROBLEMS_PER_FILE}`);
  const faults = mergeDayMonth(
    reader.getRowObjectsJS().map((r) => ({
      ord: Number(r.ord),
      column: String(r.col),
      code: String(r.code),
      value: r.value === null ? null : String(r.value),
      shape: r.shape === null ? null : String(r.shape),
      rank: Number(r.k),
      count: Number(r.n),
    })),
  );
  const rows = await input.rowOf(faults.map((f) => f.ord));
  const problems = faults.flatMap((f) => describe(f, rows.get(f.ord) ?? f.ord + 2, input, decimal));
  if (faults.length === MAX_PROBLEMS_PER_FILE) {
    const counted = await conn.runAndReadAll(`SELECT COUNT(*) AS n ${bad}`);
    const listed = new Set(faults.map((f) => f.ord)).size;
    const more = Number(counted.getRowObjectsJS()[0]?.n) - listed;
    if (more > 0) problems.push(problem('input.more', { count: more }, { file: input.file }));
  }
  return problems;
}

/** The problems one fault stands for: a repeated shape, or the cell (and the rest counted). */
function describe(fault: Fault, row: number, input: LoadedInput, decimal: DecimalMark): Problem[] {
  const column = input.columns.find((c) => c.name === fault.column)?.shown ?? fault.column;
  const value = fault.value ?? '';
  // A month written as a date says so in its own message; a count adds nothing for one row.
  const alone = fault.shape === 'month_is_date' && fault.count === 1;
  if (fault.shape !== null && !alone) {
    const params = { count: fault.count, row: String(row), example: value };
    const fixed = fault.shape.startsWith('decimal') || fault.shape === 'thousands';
    return [
      problem(
        `input.rows.${fault.shape}` as MessageCode,
        fixed
          ? { ...params, fixed: plainNumber(value, decimal, fault.shape === 'thousands') }
          : params,
        { file: input.file, column },
      ),
    ];
  }
  const cell = problem(fault.code as MessageCode, cellParams(fault.code, value, decimal), {
    file: input.file,
    row,
    column,
  });
  // The last row listed of a mistake counts the ones not listed, and is placed at that
  // row so that it follows the rows it continues when problems are sorted.
  const rest = fault.count - LISTED_PER_MISTAKE;
  return rest > 0 && fault.rank === LISTED_PER_MISTAKE
    ? [cell, problem('input.rows.more_same', { count: rest }, { file: input.file, row, column })]
    : [cell];
}

/** The parameters of a cell problem's message, from its code and the cell's text. */
export function cellParams(code: string, value: string, decimal: DecimalMark): Params {
  const mark = (n: string) => (decimal === ',' ? n.replace('.', ',') : n);
  switch (code) {
    case 'input.cell.nul':
      return { at: value };
    case 'input.cell.empty':
    case 'input.cell.empty_date':
    case 'input.cell.empty_month':
      return {};
    case 'input.cell.empty_amount':
      return { sample: mark('1200.50') };
    case 'input.cell.not_an_amount':
      return { value, sample: mark('1200.50') };
    case 'input.cell.not_a_number':
      return { value, sample: mark('3.5') };
    case 'input.cell.too_many_digits':
      return { value, before: String(SCORE_INTEGER_DIGITS), after: String(SCORE_DECIMALS) };
    default:
      return { value };
  }
}

const DAY_MONTH = '[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}';
const SERIAL = '[0-9]{4,5}([.][0-9]+)?';

/**
 * The recognised shape of a bad cell's text (the suffix of an `input.rows.*` code), NULL
 * when none is. Only bad rows are shaped. Day and month are told apart when one part is
 * above 12; a column mixing certain and uncertain rows is settled by `mergeDayMonth`.
 */
function shapeSql(decimal: DecimalMark): string {
  const full = (pattern: string) => `regexp_full_match(value, '${pattern.replaceAll("'", "''")}')`;
  const part = (n: 1 | 2) =>
    `TRY_CAST(regexp_extract(value, '^([0-9]+)[/.-]([0-9]+)', ${n}) AS INTEGER)`;
  const other = decimal === '.' ? ',' : '[.]';
  const own = decimal === '.' ? '[.]' : ',';
  const date = `CASE
      WHEN ${full(DAY_MONTH)} THEN CASE WHEN ${part(1)} > 12 THEN 'date_dd_mm_yyyy'
        WHEN ${part(2)} > 12 THEN 'date_mm_dd_yyyy' ELSE 'date_day_month' END
      WHEN ${full('[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}')} THEN 'date_slashes'
      WHEN ${full('[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:.]+Z?')} THEN 'date_with_time'
      WHEN ${full(SERIAL)} THEN 'date_serial' END`;
  const month = `CASE
      WHEN ${full(DAY_MONTH)} THEN 'month_day_first'
      WHEN ${full('(0?[1-9]|1[0-2])[/.-][0-9]{4}')} THEN 'month_mm_yyyy'
      WHEN ${full('[0-9]{4}/(0?[1-9]|1[0-2])')} THEN 'month_slash'
      WHEN ${full(SERIAL)} THEN 'month_serial' END`;
  // One group of three after a point or a comma (1,234 or 5.123) is not taken for
  // thousands: it is a decimal mark, the file's own (too many decimals) or the other one.
  const number = `CASE
      WHEN ${full("-?[1-9][0-9]{0,2}([.,'’  ][0-9]{3})+([.,][0-9]+)?")}
        AND NOT ${full('-?[0-9]{1,3}[.,][0-9]{3}')} THEN 'thousands'
      WHEN ${full(`-?[0-9]+${other}[0-9]+`)} THEN '${decimal === '.' ? 'decimal_comma' : 'decimal_point'}'
      WHEN ${full(`[^0-9]*-?[0-9]+(${own}[0-9]+)?[^0-9]*`)} AND regexp_matches(value, '[^0-9.,-]') THEN 'currency'
    END`;
  return `CASE code
    WHEN 'input.cell.not_a_date' THEN ${date}
    WHEN 'input.cell.month_is_date' THEN 'month_is_date'
    WHEN 'input.cell.not_a_month' THEN ${month}
    WHEN 'input.cell.not_a_number' THEN ${number}
    WHEN 'input.cell.not_an_amount' THEN ${number}
    WHEN 'input.cell.amount_too_precise' THEN ${number}
  END`;
}

/**
 * In a column whose dates are certainly day first (some day above 12) and never certainly
 * month first, the uncertain ones are day first too, and the other way round: a column is
 * written one way. Otherwise the uncertain rows stay a group of their own.
 */
function mergeDayMonth(faults: Fault[]): Fault[] {
  const uncertain = faults.filter((f) => f.shape === 'date_day_month');
  const merged = new Set<Fault>();
  const out = faults.map((f) => {
    if (f.shape !== 'date_dd_mm_yyyy' && f.shape !== 'date_mm_dd_yyyy') return f;
    const column = (g: Fault) => g.column === f.column;
    const opposite = f.shape === 'date_dd_mm_yyyy' ? 'date_mm_dd_yyyy' : 'date_dd_mm_yyyy';
    const join = uncertain.find((u) => column(u) && u.code === f.code);
    if (!join || faults.some((g) => column(g) && g.shape === opposite)) return f;
    merged.add(join);
    const first = join.ord < f.ord ? join : f;
    return { ...f, ord: first.ord, value: first.value, count: f.count + join.count };
  });
  return out.filter((f) => !merged.has(f)).sort((a, b) => a.ord - b.ord);
}

/**
 * A number as the file should have it: with the file's decimal mark, and without thousands
 * separators when it has them (`1.234,50` → `1234.50` in a file of decimal points).
 */
export function plainNumber(text: string, decimal: DecimalMark, thousands: boolean): string {
  const group = thousands
    ? /^-?\d{1,3}([.,'’\u00a0\u202f ])\d{3}(?:\D|$)/.exec(text)?.[1]
    : undefined;
  const digits = group ? text.split(group).join('') : text;
  return digits.replace(/[.,]/, decimal).replace(/[^0-9.,-]/g, '');
}
