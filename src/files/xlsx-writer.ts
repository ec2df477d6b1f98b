/**
 * Writes tables as an XLSX workbook for people: every XLSX Resulta hands out (evaluation
 * outputs, the API's exports, bill statements) is written here, so they all follow the same
 * rules:
 *
 * - real cells: amounts are numbers shown with two decimals (`#,##0.00`), days are date
 *   cells shown `yyyy-mm-dd`, flags booleans, counts numbers; text stays text, formatted as
 *   Text (`@`) so ids keep their zeros and a cell someone edits stays text;
 * - text is never a formula: a text cell is written as a string value (`t="str"`, held in
 *   the cell rather than in a shared-strings table, which would keep every distinct id of a
 *   national table in memory), never with a formula element, whatever it starts with
 *   (= + - @);
 * - a bold header row, frozen, with filters over the whole table, and columns as wide as
 *   their header and the first rows need (within bounds);
 * - streaming (ExcelJS's WorkbookWriter): rows go out as they come, so a table of a million
 *   rows never sits in memory as a workbook. A sheet holds at most 1,048,576 rows, Excel's
 *   limit; a longer table continues on sheets named "name (2)", "name (3)", each with its
 *   header.
 *
 * Amounts reach Excel as binary floating point, which holds 15 significant digits: exact for
 * every amount below 10^13, far above any bill.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import type { ColumnKind } from '../domain/output-columns.js';

/** What a cell holds: the output kinds, and `time`, an instant shown in UTC. */
export type CellKind = ColumnKind | 'time';

export interface XlsxColumn {
  readonly header: string;
  readonly kind: CellKind;
}

/**
 * A cell's value as the CSV outputs write it (`"12.50"`, `"2019-06-30"`, `"true"`) or as a
 * number, boolean or Date; null and empty text are an empty cell.
 */
export type CellValue = string | number | boolean | Date | null;

/** A cell whose kind is not its column's (a sheet of labels and values). */
export interface TypedCell {
  readonly kind: CellKind;
  readonly value: CellValue;
}

export type XlsxCell = CellValue | TypedCell;

export type XlsxRows = Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>;

export interface XlsxTable {
  /** The sheet's name; cut to 31 characters and cleared of characters sheets cannot have. */
  readonly name: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: XlsxRows;
}

export interface XlsxOptions {
  /** Data rows per sheet before the table continues on the next (tests set a small one). */
  readonly maxRowsPerSheet?: number;
}

/** Excel's rows per sheet, less the header. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

const FORMATS: Record<CellKind, string> = {
  text: '@',
  money: '#,##0.00',
  day: 'yyyy-mm-dd',
  time: 'yyyy-mm-dd hh:mm',
  flag: 'General',
  count: '0',
};

/** One style object per kind, shared by every cell of that kind (see writeRow). */
const STYLES = Object.fromEntries(
  Object.entries(FORMATS).map(([kind, numFmt]) => [kind, { numFmt }]),
) as Record<CellKind, { numFmt: string }>;

/** The workbook's default font, bold: a font without name and size shows differently per reader. */
const HEADER_FONT = { name: 'Calibri', size: 11, bold: true };

/** Columns are sized from the header and this many first rows. */
const MEASURED_ROWS = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

// ExcelJS's streaming types omit what it does at run time; these are the parts used
// (exceljs 4.4, lib/stream/xlsx/workbook-writer.js and worksheet-writer.js).
interface SheetWriter {
  /** The sheet's XML, and the zip entry it is written into. */
  readonly stream?: { readonly pipes?: readonly ZipEntryStream[] };
  columns: { width?: number; style?: { numFmt: string } }[];
  autoFilter: { from: { row: number; column: number }; to: { row: number; column: number } };
  addRow(values: unknown[]): RowWriter;
  commit(): void;
}
interface ZipEntryStream extends NodeJS.EventEmitter {
  readonly _writableState?: { readonly needDrain?: boolean };
}
interface RowWriter {
  getCell(column: number): { font?: unknown; style: { numFmt: string } };
  commit(): void;
}
interface BookWriter {
  addWorksheet(
    name: string,
    options: { views: { state: 'frozen'; ySplit: number; xSplit: number }[] },
  ): SheetWriter;
  commit(): Promise<unknown>;
}

/**
 * Writes `tables`, one sheet each (more when one is longer than a sheet), to the file at
 * `target` or into a stream.
 *
 * @example
 *   await writeXlsx('out/achievements.xlsx', [
 *     { name: 'achievements', columns: [{ header: 'amount', kind: 'money' }], rows: [['12.50']] },
 *   ]);
 */
export async function writeXlsx(
  target: string | Writable,
  tables: readonly XlsxTable[],
  options: XlsxOptions = {},
): Promise<void> {
  const { default: excel } = await import('exceljs');
  const stream = typeof target === 'string' ? createWriteStream(target) : target;
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const book = new excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  }) as unknown as BookWriter & { creator: string };
  book.creator = 'Resulta';
  const write = async () => {
    const names = new Set<string>();
    for (const table of tables) await writeTable(book, table, names, options);
    await book.commit();
  };
  await Promise.race([write(), failed]);
}

/** The workbook as bytes (the API's downloads; a bill statement is small). */
export async function xlsxBytes(
  tables: readonly XlsxTable[],
  options: XlsxOptions = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(sink, tables, options);
  return Buffer.concat(chunks);
}

