/**
 * How a CSV file is written, read from its first lines only: the character between its
 * columns (`,`, or `;` and tab as Excel writes CSV in Spanish and French) and the decimal
 * mark of its numbers. Never a silent guess: when the first lines allow two readings, the
 * answer says so, and the caller asks the user to choose (`--delimiter`, `--decimal`).
 *
 * @example detectDelimiter('participant_id;provider_id\nP1;prov-a\n', () => false)  // ';'
 */
import { type CsvDelimiter, csvRecords } from './csv-records.js';

export type DecimalMark = '.' | ',';

export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** A separator, or the ones the first lines allow when they allow more than one. */
export type DelimiterFound =
  | { readonly delimiter: CsvDelimiter }
  | { readonly unclear: readonly CsvDelimiter[] };

/** The header and the sampled records of a file's first lines, read with one separator. */
export interface CsvSample {
  readonly header: string[];
  readonly records: string[][];
}

/** Records read to tell the separator: enough to see a pattern, few enough to stay cheap. */
const SAMPLE_RECORDS = 200;

/**
 * The header and up to 200 records of `head` (the file's first lines), blank lines left out.
 * When `head` is not the whole file its last record may be cut short, so it is dropped.
 */
export function sampleCsv(head: string, delimiter: CsvDelimiter, complete = true): CsvSample {
  const records = csvRecords(head, SAMPLE_RECORDS + 2, delimiter).filter(
    (r) => r.length > 1 || (r[0] ?? '').trim() !== '',
  );
  if (!complete && records.length > 1) records.pop();
  const [header = [], ...rest] = records;
  return { header, records: rest.slice(0, SAMPLE_RECORDS) };
}

/**
 * The separator of a file from its first lines. A header that splits on one candidate only
 * settles it (most files). When it splits on several, the candidate that splits every
 * sampled record into as many fields as the header wins; if that leaves several, the one
 * whose header names the table's columns (`fits`). Otherwise the answer is unclear. A
 * header that splits on none is one column: `,`, and the header check reports what is
 * missing.
 */
export function detectDelimiter(
  head: string,
  fits: (header: readonly string[]) => boolean,
  complete = true,
): DelimiterFound {
  const samples = DELIMITERS.map((delimiter) => ({
    delimiter,
    ...sampleCsv(head, delimiter, complete),
  })).filter((s) => s.header.length > 1);
  const only = (list: typeof samples) =>
    list.length === 1 ? { delimiter: (list[0] as (typeof samples)[number]).delimiter } : null;
  if (samples.length === 0) return { delimiter: ',' };
  const consistent = samples.filter((s) => s.records.every((r) => r.length === s.header.length));
  const pool = consistent.length > 0 ? consistent : samples;
  return (
    only(samples) ??
    only(consistent) ??
    only(pool.filter((s) => fits(s.header))) ?? { unclear: pool.map((s) => s.delimiter) }
  );
}

/** The first cell written with each decimal mark (`1234,50`, `1234.50`), if any. */
export interface DecimalCells {
  readonly comma?: string;
  readonly point?: string;
}

const WITH_COMMA = /^-?\d+,\d+$/;
const WITH_POINT = /^-?\d+\.\d+$/;

/** Which decimal marks the cells show; integers and other text show neither. */
export function decimalCells(cells: readonly string[]): DecimalCells {
  let comma: string | undefined;
  let point: string | undefined;
  for (const raw of cells) {
    const cell = raw.trim();
    comma ??= WITH_COMMA.test(cell) ? cell : undefined;
    point ??= WITH_POINT.test(cell) ? cell : undefined;
    if (comma && point) break;
  }
  return { ...(comma ? { comma } : {}), ...(point ? { point } : {}) };
}

/** How a separator is named to people: `;`, `,` or `tab`. */
export function delimiterName(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
