/**
 * What a CSV file's bytes say about its cells before DuckDB reads it: whether any cell may
 * start or end with a space, and whether any may hold a NUL. Most files have neither, and
 * then the cell checks skip the trimming and the NUL search (together about a sixth of the
 * cost of loading an employment file). One scan for two single bytes (memchr speed).
 *
 * It errs only one way: a space or a NUL anywhere after the header line, even inside a
 * value ("Buenos Aires"), counts, so a file said to have none has none in any cell.
 */
import { open } from 'node:fs/promises';

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
  // One buffer read into again and again: fresh buffers cost more than the search.
  const buffer = Buffer.allocUnsafe(1 << 20);
  const handle = await open(path, 'r');
  try {
    for (let first = true; !(spaces && nul); first = false) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      nul ||= chunk.includes(NUL);
      spaces ||= (first ? chunk.subarray(headerEnd(chunk)) : chunk).includes(SPACE);
    }
  } finally {
    await handle.close();
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
