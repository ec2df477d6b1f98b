/**
 * Reads the entries of a zip archive one at a time, streaming, by its central directory
 * (zip-directory.ts): what the directory lists is all that is ever read, each entry from
 * where the directory says it lies. Meant for archives a person hands Resulta (an evidence
 * pack to verify), so each read is bounded:
 *
 * - the directory's count and the sum of its declared sizes are judged by the caller before
 *   anything is inflated (`readZipDirectory` refuses ZIP64 and what is not a zip);
 * - an entry inflates through a counter that stops it as soon as it passes its declared size,
 *   so a directory that lies gets no more than it declared, and a "better zip bomb" of
 *   overlapping entries no more than the declared total;
 * - names are never used as paths here: callers map the names they expect to files of their
 *   own choosing (`extractEntries`), so a name such as `../../.bashrc` reaches no disk.
 *
 * Only stored (0) and deflated (8) entries are read; encrypted ones are refused.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import {
  pipeline as pipelineCallback,
  Readable,
  Transform,
  type TransformCallback,
} from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { type Problem, problem } from '../domain/problem.js';
import { readAt, readZipDirectory, type ZipDirectoryEntry, ZipRefusal } from './zip-directory.js';

export type { ZipDirectoryEntry } from './zip-directory.js';

/** An archive or entry Resulta will not read, as a problem from the catalogue. */
export class ZipEntryRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'ZipEntryRefusal';
  }
}

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;

/**
 * The archive's directory; `maxEntries` bounds the count before the directory is read.
 * Throws ZipEntryRefusal when the file is no zip archive Resulta reads or holds too many.
 */
export async function zipDirectory(path: string, maxEntries: number): Promise<ZipDirectoryEntry[]> {
  const file = await open(path, 'r');
  let count: number | undefined;
  try {
    const { size } = await file.stat();
    return await readZipDirectory(file, size, (n) => {
      if (n <= maxEntries) return undefined;
      count = n;
      return new ZipRefusal(`${n} entries`);
    });
  } catch (error) {
    if (count !== undefined)
      throw new ZipEntryRefusal(problem('output.zip.too_many', { count, max: maxEntries }));
    if (error instanceof ZipRefusal) throw new ZipEntryRefusal(problem('output.zip.unreadable'));
    throw error;
  } finally {
    await file.close();
  }
}

/**
 * Inflates every entry named in `targets` into the file it maps to, in directory order.
 * Entries not named are not read. Throws ZipEntryRefusal for a damaged, encrypted or
 * oversized entry; what was written by then stays for the caller to remove with its folder.
 */
export async function extractEntries(
  path: string,
  entries: readonly ZipDirectoryEntry[],
  targets: ReadonlyMap<string, string>,
): Promise<void> {
  const file = await open(path, 'r');
  try {
    for (const entry of entries) {
      const target = targets.get(entry.name);
      if (target === undefined) continue;
      const bytes = entryBytes(path, entry, await dataStart(file, entry));
      const out = createWriteStream(target, { flags: 'wx' });
      await (entry.method === 8
        ? pipeline(bytes, createInflateRaw(), sizeGuard(entry), out)
        : pipeline(bytes, sizeGuard(entry), out)
      ).catch((error: unknown) => {
        if (error instanceof ZipEntryRefusal) throw error;
        throw damaged(entry.name, error instanceof Error ? error.message : String(error));
      });
    }
  } finally {
    await file.close();
  }
}

/**
 * The inflated bytes of one entry of the archive at `path`, as a stream (an error, such as
 * growing past its declared size, is the stream's error).
 */
export async function entryStream(path: string, entry: ZipDirectoryEntry): Promise<Readable> {
  const file = await open(path, 'r');
  let start: number;
  try {
    start = await dataStart(file, entry);
  } finally {
    await file.close();
  }
  const bytes = entryBytes(path, entry, start);
  const done = (error: NodeJS.ErrnoException | null) => void error;
  return entry.method === 8
    ? pipelineCallback(bytes, createInflateRaw(), sizeGuard(entry), done)
    : pipelineCallback(bytes, sizeGuard(entry), done);
}

/** Where the entry's data begins: after its local header, whose lengths the directory lacks. */
async function dataStart(file: FileHandle, entry: ZipDirectoryEntry): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, LOCAL_SIZE);
  if (header.length < LOCAL_SIZE || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw damaged(entry.name, 'no local header where the directory says');
  if ((header.readUInt16LE(6) & 1) !== 0)
    throw new ZipEntryRefusal(problem('output.zip.encrypted', { name: entry.name }));
  return entry.localHeaderOffset + LOCAL_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** The entry's stored bytes; only stored (0) and deflated (8) entries are read. */
function entryBytes(path: string, entry: ZipDirectoryEntry, start: number): Readable {
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipEntryRefusal(
      problem('output.zip.method', { name: entry.name, method: String(entry.method) }),
    );
  // createReadStream reads to `end` inclusive, so an empty entry needs a source of its own.
  return entry.compressedSize === 0
    ? Readable.from([])
    : createReadStream(path, { start, end: start + entry.compressedSize - 1 });
}

/** Passes the entry's bytes on, refusing it as soon as it grows past its declared size. */
function sizeGuard(entry: ZipDirectoryEntry): Transform {
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      length += chunk.length;
      if (length > entry.inflatedSize)
        return done(
          new ZipEntryRefusal(
            problem('output.zip.larger_than_declared', {
              name: entry.name,
              declared: entry.inflatedSize,
            }),
          ),
        );
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (length !== entry.inflatedSize)
        return done(
          damaged(entry.name, `${length} bytes where the directory says ${entry.inflatedSize}`),
        );
      done();
    },
  });
}

function damaged(name: string, reason: string): ZipEntryRefusal {
  return new ZipEntryRefusal(problem('output.zip.damaged', { name, reason }));
}
