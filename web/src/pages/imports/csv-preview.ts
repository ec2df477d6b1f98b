/**
 * The first rows of a CSV file, read in the browser for the preview: the separator is the
 * one the header line uses (`;` as spreadsheets write it in Spanish and French, or `,`),
 * quotes as RFC 4180 has them, a byte order mark dropped. Only the file's start is read;
 * the server checks the whole file.
 */

/** How much of the file the preview reads. */
const HEAD_BYTES = 256 * 1024;

export interface Preview {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export async function csvPreview(file: Blob, rows: number): Promise<Preview> {
  const text = (await file.slice(0, HEAD_BYTES).text()).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const records = parseRecords(text, delimiter, rows + 1, file.size > HEAD_BYTES);
  const [headers = [], ...rest] = records;
  return { headers, rows: rest };
}

/** Occurrences of `char` outside quotes. */
function count(line: string, char: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) n++;
  }
  return n;
}

/** Up to `limit` records; a record cut by the end of a partial read is left out. */
export function parseRecords(
  text: string,
  delimiter: string,
  limit: number,
  partial: boolean,
): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(cell);
    cell = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < text.length && records.length < limit) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += c;
    i++;
  }
  if (records.length < limit && !partial && (cell !== '' || record.length > 0)) endRecord();
  return records;
}
