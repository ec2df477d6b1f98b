/**
 * How each file format is opened as a relation DuckDB can scan, with its column names and
 * types, its file-level problems, and the way its record numbers map to the rows users see.
 * A CSV file's separator and decimal mark are read from its first lines (or given); every
 * format's headers are named by header-names.ts (mapping, case, the contract's spelling).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Problem, problem } from '../../domain/problem.js';
import {
  DELIMITERS,
  type DecimalMark,
  decimalCells,
  delimiterName,
  detectDelimiter,
  sampleCsv,
} from '../../files/csv-dialect.js';
import { csvRowNumbers, readCsvHead } from '../../files/csv-layout.js';
import type { CsvDelimiter } from '../../files/csv-records.js';
import { NoSuchSheet, readFirstSheet } from '../../files/xlsx-sheet.js';
import { ZipRefusal } from '../../files/zip-directory.js';
import type { Dialect } from '../sql/dialect.js';
import { START_BYTES, scanCsvBytes } from './csv-bytes.js';
import { type HeaderNaming, type NamedColumn, nameColumns } from './header-names.js';
import { INPUT_COLUMNS, type InputRole, requiredNames } from './input-tables.js';
import type { LoadedInput } from './load-input.js';
import { type SourceColumn, sourceRelation } from './source-relation.js';

export interface OpenSource {
  /** The file's extension, lower case (`.csv`, `.parquet`, `.xlsx`). */
  readonly format: string;
  readonly relation: string;
  /**
   * The column or pseudo-column that numbers the source's records from 0; null for a CSV
   * file, read once straight into a table whose row ids number them.
   */
  readonly ordinal: string | null;
  /** A table of the cells as text, to drop once they are converted (XLSX). */
  readonly textTable?: string;
  /** What is known of the cells before they are read. */
  readonly cells: CellHints;
  /** The columns under the names Resulta reads them by (`shown` is the user's header). */
  readonly columns: SourceColumn[];
  /** Problems found in cells while opening (XLSX). */
  readonly problems: Problem[];
  /** Problems with the header found while naming its columns (two alike). */
  readonly headerProblems: Problem[];
  /** For a CSV file whose header did not split: a separator that would split it. */
  readonly otherDelimiter?: CsvDelimiter;
  /** How a CSV file is written; absent for other formats. */
  readonly layout?: CsvLayout;
  readonly rowOf: LoadedInput['rowOf'];
}

export interface CsvLayout {
  readonly delimiter: CsvDelimiter;
  /** The decimal mark of amounts and scores. */
  readonly decimal: DecimalMark;
}

export interface CellHints {
  /**
   * Every text cell is read as its trimmed text, NULL when empty, so the checks need not
   * trim: a CSV file with no space after its header line, since DuckDB's reader gives NULL
   * for an empty cell, quoted or not.
   */
  readonly trimmed: boolean;
  /** A cell may hold NUL, so text cells are searched for one. */
  readonly nul: boolean;
  /**
   * The two above were seen in the start of a CSV file only; the caller confirms them
   * against the whole file's bytes (csv-bytes.ts).
   */
  readonly unconfirmed?: boolean;
}

/** How to open a source: how its header is named, and what the user said of its layout. */
export interface SourceOptions {
  readonly naming: HeaderNaming;
  readonly delimiter?: CsvDelimiter;
  readonly decimal?: DecimalMark;
  /** The XLSX sheet to read; the first when absent. */
  readonly sheet?: string;
}

/** Nothing known: cells are trimmed and searched. */
const UNKNOWN_CELLS: CellHints = { trimmed: false, nul: true };

export async function openSource(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  format: string,
  file: string,
  options: SourceOptions,
): Promise<OpenSource | { problem: Problem }> {
  if (format === '.csv') return openCsv(d, role, path, file, options);
  if (format === '.parquet') return openParquet(conn, d, role, path, file, options);
  return openXlsx(conn, d, role, path, file, options);
}

