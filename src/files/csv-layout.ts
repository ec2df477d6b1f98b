/**
 * The layout of a CSV file: its first lines (header, separator and decimal mark are read
 * from them, csv-dialect.ts), and the row number (1-based, header = row 1, blank lines
 * counted) on which each record starts, which error messages need. Reading the rows
 * themselves is DuckDB's job; this only counts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** How much of a file is read to learn its header, separator and decimal mark. */
export const HEAD_BYTES = 1 << 16;

/** The first lines of a CSV file as text, BOM removed. */
export interface CsvHead {
  /** Whole lines only, unless the file ends within the bytes read. */
  readonly text: string;
  /** Whether `text` is the whole file. */
  readonly complete: boolean;
}

/**
 * The first `bytes` of a CSV file, cut after its last whole line: enough for the header and
 * a sample of records, never the whole of a large file. Null when the file holds nothing
 * but spaces.
 */
export async function readCsvHead(path: string, bytes = HEAD_BYTES): Promise<CsvHead | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const complete = bytesRead <= bytes;
    let data = buffer.subarray(0, Math.min(bytesRead, bytes));
    if (!complete) {
      const lastLine = data.lastIndexOf(LF);
      // A first line longer than the bytes read is kept whole as far as it goes.
      if (lastLine > 0) data = data.subarray(0, lastLine + 1);
    }
    let text = data.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim().length === 0) return null;
    return { text, complete };
  } finally {
    await handle.close();
  }
}

/**
 * Row numbers of the records with the given 0-based ordinals (data records after the
 * header, blank lines skipped). Scans the file once; used only to report problems.
 */
export async function csvRowNumbers(
  path: string,
  ordinals: readonly number[],
): Promise<Map<number, number>> {
  const wanted = new Set(ordinals);
  const found = new Map<number, number>();
  if (wanted.size === 0) return found;
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  let record = -2; // incremented at each record start: the header becomes −1, data rows 0, 1, …
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === LF) {
        if (!quoted) atRecordStart = true;
        line++;
        continue;
      }
      if (byte === CR && !quoted) continue;
      if (atRecordStart && !quoted) {
        atRecordStart = false;
        record++;
        if (wanted.has(record)) found.set(record, line);
        if (found.size === wanted.size) return found;
      }
      if (byte === QUOTE) quoted = !quoted;
    }
  }
  return found;
}
