/**
 * Reads the rows of one worksheet's XML as it streams, each cell as plain text or as what is
 * wrong with it. ExcelJS's own row reader is not used: it crashes on cells without their
 * optional `r` reference, reads a number cell holding text as NaN and a shared string the
 * workbook lacks as an empty cell. Here a cell or row without a reference takes the next
 * column or row (ECMA-376 §18.3.1.4, §18.3.1.73), and a value that does not fit its type is
 * reported, never misread.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { MessageCode } from '../domain/messages/catalogue.js';
import type { Params } from '../domain/messages/render.js';

/** A shared string as ExcelJS's WorkbookReader caches it. */
export type SharedString = string | { richText: { text: string }[] };

/** What the cells need from the workbook: its shared strings, number formats and date system. */
export interface WorkbookParts {
  readonly sharedStrings?: readonly SharedString[];
  /** The number format of cell style `s` (tells dates from numbers), if it has one. */
  readonly numberFormat: (s: number) => string | undefined;
  readonly date1904: boolean;
}

/** What is wrong with a cell: a catalogue code and its parameters. */
export interface CellFault {
  readonly code: MessageCode;
  readonly params: Params;
}

/** A cell read: its text (null when empty), or what is wrong with it. */
export type CellRead =
  | { readonly text: string | null; readonly problem?: undefined }
  | { readonly text: null; readonly problem: CellFault };

export interface RowRead {
  readonly number: number;
  /** Cells by column number, from 1. */
  readonly cells: ReadonlyMap<number, CellRead>;
}

/** The `<c>` element being read. */
interface OpenCell {
  ref: string;
  type: string;
  style?: number;
  formula?: string;
  value?: string;
  inline?: string;
}

/** Rows of the worksheet XML in `chunks`, in order, as each ends. */
export async function* worksheetRows(
  chunks: AsyncIterable<Uint8Array | string>,
  parts: WorkbookParts,
): AsyncGenerator<RowRead> {
  const parser = new SaxesParser();
  const state = new SheetState(parts);
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => state.open(tag));
  parser.on('text', (text) => state.text(text));
  parser.on('closetag', (tag) => state.close(tag.name));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield* state.take();
  }
  parser.close();
  if (error) throw error;
  yield* state.take();
}

/** Where the parser is in the sheet, and the rows it has finished. */
class SheetState {
  private rowNumber = 0;
  private column = 0;
  private row: Map<number, CellRead> | undefined;
  private cell: OpenCell | undefined;
  /** The element whose text is being kept: `f`, `v`, or `t` of an inline string. */
  private into: 'formula' | 'value' | 'inline' | undefined;
  /** Inside a phonetic run of an inline string, whose text is not the cell's. */
  private phonetic = false;
  private done: RowRead[] = [];

  constructor(private readonly parts: WorkbookParts) {}

  take(): RowRead[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }

  open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (name === 'row') {
      this.rowNumber = rowNumber(tag.attributes.r, this.rowNumber);
      this.column = 0;
      this.row = new Map();
    } else if (name === 'c' && this.row) {
      const ref = tag.attributes.r;
      this.column = ref === undefined ? this.column + 1 : columnOf(ref);
      this.cell = {
        ref: ref ?? `${columnLetters(this.column)}${this.rowNumber}`,
        type: tag.attributes.t ?? 'n',
        style: tag.attributes.s === undefined ? undefined : Number(tag.attributes.s),
      };
    } else if (this.cell) {
      this.openInCell(name);
    }
  }

  private openInCell(name: string): void {
    const cell = this.cell as OpenCell;
    if (name === 'f') {
      cell.formula = '';
      this.into = 'formula';
    } else if (name === 'v') {
      cell.value = '';
      this.into = 'value';
    } else if (name === 'is') {
      cell.inline = '';
    } else if (name === 'rPh') {
      this.phonetic = true;
    } else if (name === 't' && cell.inline !== undefined && !this.phonetic) {
      this.into = 'inline';
    }
  }

  text(text: string): void {
    const cell = this.cell;
    if (!cell || !this.into) return;
    cell[this.into] = (cell[this.into] ?? '') + text;
  }

  close(tagName: string): void {
    const name = localName(tagName);
    if (name === 'rPh') this.phonetic = false;
    else if (name === 'f' || name === 'v' || name === 't') this.into = undefined;
    else if (name === 'c' && this.cell && this.row) {
      this.row.set(this.column, cellRead(this.cell, this.parts));
      this.cell = undefined;
    } else if (name === 'row' && this.row) {
      this.done.push({ number: this.rowNumber, cells: this.row });
      this.row = undefined;
    }
  }
}

