/**
 * Opens one input file (CSV, Parquet or XLSX) as a DuckDB view that converts and checks
 * every cell as it is read. File-level and header problems come back at once; bad cells are
 * listed by `cellProblems`. Everything lives in the run's private database, so a bad file
 * never leaves anything behind.
 */
import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Problem, problem } from '../../domain/problem.js';
import type { DecimalMark } from '../../files/csv-dialect.js';
import type { CsvDelimiter } from '../../files/csv-records.js';
import { digestFile } from '../../files/file-digest.js';
import { copyLatin1AsUtf8 } from '../../files/latin1-text.js';
import type { Dialect } from '../sql/dialect.js';
import { columnSql } from './column-checks.js';
import { type CsvBytes, CsvBytesScan } from './csv-bytes.js';
import { checkColumns } from './header-check.js';
import type { HeaderNaming } from './header-names.js';
import { type ColumnSpec, INPUT_COLUMNS, type InputRole, requiredNames } from './input-tables.js';
import {
  type CellHints,
  type CsvLayout,
  type OpenSource,
  openSource,
  readerMessage,
} from './open-source.js';
import { type SourceColumn, sourceRelation } from './source-relation.js';

export { cellProblems, MAX_PROBLEMS_PER_FILE } from './cell-problems.js';

export type TextEncoding = 'utf8' | 'latin1';

export interface LoadedInput {
  readonly role: InputRole;
  readonly file: string;
  /** Resolves once the whole file is hashed; Parquet and XLSX are hashed while DuckDB works. */
  readonly sha256: Promise<string>;
  /** Columns of the file beyond the required and optional ones (participants' attributes). */
  readonly extraColumns: readonly string[];
  /** Every column of the file, by the name Resulta reads it and the header the user wrote. */
  readonly columns: readonly SourceColumn[];
  /** How a CSV file was read (separator, decimal mark, encoding); absent for other formats. */
  readonly layout?: CsvLayout & { readonly encoding: TextEncoding };
  readonly problems: readonly Problem[];
  /**
   * Whether the file could be opened and has the columns it needs, so that `input_<role>`
   * exists and its cells can be checked.
   */
  readonly readable: boolean;
  /** Maps 0-based record ordinals to the row numbers users see. */
  readonly rowOf: (ordinals: readonly number[]) => Promise<Map<number, number>>;
}

/** How much of the file `input_<role>` keeps, and how the user's file is written. */
export interface OpenOptions {
  /**
   * Keep every column, also those no evaluation reads (an import writes the file back);
   * by default a run's table leaves them out once their cells are checked.
   */
  readonly everyColumn?: boolean;
  /** The column mapping for this table and the contract's attribute names. */
  readonly naming?: HeaderNaming;
  /** A CSV file's separator and decimal mark, when the user gave them (else detected). */
  readonly delimiter?: CsvDelimiter;
  readonly decimal?: DecimalMark;
  /** A CSV file's text encoding; UTF-8 unless the user says Latin-1. */
  readonly encoding?: TextEncoding;
  /** The XLSX sheet to read; the first when absent. */
  readonly sheet?: string;
  /**
   * A private folder for the run's temporary files (a Latin-1 file's UTF-8 copy), made on
   * first use and removed by the caller.
   */
  readonly scratch?: () => Promise<string>;
}

export async function openInput(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  given: string,
  file: string,
  options: OpenOptions = {},
): Promise<LoadedInput> {
  const format = extname(given).toLowerCase();
  const fail = (...problems: Problem[]): LoadedInput => ({
    role,
    file,
    sha256: Promise.resolve(''),
    extraColumns: [],
    columns: [],
    problems: problems.map((p) => ({ ...p, file })),
    readable: false,
    rowOf: async () => new Map(),
  });
  if (!['.csv', '.parquet', '.xlsx'].includes(format)) {
    return fail(problem('input.file.unsupported_type', { extension: format }));
  }
  const size = await stat(given).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) return fail(problem('input.file.missing'));
  if (size === 0) return fail(problem('input.file.empty', { columns: requiredNames(role) }));
  const latin1 = format === '.csv' && options.encoding === 'latin1';
  // A Latin-1 file is read from its UTF-8 copy; its hash stays the one of the user's bytes.
  const original = latin1 ? digestFile(given, true) : undefined;
  const path = latin1 ? await utf8Copy(given, role, options) : given;
  const opening = await openSource(conn, d, role, path, format, file, {
    naming: options.naming ?? {},
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.decimal ? { decimal: options.decimal } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  });
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
  const sha256 = (original ?? digesting).then((digest) => digest.sha256);
  sha256.catch(() => {}); // awaited later by the run; never an unhandled rejection meanwhile
  let opened =
    'problem' in opening ? opening : await typed(conn, d, role, opening, path, file, options);
  if (format === '.csv') {
    const { notUtf8AtLine, bytes: copied } = await digesting;
    if (notUtf8AtLine !== undefined) {
      return fail({ ...problem('input.file.not_utf8'), row: notUtf8AtLine });
    }
    // Said to be Latin-1 but valid UTF-8 with letters beyond ASCII (its copy grew): reading
    // it as Latin-1 would garble every one of them, so it is refused rather than believed.
    const asGiven = await original;
    if (asGiven && asGiven.notUtf8AtLine === undefined && copied > asGiven.bytes) {
      return { ...fail(problem('input.file.utf8_not_latin1')), sha256 };
    }
    if (unconfirmed && !('problem' in opened) && !confirmed(opened.source.cells, bytes.result)) {
      const cells = { trimmed: !bytes.result.spaces, nul: bytes.result.nul };
      opened = await typed(conn, d, role, { ...opened.source, cells }, path, file, options);
    }
  }
  if ('problem' in opened) return { ...fail(opened.problem), sha256 };
  const { source, headerProblems } = opened;
  if (headerProblems.length > 0) {
    return { ...fail(...source.problems, ...headerProblems), sha256 };
  }
  const known = new Set(INPUT_COLUMNS[role].map((c) => c.name));
  return {
    role,
    file,
    sha256,
    extraColumns: source.columns.map((c) => c.name).filter((n) => !known.has(n)),
    columns: source.columns,
    ...(source.layout
      ? { layout: { ...source.layout, encoding: latin1 ? 'latin1' : 'utf8' } as const }
      : {}),
    problems: source.problems,
    readable: true,
    rowOf: source.rowOf,
  };
}

