/**
 * CSV lines as the spec's outputs write them: comma separated, quotes only where needed.
 *
 * Files meant for people (downloads a spreadsheet will open) ask for `neutraliseFormulas`:
 * a text cell starting with = + - @, tab or carriage return would run as a formula, so it
 * gets a leading ' (OWASP's advice for CSV injection), which spreadsheets show as text.
 * Plain numbers, negative ones included, are not formulas and stay as they are. Machine files
 * (engine outputs, evidence packs) are written byte for byte, without it.
 */
export interface CsvOptions {
  readonly neutraliseFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV line, ending in a newline; null is an empty cell.
 *
 * @example csvLine(['=1+1', '-12.50'], { neutraliseFormulas: true }) // "'=1+1,-12.50\n"
 */
export function csvLine(fields: readonly (string | null)[], options: CsvOptions = {}): string {
  const cells = fields.map((f) => {
    if (f === null) return '';
    const text = options.neutraliseFormulas ? neutralised(f) : f;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  });
  return `${cells.join(',')}\n`;
}

/** The cell as a spreadsheet will show it as text, never run it. */
export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
