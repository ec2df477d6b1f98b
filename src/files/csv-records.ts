/**
 * RFC 4180 records from CSV text held in memory: headers, the first lines of a file read to
 * tell its separator and decimal mark, and small files such as the engine's own outputs.
 * Large inputs are read by DuckDB, never by this.
 */

/** The characters a CSV file may separate its columns with (Excel writes `;` in es/fr). */
export type CsvDelimiter = ',' | ';' | '\t';

export function csvRecords(
  text: string,
  limit = Number.POSITIVE_INFINITY,
  delimiter: CsvDelimiter = ',',
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n') endRecord();
    else if (ch !== '\r') field += ch;
  }
  if (records.length < limit && (field !== '' || record.length > 0)) endRecord();
  return records;
}
