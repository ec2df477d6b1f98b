/**
 * The central directory of a zip archive (an XLSX workbook is one), read from the end of the
 * file without inflating anything: what the archive says it holds. It can lie; zip-limits.ts
 * checks the contents as well. ZIP64 archives (over 4 GB or 65,535 files) are refused: no
 * workbook Resulta reads is that large.
 */
import type { FileHandle } from 'node:fs/promises';

/** A zip archive Resulta will not read, and why, in words for the person who sent it. */
export class ZipRefusal extends Error {
  override readonly name = 'ZipRefusal';
}

export interface ZipDirectoryEntry {
  readonly name: string;
  /** The size the directory says the entry inflates to. */
  readonly inflatedSize: number;
  /** Where its data is, as the directory says (zip-entries.ts reads entries by these). */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

export const NOT_A_ZIP = 'the file is not an XLSX workbook: it is not a zip archive';

const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ENTRY_SIGNATURE = 0x02014b50;
const ENTRY_SIZE = 46;

/**
 * The directory's entries. `tooMany` judges the count the end record gives before the
 * directory itself is read, so a directory of millions of entries is never loaded.
 */
export async function readZipDirectory(
  file: FileHandle,
  size: number,
  tooMany: (count: number) => ZipRefusal | undefined,
): Promise<ZipDirectoryEntry[]> {
  const tailLength = Math.min(size, END_SIZE + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  const end = tail.lastIndexOf(signatureBytes(END_SIGNATURE));
  if (end < 0 || end + END_SIZE > tail.length) throw new ZipRefusal(NOT_A_ZIP);
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  const zip64 =
    count === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff ||
    (end >= 20 && tail.readUInt32LE(end - 20) === ZIP64_LOCATOR_SIGNATURE);
  if (zip64)
    throw new ZipRefusal(
      'the file is not an XLSX workbook Resulta reads: it uses ZIP64, meant for archives over 4 GB',
    );
  const refusal = tooMany(count);
  if (refusal) throw refusal;
  if (directoryOffset + directorySize > size - tailLength + end) throw new ZipRefusal(NOT_A_ZIP);
  return parseEntries(await readAt(file, directoryOffset, directorySize), count);
}

function parseEntries(directory: Buffer, count: number): ZipDirectoryEntry[] {
  const entries: ZipDirectoryEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + ENTRY_SIZE > directory.length || directory.readUInt32LE(at) !== ENTRY_SIGNATURE)
      throw new ZipRefusal(NOT_A_ZIP);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      name: directory.toString('utf8', at + ENTRY_SIZE, at + ENTRY_SIZE + nameLength),
      inflatedSize: directory.readUInt32LE(at + 24),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += ENTRY_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** `length` bytes from `position`, fewer at the end of the file. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export function signatureBytes(signature: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(signature);
  return bytes;
}