/** The UTF-8 copy of a Latin-1 file, in the run's private folder. */
async function utf8Copy(path: string, role: InputRole, options: OpenOptions): Promise<string> {
  if (!options.scratch) throw new Error('reading a Latin-1 file needs a folder for its copy');
  const copy = join(await options.scratch(), `${role}.utf8.csv`);
  await copyLatin1AsUtf8(path, copy);
  return copy;
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
  path: string,
  file: string,
  options: OpenOptions,
): Promise<{ problem: Problem } | { source: OpenSource; headerProblems: Problem[] }> {
  const headerProblems = [
    ...source.headerProblems,
    ...checkColumns(role, source, options.naming ?? {}, file),
  ];
  if (headerProblems.length > 0) return { source, headerProblems };
  try {
    await createTyped(conn, d, role, source, options);
  } catch (error) {
    // Only reading the file can fail here (every conversion is guarded); DuckDB reads a
    // CSV file for the first time in this statement. Its text may quote the path, which for
    // an upload or a Latin-1 copy is a temporary one: the file is named as the user knows it.
    const reason = readerMessage(error).split(path).join(file);
    return { problem: problem('input.file.unreadable', { reason }) };
  }
  return { source, headerProblems };
}

/**
 * Defines `input_<role>`, a view: every cell converted to its type, with `__ok` when the
 * whole row is fine, `__problem` naming its bad cells and `__ord` numbering the records.
 * Each cell is converted and checked once, in one scan, into a table `__typed_<role>` of
 * typed values (no copy of the text is kept); only the employment file from Parquet, tens
 * of millions of rows, stays a view that scans the file in place.
 *
 * The table leaves out the problems at first: a file is almost always fine, and then they
 * are all NULL (a column for nothing). If any row is bad, the table is built again with
 * them, so a bad file is read twice.
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
  { columns, relation, ordinal, cells: hints, layout }: OpenSource,
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
    const cell = {
      sql: text,
      name: `__c${i}`,
      nul: hints.nul,
      decimalComma: layout?.decimal === ',',
    };
    const sql = columnSql(d, spec, cell, typed);
    if (sql.text !== undefined) texts.push(`${sql.text} AS __c${i}`);
    tests.push(...sql.tests.map(([name, test]) => `${test} AS ${name}`));
    if (options.everyColumn || spec.readByRuns !== false) {
      values.push(`${sql.value} AS ${d.ident(spec.name)}`);
    }
    oks.push(`(${sql.ok})`);
    problems.push(`{'col': ${d.string(spec.name)}, 'fault': ${sql.problem}}`);
  }
  const all = (more: string[]) => ['*', ...more].join(', ');
  // Each bad cell as {col, fault: {code, value}}; fine cells are filtered out.
  const problem = `CASE WHEN NOT __ok THEN list_filter([${problems.join(', ')}], lambda p: p.fault IS NOT NULL) END`;
  const checks = withProblems ? ['__ok', `${problem} AS __problem`] : ['__ok'];
  return `SELECT ${[...values, ...checks].join(', ')} FROM (
    SELECT *, ${oks.join(' AND ')} AS __ok FROM (
      SELECT ${all(tests)} FROM (SELECT ${all(texts)} FROM ${relation}) __texts) __tests) __checked`;
}

/** Whether the file could be opened and has the columns it needs, so its cells can be checked. */
export function isReadable(input: LoadedInput): boolean {
  return input.readable;
}
