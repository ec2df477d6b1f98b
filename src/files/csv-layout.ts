/**
 * The layout of a CSV file that error messages need: its header names, and the row number
 * (1-based, header = row 1, blank lines counted) on which each record starts. Reading the
 * rows themselves is DuckDB's job; this only counts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { csvRecords } from './csv-records.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Header names of a CSV file (BOM removed, quotes honoured); null when the file is empty. */
export async function readCsvHeader(path: string): Promise<string[] | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim().length === 0) return null;
    return (csvRecords(text, 1)[0] ?? []).map((name) => name.trim());
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
