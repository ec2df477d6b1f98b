/**
 * Reads one sheet of an XLSX workbook, the first tab unless another is named (for workbooks
 * whose first sheet is a cover page), as text cells in their plain form
 * (spec §1): integers as digits, dates as YYYY-MM-DD, booleans as true/false, `_xHHHH_`
 * escapes decoded. A formula is refused, not evaluated: its cached result may be stale, and a
 * bill must not depend on it. So is text no table can hold faithfully (an unpaired surrogate,
 * written `_xD800_`; a NUL is refused by the column checks, as in every format). So is a cell
 * whose value does not fit its type (a number cell holding text, a shared string the workbook
 * does not hold): it is reported with its reference, never read as NaN or as empty. Cells and
 * rows without their optional reference are read by position (xlsx-cells.ts).
 *
 * A workbook is a zip archive, and a small one can inflate to gigabytes. So each is checked
 * against limits before it is parsed (zip-limits.ts: RESULTA_XLSX_MAX_MB, default 200, and
 * RESULTA_XLSX_MAX_FILES, default 10,000), parsed streaming (ExcelJS's WorkbookReader: rows as
 * they come, never the whole workbook at once), and at most RESULTA_XLSX_PARALLEL (default 2)
 * are parsed at a time in a process; the others wait.
 */
import type { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { type Problem, problem } from '../domain/problem.js';
import { Semaphore } from './semaphore.js';
import {
  type CellFault,
  type CellRead,
  type RowRead,
  type SharedString,
  type WorkbookParts,
  worksheetRows,
} from './xlsx-cells.js';
import { checkZipLimits, type KeptEntries, type ZipLimits } from './zip-limits.js';

export interface Sheet {
  readonly header: string[];
  /** Data rows with their sheet row numbers; blank rows are skipped. */
  readonly rows: { readonly row: number; readonly cells: (string | null)[] }[];
  readonly problems: Problem[];
}

export interface XlsxOptions {
  /** Limits on the archive; by default from the environment (see the module header). */
  readonly limits?: ZipLimits;
  /**
   * The sheet to read, by its tab's name (matched without regard to case and surrounding
   * spaces); the first tab when absent.
   */
  readonly sheet?: string;
}

/** The workbook has no sheet of the name asked for; `sheets` are the names it has. */
export class NoSuchSheet extends Error {
  override readonly name = 'NoSuchSheet';
  constructor(
    readonly sheet: string,
    readonly sheets: readonly string[],
  ) {
    super(`the workbook has no sheet "${sheet}"`);
  }
}

const MB = 1024 * 1024;
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** The workbooks being parsed in this process: one bound for every caller, by design. */
export const xlsxParsing = new Semaphore(positiveSetting('RESULTA_XLSX_PARALLEL', 2));

/** The limits set in the environment, or the defaults. */
export function xlsxLimits(env: NodeJS.ProcessEnv = process.env): ZipLimits {
  return {
    maxInflatedBytes: positiveSetting('RESULTA_XLSX_MAX_MB', 200, env) * MB,
    maxEntries: positiveSetting('RESULTA_XLSX_MAX_FILES', 10_000, env),
  };
}

// Read when the module loads, like RESULTA_XLSX_PARALLEL, so a bad value stops the server
// or the command at start rather than failing each upload.
const ENV_LIMITS = xlsxLimits();

/**
 * The first sheet of the workbook at `path` (named `file` in problems), or the sheet
 * `options.sheet` names, or null when it has no rows; throws ZipRefusal when the workbook
 * is over a limit or not a workbook, NoSuchSheet when it has no sheet of that name.
 */
export function readFirstSheet(
  path: string,
  file: string,
  options: XlsxOptions = {},
): Promise<Sheet | null> {
  return xlsxParsing.run(async () => {
    const kept = await checkZipLimits(path, options.limits ?? ENV_LIMITS, [
      WORKBOOK,
      WORKBOOK_RELS,
    ]);
    const tabs = sheetTabs(kept);
    if (options.sheet === undefined) return readSheet(path, file, tabs?.[0]?.number);
    const wanted = options.sheet.trim().toLowerCase();
    const tab = tabs?.find((t) => t.name.trim().toLowerCase() === wanted);
    if (!tab?.number) throw new NoSuchSheet(options.sheet, tabs?.map((t) => t.name) ?? []);
    return readSheet(path, file, tab.number);
  });
}

/**
 * Streams the workbook and reads the sheet stored as `xl/worksheets/sheet<number>.xml` (or
 * the first met, when the tab order is unknown). Every other sheet is drained unread, so the
 * reader finishes and removes the temporary files it keeps for sheets met early. ExcelJS
 * finds the parts (shared strings, styles, sheets); the sheet's XML is read by xlsx-cells.ts.
 */
async function readSheet(path: string, file: string, number?: string): Promise<Sheet | null> {
  // Loaded on demand: the library takes a third of a second to load, and most runs read CSV or Parquet.
  const { default: excel } = await import('exceljs');
  const input = createReadStream(path);
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // The reader is an EventEmitter at run time; its typings omit it. Each worksheet is
  // announced with its file's number just before it is handed over.
  let announced: string | undefined;
  (reader as unknown as EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    if (e.type === 'worksheet') announced = e.id;
  });
  let sheet: Sheet | null | undefined;
  try {
    for await (const worksheet of reader) {
      const xml = (worksheet as unknown as WorksheetReader).iterator;
      const wanted = sheet === undefined && (number === undefined || announced === number);
      if (wanted) sheet = await readRows(worksheetRows(xml, partsOf(reader)), file);
      else for await (const _ of xml); // drained unread
    }
  } finally {
    input.destroy();
  }
  return sheet ?? null;
}