/** The cell's text or its problem, by its type (ECMA-376 ST_CellType). */
function cellRead(cell: OpenCell, parts: WorkbookParts): CellRead {
  if (cell.formula !== undefined) {
    // A shared formula's other cells carry no text of their own.
    return cell.formula
      ? refused('input.cell.formula', { ref: cell.ref, formula: cell.formula })
      : refused('input.cell.formula_shared', { ref: cell.ref });
  }
  if (cell.type === 'inlineStr') return textCell(cell.inline ?? cell.value);
  const value = cell.value;
  if (value === undefined) return { text: null }; // a styled cell with no value
  switch (cell.type) {
    case 's':
      return sharedString(cell.ref, value, parts.sharedStrings);
    case 'str':
      return textCell(value);
    case 'b':
      if (value === '0' || value === '1') return { text: value === '1' ? 'true' : 'false' };
      return refused('input.cell.not_boolean', { ref: cell.ref, value });
    case 'e':
      return { text: value }; // an error value such as #N/A, as the spreadsheet shows it
    case 'd':
      if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return { text: value.slice(0, 10) };
      return refused('input.cell.not_iso_date', { ref: cell.ref, value });
    case 'n':
      return numberCell(cell, value, parts);
    default:
      return refused('input.cell.unknown_type', { ref: cell.ref, type: cell.type });
  }
}

function sharedString(
  ref: string,
  value: string,
  strings: readonly SharedString[] | undefined,
): CellRead {
  const index = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  const shared = Number.isSafeInteger(index) ? strings?.[index] : undefined;
  if (shared === undefined)
    return refused('input.cell.missing_shared_string', { ref, index: value.trim() });
  return textCell(
    typeof shared === 'string' ? shared : shared.richText.map((t) => t.text).join(''),
  );
}

function textCell(text: string | undefined): CellRead {
  return { text: text === undefined ? null : unescapeXstring(text) };
}

/**
 * Spreadsheets write characters XML cannot carry as `_xHHHH_` (ECMA-376 ST_Xstring), and a
 * literal `_x` that would read as one as `_x005F_x`. One pass from the left undoes both.
 */
function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

// An xsd:double as spreadsheets write it; parseFloat alone would read "12abc" as 12.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberCell(cell: OpenCell, value: string, parts: WorkbookParts): CellRead {
  const number = NUMBER.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number))
    return refused('input.cell.not_a_number_cell', { ref: cell.ref, value });
  const style = cell.style;
  if (style !== undefined && isDateFormat(parts.numberFormat(style)))
    return { text: excelDate(number, parts.date1904).toISOString().slice(0, 10) };
  return { text: plainNumber(number) };
}

/** A number format that shows a date or time (ExcelJS's rule: y, m, d, h, s or b outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The date of a spreadsheet serial day number (1900 or 1904 system), as ExcelJS reads it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A spreadsheet number as text: `7` not `7.0`, and never exponent notation. */
function plainNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  return text.includes('e') ? value.toFixed(10).replace(/0+$/, '') : text;
}

function refused(code: MessageCode, params: Params): CellRead {
  return { text: null, problem: { code, params } };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function rowNumber(ref: string | undefined, previous: number): number {
  if (ref === undefined) return previous + 1;
  if (!/^\d+$/.test(ref) || Number(ref) < 1)
    throw new Error(`the worksheet has a row numbered "${ref}"`);
  return Number(ref);
}

/** The column number of a cell reference such as `AB12` (A is 1). */
function columnOf(ref: string): number {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref)?.[1];
  if (!letters) throw new Error(`the worksheet has a cell referenced "${ref}"`);
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
