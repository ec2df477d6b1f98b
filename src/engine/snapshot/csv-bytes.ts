/**
 * What a CSV file's bytes say about its cells before DuckDB reads it: whether any cell may
 * start or end with a space, and whether any may hold a NUL. Most files have neither, and
 * then the cell checks skip the trimming and the NUL search (together about a sixth of the
 * cost of loading an employment file). One scan for two single bytes (memchr speed).
 *
 * It errs only one way: a space or a NUL anywhere after the header line, even inside a
 * value ("Buenos Aires"), counts, so a file said to have none has none in any cell.
 */
import { createReadStream } from 'node:fs';

export interface CsvBytes {
  /** Some byte after the first line is a space, so a cell may need trimming. */
  readonly spaces: boolean;
  /** Some byte is NUL. */
  readonly nul: boolean;
}

const SPACE = 0x20;
const NUL = 0x00;

export async function scanCsvBytes(path: string): Promise<CsvBytes> {
  let spaces = false;
  let nul = false;
  let first = true;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 22,
  }) as AsyncIterable<Buffer>) {
    nul ||= chunk.includes(NUL);
    spaces ||= (first ? chunk.subarray(headerEnd(chunk)) : chunk).includes(SPACE);
    first = false;
    if (spaces && nul) break;
  }
  return { spaces, nul };
}

/**
 * Where the cells start in the first chunk: after its first line break (CR or LF). The
 * header ends there or later, so no cell is skipped; without a line break, nothing is.
 * Header names are trimmed on their own (csv-layout.ts).
 */
function headerEnd(chunk: Buffer): number {
  const lf = chunk.indexOf(0x0a);
  const cr = chunk.indexOf(0x0d);
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return end < 0 ? 0 : end + 1;
}
