/**
 * One streaming read of an input file: its SHA-256 (the snapshot's identity) and, for text
 * files, whether it is valid UTF-8 and on which line it stops being so. Whoever needs to
 * look at every byte too can watch the chunks go by rather than read the file again.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
  /** 1-based line of the first byte that is not UTF-8, when checked and found. */
  readonly notUtf8AtLine?: number;
}

/** Sees each chunk of the file in order; the chunk is valid only during the call. */
export type ChunkWatcher = (chunk: Buffer) => void;

export async function digestFile(
  path: string,
  checkUtf8: boolean,
  watch?: ChunkWatcher,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  // Bytes found valid so far, and where the first invalid line lies: the line number is
  // counted only then (counting lines as we go cost a third of the scan).
  let valid = 0;
  let bad: { start: number; line: number } | undefined;
  let carry = Buffer.alloc(0);
  for await (const chunk of chunksOf(path)) {
    hash.update(chunk);
    watch?.(chunk);
    bytes += chunk.length;
    if (!checkUtf8 || bad !== undefined) continue;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeUtf8Prefix(data);
    const whole = data.subarray(0, cut);
    if (!isUtf8(whole)) bad = { start: valid, line: firstBadLine(whole) };
    else valid += cut;
    carry = Buffer.from(data.subarray(cut));
  }
  if (checkUtf8 && bad === undefined && carry.length > 0) bad = { start: valid, line: 0 };
  const notUtf8AtLine = bad && 1 + (await newlinesBefore(path, bad.start)) + bad.line;
  return { sha256: hash.digest('hex'), bytes, ...(notUtf8AtLine ? { notUtf8AtLine } : {}) };
}

/**
 * The file's bytes in turn, read into one buffer again and again (fresh buffers cost more
 * than the hash): each chunk is valid until the next is asked for.
 */
async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Newlines in the first `end` bytes of the file. */
async function newlinesBefore(path: string, end: number): Promise<number> {
  let count = 0;
  if (end === 0) return count;
  for await (const chunk of createReadStream(path, { end: end - 1 }) as AsyncIterable<Buffer>) {
    count += countNewlines(chunk);
  }
  return count;
}

/** Length of the prefix that does not end inside a multi-byte sequence. */
function completeUtf8Prefix(data: Buffer): number {
  const end = data.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = data[end - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? end - back : end;
    }
  }
  return end;
}

function countNewlines(data: Buffer): number {
  let count = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) count++;
  return count;
}

/** Lines (0-based, relative to `data`) before the first line that is not valid UTF-8. */
function firstBadLine(data: Buffer): number {
  let line = 0;
  let start = 0;
  while (start < data.length) {
    const nl = data.indexOf(10, start);
    const end = nl < 0 ? data.length : nl;
    if (!isUtf8(data.subarray(start, end))) return line;
    line++;
    start = end + 1;
  }
  return line;
}