/**
 * What ExcelJS's streaming reader holds at run time beyond its typings (exceljs 4.4:
 * lib/stream/xlsx/workbook-reader.js and worksheet-reader.js).
 */
interface WorksheetReader {
  /** The sheet's XML as it streams. */
  readonly iterator: AsyncIterable<Uint8Array | string>;
}
interface WorkbookReaderParts {
  readonly sharedStrings?: SharedString[];
  /** Its model is unset when the workbook has no styles part. */
  readonly styles?: {
    model?: { styles?: unknown };
    getStyleModel(id: number): { numFmt?: string } | null;
  };
  readonly properties?: { model?: { date1904?: boolean } };
}

function partsOf(reader: unknown): WorkbookParts {
  const { sharedStrings, styles, properties } = reader as WorkbookReaderParts;
  return {
    sharedStrings,
    numberFormat: (s) => (styles?.model?.styles ? styles.getStyleModel(s)?.numFmt : undefined),
    date1904: properties?.model?.date1904 === true,
  };
}

async function readRows(sheetRows: AsyncIterable<RowRead>, file: string): Promise<Sheet | null> {
  const problems: Problem[] = [];
  let header: string[] | undefined;
  const rows: Sheet['rows'] = [];
  for await (const row of sheetRows) {
    if (header === undefined) {
      // A sheet whose first row is blank has no header, as before streaming.
      header = row.number === 1 ? headerOf(row, file, problems) : [];
      if (row.number === 1) continue;
    }
    const cells = header.map((column, i) =>
      cellValue(row.cells.get(i + 1), (fault) =>
        problems.push(problem(fault.code, fault.params, { file, row: row.number, column })),
      ),
    );
    if (cells.some((c) => c !== null && c !== '')) rows.push({ row: row.number, cells });
  }
  if (header === undefined) return null;
  return { header, rows, problems };
}

function headerOf(row: RowRead, file: string, problems: Problem[]): string[] {
  const header: string[] = [];
  const width = Math.max(0, ...row.cells.keys());
  for (let c = 1; c <= width; c++) {
    const refuse: Refuse = (fault) =>
      problems.push(problem(fault.code, fault.params, { file, row: 1, column: `column ${c}` }));
    header.push(cellValue(row.cells.get(c), refuse) ?? '');
  }
  while (header.length > 0 && header.at(-1) === '') header.pop();
  return header;
}

type Refuse = (fault: CellFault) => void;

/** A cell's text, or null; `refuse` hears what is wrong with it (a formula, bad text, a bad value). */
function cellValue(cell: CellRead | undefined, refuse: Refuse): string | null {
  if (cell === undefined) return null;
  if (cell.problem) {
    refuse(cell.problem);
    return null;
  }
  const surrogate = cell.text === null ? undefined : loneSurrogate(cell.text);
  if (surrogate) refuse({ code: 'input.cell.surrogate', params: surrogate });
  return cell.text;
}

/**
 * The first unpaired UTF-16 surrogate of `text` (no table can hold one faithfully, see
 * domain/text.ts): its code unit in hex and its 1-based character position.
 */
function loneSurrogate(text: string): { unit: string; at: string } | undefined {
  let at = 0;
  // The string iterator yields a well-formed pair as one character, a lone half on its own.
  for (const character of text) {
    at++;
    const unit = character.charCodeAt(0);
    if (character.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return { unit: unit.toString(16).toUpperCase(), at: String(at) };
    }
  }
  return undefined;
}

/** A tab of the workbook: its name, and the N of `xl/worksheets/sheetN.xml` holding it. */
interface SheetTab {
  readonly name: string;
  readonly number: string | undefined;
}

/**
 * The workbook's tabs in order, read from the workbook and its relationships; undefined when
 * they do not say (the first sheet met is then read, and no sheet can be named).
 */
function sheetTabs(kept: KeptEntries): SheetTab[] | undefined {
  const workbook = kept.get(WORKBOOK)?.toString('utf8');
  const rels = kept.get(WORKBOOK_RELS)?.toString('utf8');
  if (!workbook || !rels) return undefined;
  const targets = new Map<string, string>();
  for (const rel of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = /\sId="([^"]+)"/.exec(rel)?.[1];
    const target = /\sTarget="([^"]+)"/.exec(rel)?.[1] ?? '';
    const number = /^(?:\/?xl\/)?worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
    if (id && number) targets.set(id, number);
  }
  return (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).map((tag) => {
    // The relationship id attribute: `r:id` with whatever prefix (not `sheetId`).
    const id = /\s(?:[\w.-]+:)?id="([^"]+)"/.exec(tag)?.[1];
    const name = xmlText(/\sname="([^"]*)"/.exec(tag)?.[1] ?? '');
    return { name, number: id ? targets.get(id) : undefined };
  });
}

/** An XML attribute's text with its entity and character references decoded. */
function xmlText(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref] ?? whole;
  });
}

/** A whole number of at least 1 from the environment, or `fallback` when unset. */
function positiveSetting(name: string, fallback: number, env = process.env): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${text}"`);
  return value;
}
