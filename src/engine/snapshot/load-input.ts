/**
 * Opens one input file (CSV, Parquet or XLSX) as a DuckDB view that converts and checks
 * every cell as it is read. File-level and header problems come back at once; bad cells are
 * listed by `cellProblems`. Everything lives in the run's private database, so a bad file
 * never leaves anything behind.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '../../domain/problem.js';
import { digestFile } from '../../files/file-digest.js';
import type { Dialect } from '../sql/dialect.js';
import { columnSql } from './column-checks.js';
import { type CsvBytes, CsvBytesScan } from './csv-bytes.js';
import {
  type ColumnSpec,
  INPUT_COLUMNS,
  type InputRole,
  RESERVED_PREFIX,
  requiredNames,
} from './input-tables.js';
import { type CellHints, type OpenSource, openSource, readerMessage } from './open-source.js';
import { type SourceColumn, sourceRelation } from './source-relation.js';

/** Most problems listed per file; the count of the rest is reported. */
export const MAX_PROBLEMS_PER_FILE = 1000;

export interface LoadedInput {
  readonly role: InputRole;
  readonly file: string;
  /** Resolves once the whole file is hashed; Parquet and XLSX are hashed while DuckDB works. */
  readonly sha256: Promise<string>;
  /** Columns of the file beyond the required and optional ones (participants' attributes). */
  readonly extraColumns: readonly string[];
  readonly problems: readonly Problem[];
  /** Maps 0-based record ordinals to the row numbers users see. */
  readonly rowOf: (ordinals: readonly number[]) => Promise<Map<number, number>>;
}

/** How much of the file `input_<role>` keeps. */
export interface OpenOptions {
  /**
   * Keep every column, also those no evaluation reads (an import writes the file back);
   * by default a run's table leaves them out once their cells are checked.
   */
  readonly everyColumn?: boolean;
}

export async function openInput(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
  options: OpenOptions = {},
): Promise<LoadedInput> {
  const format = extname(path).toLowerCase();
  const fail = (message: string, extra: Partial<Problem> = {}): LoadedInput => ({
    role,
    file,
    sha256: Promise.resolve(''),
    extraColumns: [],
    problems: [{ code: 'input.file', message, file, ...extra }],
    rowOf: async () => new Map(),
  });
  if (!['.csv', '.parquet', '.xlsx'].includes(format)) {
    return fail(`unsupported file type "${format}": use .csv, .parquet or .xlsx`);
  }
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) return fail('cannot read the file: no such file');
  if (size === 0)
    return fail(`the file is empty: expected a header row with ${requiredNames(role)}`);
  const opening = await openSource(conn, d, role, path, format, file);
  // The file is hashed (and a CSV file checked to be UTF-8, and scanned for spaces and NUL)
  // while DuckDB reads it. A CSV file that is not UTF-8 is refused for that alone, whatever
  // DuckDB made of it.
  const bytes = new CsvBytesScan();
  const unconfirmed = !('problem' in opening) && opening.cells.unconfirmed === true;
  const digesting = digestFile(
    path,
    format === '.csv',
    unconfirmed ? (chunk) => bytes.add(chunk) : undefined,
  );
  const sha256 = digesting.then((digest) => digest.sha256);
  sha256.catch(() => {}); // awaited later by the run; never an unhandled rejection meanwhile
  let opened = 'problem' in opening ? opening : await typed(conn, d, role, opening, file, options);
  if (format === '.csv') {
    const { notUtf8AtLine } = await digesting;
    if (notUtf8AtLine !== undefined) {
      return fail('the file is not UTF-8 text: save it as "CSV UTF-8" and try again', {
        row: notUtf8AtLine,
      });
    }
    if (unconfirmed && !('problem' in opened) && !confirmed(opened.source.cells, bytes.result)) {
      const cells = { trimmed: !bytes.result.spaces, nul: bytes.result.nul };
      opened = await typed(conn, d, role, { ...opened.source, cells }, file, options);
    }
  }
  if ('problem' in opened) return { ...fail(opened.problem), sha256 };
  const { source, headerProblems } = opened;
  if (headerProblems.length > 0) {
    return { ...fail(''), sha256, problems: [...source.problems, ...headerProblems] };
  }
  const problems = source.problems;
  const known = new Set(INPUT_COLUMNS[role].map((c) => c.name));
  const extraColumns = source.columns.map((c) => c.name).filter((n) => !known.has(n));
  return { role, file, sha256, extraColumns, problems, rowOf: source.rowOf };
}

