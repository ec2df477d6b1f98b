/**
 * What a CSV file's bytes say about its cells: whether any cell may start or end with a
 * space, and whether any may hold a NUL. Most files have neither, and then the cell checks
 * skip the trimming and the NUL search (together about a sixth of the cost of loading an
 * employment file). A search for two single bytes, at memchr speed.
 *
 * It errs only one way: a space or a NUL anywhere after the header line, even inside a
 * value ("Buenos Aires"), counts, so a file said to have none has none in any cell.
 *
 * Only the start of the file is scanned before DuckDB reads it: scanning a national
 * employment file first held its read back by a quarter of a second. The rest is scanned as
 * the file is hashed (`CsvBytesScan` watches the digest's chunks), and a file found to hold
 * a space or a NUL further on is converted again (load-input.ts).
 */
import { open } from 'node:fs/promises';

export interface CsvBytes {
  /** Some byte after the first line is a space, so a cell may need trimming. */
  readonly spaces: boolean;
  /** Some byte is NUL. */
  readonly nul: boolean;
}

/** How much of a file is scanned before it is read: files with spaces show them early. */
export const START_BYTES = 8 << 20;

const SPACE = 0x20;
const NUL = 0x00;

/** Scans the chunks of a file given in order, from its first byte. */
export class CsvBytesScan {
  private spaces = false;
  private nul = false;
  private first = true;

  add(chunk: Buffer): void {
    this.nul ||= chunk.includes(NUL);
    this.spaces ||= (this.first ? chunk.subarray(headerEnd(chunk)) : chunk).includes(SPACE);
    this.first = false;
  }

  get done(): boolean {
    return this.spaces && this.nul;
  }

  get result(): CsvBytes {
    return { spaces: this.spaces, nul: this.nul };
  }
}

/**
 * Scans the first `limit` bytes (the whole file by default); `complete` says whether that
 * was the whole file.
 */
export async function scanCsvBytes(
  path: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<CsvBytes & { complete: boolean }> {
  const scan = new CsvBytesScan();
  // One buffer read into again and again: fresh buffers cost more than the search.
  const buffer = Buffer.allocUnsafe(1 << 20);
  const handle = await open(path, 'r');
  let scanned = 0;
  try {
    while (!scan.done) {
      if (scanned >= limit) return { ...scan.result, complete: false };
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      scan.add(buffer.subarray(0, bytesRead));
      scanned += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { ...scan.result, complete: true };
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