async function openCsv(
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
  options: SourceOptions,
): Promise<OpenSource | { problem: Problem }> {
  const [head, bytes] = await Promise.all([readCsvHead(path), scanCsvBytes(path, START_BYTES)]);
  if (!head) return { problem: problem('input.file.empty', { columns: requiredNames(role) }) };
  const named = (header: readonly string[]) => nameColumns(role, header, options.naming, file);
  const found = options.delimiter
    ? { delimiter: options.delimiter }
    : detectDelimiter(
        head.text,
        (header) => hasRequired(role, named(header).columns),
        head.complete,
      );
  if ('unclear' in found) {
    const candidates = found.unclear.map((c) => `"${delimiterName(c)}"`).join(', ');
    return { problem: problem('input.file.delimiter_unclear', { candidates }) };
  }
  const { delimiter } = found;
  const sample = sampleCsv(head.text, delimiter, head.complete);
  const { columns, problems: headerProblems } = named(sample.header);
  const decimal = decimalMark(role, columns, sample.records, delimiter, options.decimal);
  if (typeof decimal !== 'string') return { problem: decimal };
  // Nothing is read yet: the file is converted and checked as DuckDB reads it, once. When
  // two headers share a name, DuckDB is never asked to read it (the header check stops it).
  return {
    format: '.csv',
    relation: sourceRelation.csv(
      d,
      path,
      columns.map((c) => c.name),
      delimiter,
    ),
    ordinal: null,
    columns: columns.map((c) => ({ name: c.name, shown: c.shown, type: 'VARCHAR' })),
    cells: { trimmed: !bytes.spaces, nul: bytes.nul, unconfirmed: !bytes.complete },
    problems: [],
    headerProblems,
    ...otherDelimiter(head.text, delimiter, sample.header.length),
    layout: { delimiter, decimal },
    rowOf: (ordinals) => csvRowNumbers(path, ordinals),
  };
}

function hasRequired(role: InputRole, columns: readonly NamedColumn[]): boolean {
  const names = new Set(columns.map((c) => c.name));
  return INPUT_COLUMNS[role].every((c) => !c.required || names.has(c.name));
}

/**
 * The decimal mark of the file's amounts and scores. A `,`-separated file uses the point
 * (a decimal comma there splits the cell, unless quoted, and is reported). In a `;` or tab
 * file, the comma only when the first rows show it (`1234,50`), and never both marks.
 */
function decimalMark(
  role: InputRole,
  columns: readonly NamedColumn[],
  records: readonly string[][],
  delimiter: CsvDelimiter,
  given: DecimalMark | undefined,
): DecimalMark | Problem {
  if (given) return given;
  if (delimiter === ',') return '.';
  const seen: { column: string; comma?: string; point?: string }[] = [];
  for (const spec of INPUT_COLUMNS[role]) {
    if (spec.type !== 'number' && spec.type !== 'money') continue;
    const index = columns.findIndex((c) => c.name === spec.name);
    if (index < 0) continue;
    const marks = decimalCells(records.map((r) => r[index] ?? ''));
    seen.push({ column: (columns[index] as NamedColumn).shown, ...marks });
  }
  const comma = seen.find((s) => s.comma);
  const point = seen.find((s) => s.point);
  if (comma && point) {
    const column = comma === point ? comma.column : `${comma.column}, ${point.column}`;
    return problem('input.file.decimal_unclear', {
      column,
      comma: comma.comma as string,
      point: point.point as string,
    });
  }
  return comma ? ',' : '.';
}

/** A separator that would split a header the one used did not split. */
function otherDelimiter(
  head: string,
  used: CsvDelimiter,
  fields: number,
): { otherDelimiter?: CsvDelimiter } {
  if (fields > 1) return {};
  const other = DELIMITERS.find((c) => c !== used && sampleCsv(head, c).header.length > 1);
  return other ? { otherDelimiter: other } : {};
}

