/**
 * Limits on a zip archive (an XLSX workbook) before anything parses it, so a small file that
 * inflates to gigabytes (a zip bomb) is refused instead of exhausting memory:
 *
 * 1. The central directory: the number of files and the sum of their inflated sizes. This is
 *    free and refuses an honest bomb at once.
 * 2. The contents, walked the way the streaming parser reads them (local headers, one after
 *    another, from the start of the file): every entry is inflated into nothing and counted,
 *    and the walk stops as soon as the total passes the limit. A directory that lies about
 *    sizes, or data it does not list, cannot get more than the limit past this check.
 *
 * Memory stays at a few buffers of 64 KB whatever the archive holds; the cost is one extra
 * inflation of at most the limit.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import {
  NOT_A_ZIP,
  readAt,
  readZipDirectory,
  signatureBytes,
  ZipRefusal,
} from './zip-directory.js';

export { ZipRefusal } from './zip-directory.js';

export interface ZipLimits {
  /** Most bytes all files together may inflate to. */
  readonly maxInflatedBytes: number;
  /** Most files the archive may hold. */
  readonly maxEntries: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 200 * MB, maxEntries: 10_000 };

/** Small entries the caller asked to keep, inflated, by name. */
export type KeptEntries = ReadonlyMap<string, Buffer>;

/** Entries kept for the caller are small files (workbook.xml); larger ones are not kept. */
const KEEP_MAX = 4 * MB;

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const DESCRIPTOR = signatureBytes(0x08074b50);
/** A data descriptor as the parser reads it: signature, CRC, two sizes. */
const DESCRIPTOR_SIZE = 16;

const mb = (bytes: number) => Math.round(bytes / MB);

/**
 * Throws ZipRefusal, with a message for the person who sent the file, if the archive at
 * `path` is over a limit or is not a zip archive; returns the entries named in `keep`.
 */
export async function checkZipLimits(
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  keep: readonly string[] = [],
): Promise<KeptEntries> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tooMany = (count: number) =>
      count > limits.maxEntries
        ? new ZipRefusal(
            `the workbook holds ${count} files, more than the ${limits.maxEntries} Resulta reads (RESULTA_XLSX_MAX_FILES)`,
          )
        : undefined;
    const directory = await readZipDirectory(file, size, tooMany);
    const declared = directory.reduce((sum, e) => sum + e.inflatedSize, 0);
    if (declared > limits.maxInflatedBytes)
      throw new ZipRefusal(
        `the workbook would inflate to ${mb(declared)} MB, more than the ${mb(limits.maxInflatedBytes)} MB Resulta reads (RESULTA_XLSX_MAX_MB)`,
      );
    return await walkContents(path, file, size, limits, tooMany, new Set(keep));
  } finally {
    await file.close();
  }
}

/** Local entries in file order, as a streaming reader meets them, inflated and counted. */
async function walkContents(
  path: string,
  file: FileHandle,
  size: number,
  limits: ZipLimits,
  tooMany: (count: number) => ZipRefusal | undefined,
  keep: ReadonlySet<string>,
): Promise<KeptEntries> {
  const kept = new Map<string, Buffer>();
  let position = 0;
  let inflated = 0;
  let count = 0;
  for (;;) {
    const header = await readAt(file, position, LOCAL_SIZE);
    // The central directory (or anything else) ends the entries a streaming reader emits.
    if (header.length < LOCAL_SIZE || header.readUInt32LE(0) !== LOCAL_SIGNATURE) break;
    const refusal = tooMany(++count);
    if (refusal) throw refusal;
    const local = localEntry(header);
    const name = (await readAt(file, position + LOCAL_SIZE, local.nameLength)).toString('utf8');
    const start = position + LOCAL_SIZE + local.nameLength + local.extraLength;
    const end = local.sizeKnown ? start + local.compressedSize : await descriptorAt(file, start);
    if (end < 0 || end > size) throw damaged(name, 'it ends too soon');
    const chunks = keep.has(name) ? [] : undefined;
    inflated += await inflateInto(path, start, end, local.method, name, {
      budget: limits.maxInflatedBytes - inflated,
      limit: limits.maxInflatedBytes,
      chunks,
    });
    if (chunks && inflated <= limits.maxInflatedBytes) {
      const bytes = Buffer.concat(chunks);
      if (bytes.length <= KEEP_MAX) kept.set(name, bytes);
    }
    position = local.sizeKnown ? end : end + DESCRIPTOR_SIZE;
  }
  if (count === 0) throw new ZipRefusal(NOT_A_ZIP);
  return kept;
}

interface LocalEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly nameLength: number;
  readonly extraLength: number;
  /** False when the sizes follow the data (a data descriptor) instead of preceding it. */
  readonly sizeKnown: boolean;
}

function localEntry(header: Buffer): LocalEntry {
  const flags = header.readUInt16LE(6);
  const compressedSize = header.readUInt32LE(18);
  if (compressedSize === 0xffffffff || header.readUInt32LE(22) === 0xffffffff)
    throw new ZipRefusal(
      'the file is not an XLSX workbook Resulta reads: it uses ZIP64, meant for archives over 4 GB',
    );
  return {
    method: header.readUInt16LE(8),
    compressedSize,
    nameLength: header.readUInt16LE(26),
    extraLength: header.readUInt16LE(28),
    // The same test the streaming parser (unzipper) makes, so both find the same data.
    sizeKnown: (flags & 0x08) === 0 || compressedSize > 0,
  };
}

/** Where the data of an entry of unknown size ends: the next data descriptor signature. */
async function descriptorAt(file: FileHandle, start: number): Promise<number> {
  const step = 64 * 1024;
  for (let at = start; ; at += step - (DESCRIPTOR.length - 1)) {
    const chunk = await readAt(file, at, step);
    const found = chunk.indexOf(DESCRIPTOR);
    if (found >= 0) return at + found;
    if (chunk.length < step) return -1;
  }
}

/**
 * Inflates bytes `start`–`end` of the file (method 0 is stored as is; any other is deflate,
 * as the parser reads it) into nothing, keeping the chunks if asked; returns the inflated
 * length, or throws as soon as it passes `budget`.
 */
async function inflateInto(
  path: string,
  start: number,
  end: number,
  method: number,
  name: string,
  o: { budget: number; limit: number; chunks: Buffer[] | undefined },
): Promise<number> {
  if (end === start) return 0;
  let length = 0;
  const over = new ZipRefusal(
    `the workbook inflates to more than the ${mb(o.limit)} MB Resulta reads (RESULTA_XLSX_MAX_MB)`,
  );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      length += chunk.length;
      if (length > o.budget) return done(over);
      o.chunks?.push(chunk);
      done();
    },
  });
  const source = createReadStream(path, { start, end: end - 1 });
  try {
    if (method === 0) await pipeline(source, sink);
    else await pipeline(source, createInflateRaw(), sink);
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    throw damaged(name, error instanceof Error ? error.message : String(error));
  }
  return length;
}

function damaged(name: string, why: string): ZipRefusal {
  return new ZipRefusal(`the file is not an XLSX workbook: it is damaged (${name}: ${why})`);
}
