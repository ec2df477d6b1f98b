/**
 * What the user says of how their files are written, for every input of a run: the CSV
 * separator and decimal mark (detected when not given), the text encoding, the column
 * mapping, and the XLSX sheet to read per table.
 */
import type { DecimalMark } from '../../files/csv-dialect.js';
import type { CsvDelimiter } from '../../files/csv-records.js';
import type { ColumnMapping } from './column-mapping.js';
import type { InputRole } from './input-tables.js';
import type { TextEncoding } from './load-input.js';

export interface InputReading {
  readonly delimiter?: CsvDelimiter;
  readonly decimal?: DecimalMark;
  readonly encoding?: TextEncoding;
  readonly columns?: ColumnMapping;
  /** The sheet to read in each XLSX input; the first when absent. */
  readonly sheets?: Readonly<Partial<Record<InputRole, string>>>;
}