/** Whether the whole file's bytes bear out what its start said of its cells. */
function confirmed(cells: CellHints, whole: CsvBytes): boolean {
  return !(whole.spaces && cells.trimmed) && !(whole.nul && !cells.nul);
}

/** Checks the source's header, and when it is fine defines `input_<role>`. */
async function typed(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  source: OpenSource,
  file: string,
  options: OpenOptions,
): Promise<{ problem: string } | { source: OpenSource; headerProblems: Problem[] }> {
  const headerProblems = checkColumns(
    role,
    source.columns.map((c) => c.name),
    file,
  );
  if (headerProblems.length > 0) return { source, headerProblems };
  try {
    await createTyped(conn, d, role, source, options);
  } catch (error) {
    // Only reading the file can fail here (every conversion is guarded); DuckDB reads a
    // CSV file for the first time in this statement.
    return { problem: `cannot read the file: ${readerMessage(error)}` };
  }
  return { source, headerProblems };
}

function checkColumns(role: InputRole, names: string[], file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (column: string, message: string): Problem => ({
    code: 'input.header',
    message,
    file,
    row: 1,
    column,
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push(at(name, `column "${name}" appears twice in the header`));
    seen.add(name);
    if (name.startsWith(RESERVED_PREFIX)) {
      problems.push(
        at(name, `column names starting with "${RESERVED_PREFIX}" are reserved; rename it`),
      );
    }
  }
  for (const spec of INPUT_COLUMNS[role]) {
    if (spec.required && !seen.has(spec.name)) {
      problems.push(
        at(
          spec.name,
          `missing required column "${spec.name}" (the header has: ${names.join(', ')})`,
        ),
      );
    }
  }
  if (role === 'participants' && seen.has('age_at_enrolment')) {
    problems.push(
      at(
        'age_at_enrolment',
        'age_at_enrolment is computed from birth_date and enrolled_on; remove this column',
      ),
    );
  }
  return problems;
}

/**
 * Defines `input_<role>`, a view: every cell converted to its type, with `__ok` when the
 * whole row is fine, `__problem` naming its bad cells and `__ord` numbering the records.
 * Each cell is converted and checked once, in one scan, into a table `__typed_<role>` of
 * typed values (no copy of the text is kept); only the employment file from Parquet, tens
 * of millions of rows, stays a view that scans the file in place.
 *
 * The table leaves out the problem texts at first: a file is almost always fine, and then
 * they are all NULL (a 16-byte column for nothing). If any row is bad, the table is built
 * again with them, so a bad file is read twice.
 */
async function createTyped(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  source: OpenSource,
  options: OpenOptions,
): Promise<void> {
  const query = (problems: boolean) => typedQuery(d, role, source, options, problems);
  if (!materialised(role, source)) {
    await conn.run(`CREATE OR REPLACE VIEW input_${role} AS ${query(true)}`);
    return;
  }
  const table = `__typed_${role}`;
  await conn.run(`CREATE OR REPLACE TABLE ${table} AS ${query(false)}`);
  const bad = await conn.runAndReadAll(`SELECT 1 FROM ${table} WHERE NOT __ok LIMIT 1`);
  const allFine = bad.currentRowCount === 0;
  if (!allFine) await conn.run(`CREATE OR REPLACE TABLE ${table} AS ${query(true)}`);
  // A table built straight from a CSV file holds its records in file order (insertion
  // order is preserved), so its row ids number them.
  const columns = [
    ...(source.ordinal === null ? ['rowid AS __ord'] : []),
    '*',
    ...(allFine ? ['CAST(NULL AS VARCHAR) AS __problem'] : []),
  ];
  await conn.run(
    `CREATE OR REPLACE VIEW input_${role} AS SELECT ${columns.join(', ')} FROM ${table}`,
  );
  if (source.textTable) await conn.run(`DROP TABLE ${source.textTable}`);
}

/** Whether `input_<role>` is a table of typed values or a view over the source. */
function materialised(role: InputRole, source: OpenSource): boolean {
  return !(role === 'employment' && source.format === '.parquet');
}

/**
 * The query that converts and checks every cell: the cells' trimmed texts first, then the
 * costly tests on them (each once per row), then the values, `__ok`, and when asked
 * `__problem` (built for bad rows only).
 */
function typedQuery(
  d: Dialect,
  role: InputRole,
  { columns, relation, ordinal, cells: hints }: OpenSource,
  options: OpenOptions,
  withProblems: boolean,
): string {
  const present = new Map(columns.map((c) => [c.name, c]));
  const known = new Set(INPUT_COLUMNS[role].map((c) => c.name));
  // Extra columns are text; they are checked as text is (a NUL is refused).
  const cells: { spec: ColumnSpec; column: SourceColumn | undefined }[] = [
    ...INPUT_COLUMNS[role].map((spec) => ({ spec, column: present.get(spec.name) })),
    ...columns
      .filter((c) => !known.has(c.name))
      .map((column) => ({
        spec: { name: column.name, type: 'string', required: false } satisfies ColumnSpec,
        column,
      })),
  ];
  const texts: string[] = ordinal === null ? [] : [`${ordinal} AS __ord`];
  const tests: string[] = [];
  const values: string[] = ordinal === null ? [] : ['__ord'];
  const oks: string[] = [];
  const problems: string[] = [];
  for (const [i, { spec, column }] of cells.entries()) {
    const text = !column
      ? 'CAST(NULL AS VARCHAR)'
      : hints.trimmed && column.type === 'VARCHAR'
        ? d.ident(column.name)
        : sourceRelation.text(d, column);
    const typed = column && { expr: d.ident(column.name), type: column.type };
    const cell = { sql: text, name: `__c${i}`, nul: hints.nul };
    const sql = columnSql(d, spec, cell, typed);
    if (sql.text !== undefined) texts.push(`${sql.text} AS __c${i}`);
    tests.push(...sql.tests.map(([name, test]) => `${test} AS ${name}`));
    if (options.everyColumn || spec.readByRuns !== false) {
      values.push(`${sql.value} AS ${d.ident(spec.name)}`);
    }
    oks.push(`(${sql.ok})`);
    // `||` with NULL is NULL, so a fine cell contributes nothing.
    problems.push(`${d.string(`${spec.name}\t`)} || (${sql.problem})`);
  }
  const all = (more: string[]) => ['*', ...more].join(', ');
  const problem = `CASE WHEN NOT __ok THEN NULLIF(concat_ws(chr(10), ${problems.join(', ')}), '') END`;
  const checks = withProblems ? ['__ok', `${problem} AS __problem`] : ['__ok'];
  return `SELECT ${[...values, ...checks].join(', ')} FROM (
    SELECT *, ${oks.join(' AND ')} AS __ok FROM (
      SELECT ${all(tests)} FROM (SELECT ${all(texts)} FROM ${relation}) __texts) __tests) __checked`;
}

/** Whether the file could be opened and has the columns it needs, so its cells can be checked. */
export function isReadable(input: LoadedInput): boolean {
  return !input.problems.some((p) => p.code === 'input.file' || p.code === 'input.header');
}

/** Scans `input_<role>` and lists its bad cells, with row numbers as users see them. */
export async function cellProblems(conn: DuckDBConnection, input: LoadedInput): Promise<Problem[]> {
  const { role, file, rowOf } = input;
  const bad = `FROM input_${role} WHERE NOT __ok`;
  const reader = await conn.runAndReadAll(
    `SELECT __ord AS ord, __problem ${bad} ORDER BY __ord LIMIT ${MAX_PROBLEMS_PER_FILE}`,
  );
  const found = reader
    .getRowObjectsJS()
    .map((r) => ({ ord: Number(r.ord), text: String(r.__problem) }));
  const rows = await rowOf(found.map((f) => f.ord));
  const problems: Problem[] = found.flatMap(({ ord, text }) =>
    text.split('\n').map((line) => {
      const [column, message] = line.split('\t') as [string, string];
      return { code: 'input.cell', message, file, row: rows.get(ord) ?? ord + 2, column };
    }),
  );
  if (found.length === MAX_PROBLEMS_PER_FILE) {
    const counted = await conn.runAndReadAll(`SELECT COUNT(*) AS n ${bad}`);
    const more = Number(counted.getRowObjectsJS()[0]?.n) - MAX_PROBLEMS_PER_FILE;
    if (more > 0)
      problems.push({
        code: 'input.more',
        message: `${more} more rows with problems are not listed`,
        file,
      });
  }
  return problems;
}
