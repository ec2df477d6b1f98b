/**
 * CSV lines as the spec's outputs write them: comma separated, quotes only where needed.
 *
 * Files meant for people (downloads a spreadsheet will open) ask for `neutraliseFormulas`:
 * a text cell starting with = + - @, tab or carriage return would run as a formula, so it
 * gets a leading ' (OWASP's advice for CSV injection), which spreadsheets show as text.
 * Plain numbers, negative ones included, are not formulas and stay as they are. Machine files
 * (engine outputs, evidence packs) are written byte for byte, without it.
 *
 * Files for people may also be laid out for a spreadsheet in a Spanish or French locale,
 * which reads `;` as the separator and `,` as the decimal mark, and for spreadsheets that
 * only take a file as UTF-8 when it starts with a byte order mark (`PeopleCsv`).
 */
import type { ColumnKind } from '../domain/output-columns.js';

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  readonly neutraliseFormulas?: boolean;
  /** `,` by default; `;` for spreadsheets whose decimal mark is the comma. */
  readonly delimiter?: CsvDelimiter;
}

/**
 * How a CSV file for people is laid out: a UTF-8 byte order mark first or not, and the
 * separator. With `;`, amounts take the decimal comma (`1234,50`), as such a spreadsheet
 * reads them; with `,`, the decimal point.
 */
export interface PeopleCsv {
  readonly bom: boolean;
  readonly delimiter: CsvDelimiter;
}

/** What a CSV file for people looks like unless asked otherwise: the machine layout, formulas neutralised. */
export const PLAIN_PEOPLE_CSV: PeopleCsv = { bom: false, delimiter: ',' };

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;
const NEEDS_QUOTES: Record<CsvDelimiter, RegExp> = { ',': /[",\n\r]/, ';': /[";\n\r]/ };

/**
 * One CSV line, ending in a newline; null is an empty cell.
 *
 * @example csvLine(['=1+1', '-12.50'], { neutraliseFormulas: true }) // "'=1+1,-12.50\n"
 */
export function csvLine(fields: readonly (string | null)[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const quote = NEEDS_QUOTES[delimiter];
  const cells = fields.map((f) => {
    if (f === null) return '';
    const text = options.neutraliseFormulas ? neutralised(f) : f;
    return quote.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  });
  return `${cells.join(delimiter)}\n`;
}

/**
 * One row of an output table in a file for people: formulas neutralised, amounts (the
 * columns of kind `money`) with the decimal mark that goes with the separator.
 *
 * @example peopleCsvLine(['P01', '1234.50'], ['text', 'money'], { bom: false, delimiter: ';' }) // "P01;1234,50\n"
 */
export function peopleCsvLine(
  fields: readonly (string | null)[],
  kinds: readonly ColumnKind[],
  layout: PeopleCsv,
): string {
  const cells = fields.map((f, i) =>
    f !== null && kinds[i] === 'money' ? decimalMark(f, layout.delimiter) : f,
  );
  return csvLine(cells, { neutraliseFormulas: true, delimiter: layout.delimiter });
}

/** The start of a CSV file for people: the byte order mark when asked for, else nothing. */
export function peopleCsvStart(layout: PeopleCsv): string {
  return layout.bom ? UTF8_BOM : '';
}

/** `1234.50` as the delimiter's spreadsheet reads it: `1234,50` with `;`, unchanged with `,`. */
export function decimalMark(amount: string, delimiter: CsvDelimiter): string {
  return delimiter === ';' ? amount.replace('.', ',') : amount;
}

/** The cell as a spreadsheet will show it as text, never run it. */
export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