async function writeTable(
  book: BookWriter,
  table: XlsxTable,
  names: Set<string>,
  options: XlsxOptions,
): Promise<void> {
  const perSheet = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  const rows = rowsOf(table.rows);
  const first = await take(rows, MEASURED_ROWS);
  const widths = columnWidths(table.columns, first);
  let sheet = openSheet(book, uniqueName(table.name, names), table.columns, widths);
  let inSheet = 0;
  let sheets = 1;
  for await (const row of chain(first, rows)) {
    if (inSheet === perSheet) {
      closeSheet(sheet, table.columns.length, inSheet);
      sheets += 1;
      sheet = openSheet(
        book,
        uniqueName(`${table.name} (${sheets})`, names),
        table.columns,
        widths,
      );
      inSheet = 0;
    }
    writeRow(sheet, table.columns, row);
    inSheet += 1;
    if (inSheet % 1_000 === 0) await drained(sheet);
  }
  closeSheet(sheet, table.columns.length, inSheet);
}

/**
 * One row, each cell given the one style object of its kind: ExcelJS recognises a style
 * object it has seen and reuses its id, where a fresh object per cell (a column's style is
 * copied into each) costs a lookup by content — most of the time of a large table.
 */
function writeRow(sheet: SheetWriter, columns: readonly XlsxColumn[], row: readonly XlsxCell[]) {
  const written = sheet.addRow(columns.map((c, i) => cellValue(row[i] ?? null, c.kind)));
  for (let i = 0; i < columns.length; i++) {
    const cell = row[i] ?? null;
    written.getCell(i + 1).style =
      STYLES[isTyped(cell) ? cell.kind : (columns[i] as XlsxColumn).kind];
  }
  written.commit();
}

/**
 * Waits while the sheet's XML waits to be compressed. ExcelJS writes a sheet into the zip
 * without heeding backpressure, so rows made faster than they compress would pile up in
 * memory (0.5 KB a row: 290 MB for 400,000 rows); the stream it writes into says when it is
 * full, and this waits for it to drain.
 */
async function drained(sheet: SheetWriter): Promise<void> {
  const into = sheet.stream?.pipes?.[0];
  // A readable-stream PassThrough (archiver's), older than the `writableNeedDrain` getter.
  if (into?._writableState?.needDrain) await once(into, 'drain');
  else await new Promise((r) => setImmediate(r));
}

function openSheet(
  book: BookWriter,
  name: string,
  columns: readonly XlsxColumn[],
  widths: readonly number[],
): SheetWriter {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c, i) => ({
    width: widths[i] ?? MIN_WIDTH,
    style: { numFmt: FORMATS[c.kind] },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  for (let i = 1; i <= columns.length; i++) header.getCell(i).font = HEADER_FONT;
  header.commit();
  return sheet;
}

function closeSheet(sheet: SheetWriter, columns: number, rows: number): void {
  // Filters over the header and every row, so sorting one column moves whole rows.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
  sheet.commit();
}

/** The value ExcelJS writes for a cell of this kind; throws on a value that is not one. */
function cellValue(cell: XlsxCell, columnKind: CellKind): string | number | boolean | Date | null {
  const typed = isTyped(cell);
  const kind = typed ? cell.kind : columnKind;
  const value = typed ? cell.value : cell;
  if (value === null || value === '') return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'money':
    case 'count':
      return numberOf(value, kind);
    case 'day':
      return value instanceof Date ? value : dayOf(String(value));
    case 'time':
      if (value instanceof Date) return value;
      break;
    case 'flag':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      break;
  }
  throw new Error(`an XLSX ${kind} cell cannot hold ${JSON.stringify(value)}`);
}

function isTyped(cell: XlsxCell): cell is TypedCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function numberOf(value: CellValue, kind: CellKind): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  throw new Error(`an XLSX ${kind} cell cannot hold ${JSON.stringify(value)}`);
}

/** A YYYY-MM-DD day as the Date of its midnight UTC, which ExcelJS turns into that day's serial. */
function dayOf(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`an XLSX day cell cannot hold ${JSON.stringify(text)}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Width in characters: the header or the widest of the first rows, as shown, within bounds. */
function columnWidths(
  columns: readonly XlsxColumn[],
  rows: readonly (readonly XlsxCell[])[],
): number[] {
  return columns.map((column, i) => {
    let widest = column.header.length + 2; // room for the filter button
    for (const row of rows) widest = Math.max(widest, shownLength(row[i] ?? null, column.kind));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 1));
  });
}

function shownLength(cell: XlsxCell, columnKind: CellKind): number {
  const typed = isTyped(cell);
  const kind = typed ? cell.kind : columnKind;
  const value = typed ? cell.value : cell;
  if (value === null) return 0;
  if (kind === 'day') return 10;
  if (kind === 'time') return 16;
  const text = String(value);
  // Thousands separators add a character per three digits of the whole part.
  if (kind === 'money') return text.length + Math.floor((text.split('.')[0] ?? '').length / 3);
  return text.length;
}

/** A sheet name Excel accepts and no other sheet of the workbook has. */
function uniqueName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 26)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function rowsOf(rows: XlsxRows): AsyncIterator<readonly XlsxCell[]> {
  if (Symbol.asyncIterator in rows) return rows[Symbol.asyncIterator]();
  const sync = rows[Symbol.iterator]();
  return { next: async () => sync.next() };
}

async function take<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

async function* chain<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
