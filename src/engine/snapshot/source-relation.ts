/**
 * How each file format becomes a relation of columns, and how a typed column reads as
 * the plain text the spec defines (an integer as its digits, a date as YYYY-MM-DD).
 */
import type { CsvDelimiter } from '../../files/csv-records.js';
import type { Dialect } from '../sql/dialect.js';

export interface SourceColumn {
  /** The name Resulta reads the column by (after mapping and matching, header-names.ts). */
  readonly name: string;
  /** The header as the user wrote it, trimmed: how problems name the column. */
  readonly shown?: string;
  /** The DuckDB type of the column as stored in the file (VARCHAR for CSV and XLSX). */
  readonly type: string;
}

export const sourceRelation = {
  /**
   * A CSV file read as text columns named `names` (DuckDB takes the names given here over
   * the header line's, which is how a header is renamed without touching the data).
   */
  csv(d: Dialect, path: string, names: readonly string[], delimiter: CsvDelimiter = ','): string {
    const columns = names.map((name) => `${d.string(name)}: 'VARCHAR'`).join(', ');
    return `read_csv(${d.string(path)}, header = true, delim = ${d.string(delimiter)}, quote = '"', escape = '"', auto_detect = false, strict_mode = true, allow_quoted_nulls = true, columns = {${columns}})`;
  },

  /** The trimmed text of a column, NULL when empty. */
  text(d: Dialect, column: SourceColumn): string {
    const c = d.ident(column.name);
    const type = column.type.toUpperCase();
    let text: string;
    if (type === 'VARCHAR') text = c;
    else if (type === 'BOOLEAN') text = `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`;
    else if (type === 'DOUBLE' || type === 'FLOAT') {
      text = `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`;
    } else text = `CAST(${c} AS VARCHAR)`;
    return `NULLIF(${d.trimSpaces(text)}, '')`;
  },
};