async function openParquet(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
  options: SourceOptions,
): Promise<OpenSource | { problem: Problem }> {
  let described: { name: string; type: string }[];
  try {
    const reader = await conn.runAndReadAll(
      `DESCRIBE SELECT * FROM read_parquet(${d.string(path)})`,
    );
    described = reader
      .getRowObjectsJS()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
      .filter((c) => c.name !== 'file_row_number');
  } catch {
    // DuckDB's reason names the file by its path, which on a server is a temporary one.
    return { problem: problem('input.file.parquet_unreadable') };
  }
  const { columns, problems: headerProblems } = nameColumns(
    role,
    described.map((c) => c.name),
    options.naming,
    file,
  );
  const scan = `read_parquet(${d.string(path)}, file_row_number = true)`;
  // Renamed columns are read under their new names: a projection, not a pass of its own.
  const renamed = columns.some((c, i) => c.name !== described[i]?.name);
  const relation = renamed
    ? `(SELECT ${columns.map((c) => `${d.ident(c.source)} AS ${d.ident(c.name)}`).join(', ')}, file_row_number FROM ${scan}) __parquet`
    : scan;
  return {
    format: '.parquet',
    relation: headerProblems.length > 0 ? scan : relation,
    ordinal: 'file_row_number',
    cells: UNKNOWN_CELLS,
    columns: columns.map((c, i) => ({
      name: c.name,
      shown: c.shown,
      type: described[i]?.type ?? 'VARCHAR',
    })),
    problems: [],
    headerProblems,
    rowOf: async (ordinals) => new Map(ordinals.map((o) => [o, o + 2])),
  };
}

async function openXlsx(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
  options: SourceOptions,
): Promise<OpenSource | { problem: Problem }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(path, file, options.sheet ? { sheet: options.sheet } : {});
  } catch (error) {
    // Our own refusals (limits, not a zip, no such sheet) say why; anything else is the
    // spreadsheet library failing on a damaged part, whose text means nothing to the sender.
    if (error instanceof NoSuchSheet) {
      const sheets = error.sheets.map((s) => `"${s}"`).join(', ');
      return { problem: problem('input.file.no_such_sheet', { sheet: error.sheet, sheets }) };
    }
    if (error instanceof ZipRefusal)
      return { problem: problem('input.file.xlsx_refused', { reason: error.message }) };
    return { problem: problem('input.file.xlsx_unreadable') };
  }
  if (!sheet || sheet.header.length === 0) {
    const columns = requiredNames(role);
    return {
      problem: options.sheet
        ? problem('input.file.sheet_empty', { sheet: options.sheet, columns })
        : problem('input.file.first_sheet_empty', { columns }),
    };
  }
  const table = `__xlsx_${role}`;
  const header = sheet.header.map((n, i) => (n.trim() === '' ? `column ${i + 1}` : n));
  const named = nameColumns(role, header, options.naming, file);
  const { columns } = named;
  // A bad header cell (a formula, say) leaves the header unreadable, as two alike do.
  const headerProblems = [...sheet.problems.filter((p) => p.row === 1), ...named.problems];
  if (headerProblems.length === 0) {
    await conn.run(
      `CREATE OR REPLACE TABLE ${table} (${columns.map((c) => `${d.ident(c.name)} VARCHAR`).join(', ')})`,
    );
    const appender = await conn.createAppender(table);
    for (const { cells } of sheet.rows) {
      for (const cell of cells) {
        if (cell === null) appender.appendNull();
        else appender.appendVarchar(cell);
      }
      appender.endRow();
    }
    appender.closeSync();
  }
  const rows = sheet.rows.map((r) => r.row);
  return {
    format: '.xlsx',
    relation: table,
    ordinal: 'rowid',
    textTable: table,
    cells: UNKNOWN_CELLS,
    columns: columns.map((c) => ({ name: c.name, shown: c.shown, type: 'VARCHAR' })),
    problems: sheet.problems.filter((p) => p.row !== 1),
    headerProblems,
    rowOf: async (ordinals) => new Map(ordinals.map((o) => [o, rows[o] ?? o + 2])),
  };
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** DuckDB's CSV errors name the line and the fault; keep those two and drop its advice. */
export function readerMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const fault = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) =>
      /^(Expected Number of Columns|Value with unterminated quote|Invalid unicode)/.test(l),
    );
  if (line && fault) return `line ${line}: ${fault}`;
  return firstLine(error);
}
