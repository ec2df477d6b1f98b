/**
 * How each file format is opened as a relation DuckDB can scan, with its column names and
 * types, its file-level problems, and the way its record numbers map to the rows users see.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '../../domain/problem.js';
import { csvRowNumbers, readCsvHeader } from '../../files/csv-layout.js';
import { readFirstSheet } from '../../files/xlsx-sheet.js';
import { ZipRefusal } from '../../files/zip-directory.js';
import type { Dialect } from '../sql/dialect.js';
import { START_BYTES, scanCsvBytes } from './csv-bytes.js';
import { type InputRole, requiredNames } from './input-tables.js';
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
  readonly columns: SourceColumn[];
  readonly problems: Problem[];
  readonly rowOf: LoadedInput['rowOf'];
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

/** Nothing known: cells are trimmed and searched. */
const UNKNOWN_CELLS: CellHints = { trimmed: false, nul: true };

export async function openSource(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  format: string,
  file: string,
): Promise<OpenSource | { problem: string }> {
  if (format === '.csv') {
    const [header, bytes] = await Promise.all([
      readCsvHeader(path),
      scanCsvBytes(path, START_BYTES),
    ]);
    if (!header)
      return { problem: `the file is empty: expected a header row with ${requiredNames(role)}` };
    // Nothing is read yet: the file is converted and checked as DuckDB reads it, once.
    return {
      format,
      relation: sourceRelation.csv(d, path, header),
      ordinal: null,
      columns: header.map((name) => ({ name, type: 'VARCHAR' })),
      cells: { trimmed: !bytes.spaces, nul: bytes.nul, unconfirmed: !bytes.complete },
      problems: [],
      rowOf: (ordinals) => csvRowNumbers(path, ordinals),
    };
  }
  if (format === '.parquet') {
    try {
      const reader = await conn.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet(${d.string(path)})`,
      );
      const columns = reader
        .getRowObjectsJS()
        .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
      return {
        format,
        relation: `read_parquet(${d.string(path)}, file_row_number = true)`,
        ordinal: 'file_row_number',
        cells: UNKNOWN_CELLS,
        columns: columns.filter((c) => c.name !== 'file_row_number'),
        problems: [],
        rowOf: async (ordinals) => new Map(ordinals.map((o) => [o, o + 2])),
      };
    } catch {
      // DuckDB's reason names the file by its path, which on a server is a temporary one.
      return { problem: 'the file is not a readable Parquet file' };
    }
  }
  return openXlsx(conn, d, role, path, file);
}

async function openXlsx(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
): Promise<OpenSource | { problem: string }> {
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = await readFirstSheet(path, file);
  } catch (error) {
    // Our own refusals (limits, not a zip) say why; anything else is the spreadsheet
    // library failing on a damaged part, whose text means nothing to the sender.
    if (error instanceof ZipRefusal)
      return { problem: `cannot read the file as an XLSX workbook: ${error.message}` };
    return { problem: 'the file is not a readable XLSX workbook' };
  }
  if (!sheet || sheet.header.length === 0) {
    return {
      problem: `the first sheet is empty: expected a header row with ${requiredNames(role)}`,
    };
  }
  const table = `__xlsx_${role}`;
  const names = sheet.header.map((n, i) => (n === '' ? `column ${i + 1}` : n));
  if (new Set(names).size === names.length) {
    await conn.run(
      `CREATE OR REPLACE TABLE ${table} (${names.map((n) => `${d.ident(n)} VARCHAR`).join(', ')})`,
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
    columns: names.map((name) => ({ name, type: 'VARCHAR' })),
    problems: sheet.problems,
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
