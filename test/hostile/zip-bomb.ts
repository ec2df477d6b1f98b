/**
 * Hostile XLSX files for the suite, built in memory without ever holding their inflated
 * contents: a real workbook (from ExcelJS) whose first sheet is replaced by a huge, highly
 * compressible sheet XML. The deflate stream is one compressed megabyte of rows repeated
 * (each copy starts from an empty history, thanks to a full flush, so copies can follow each
 * other), which makes a 500 MB sheet in about 0.5 MB and in well under a second.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  /** Raw deflate data. */
  readonly deflated: Buffer;
  readonly crc: number;
  /** The inflated size. */
  readonly size: number;
  /** The inflated size the archive claims, when it lies (default: the real one). */
  readonly declaredSize?: number;
}

const MB = 1024 * 1024;
// Long runs of one character compress best (deflate tops out near 1:1000).
const ROW = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(65_400)}</t></is></c></row>`;

/** A deflated entry, from bytes small enough to hold. */
export function entry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** `head`, then `block` repeated `times`, then `tail`, as one entry, never inflated here. */
function repeatedEntry(
  name: string,
  head: string,
  block: Buffer,
  times: number,
  tail: string,
): ZipEntry {
  const flushed = (b: Buffer) =>
    deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const blockDeflated = flushed(block);
  const parts = [flushed(Buffer.from(head))];
  for (let i = 0; i < times; i++) parts.push(blockDeflated);
  parts.push(deflateRawSync(Buffer.from(tail)));
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  return {
    name,
    deflated: Buffer.concat(parts),
    crc,
    size: head.length + block.length * times + tail.length,
  };
}

/** A workbook whose first sheet inflates to about `inflatedMB` megabytes. */
export async function xlsxBomb(
  inflatedMB: number,
  options: { declaredSize?: number } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('participants').addRow(['participant_id', 'provider_id', 'enrolled_on']);
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const block = Buffer.from(ROW.repeat(Math.ceil(MB / ROW.length)));
  const sheet = repeatedEntry(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>participant_id</t></is></c></row>',
    block,
    Math.round((inflatedMB * MB) / block.length),
    '</sheetData></worksheet>',
  );
  const entries = Object.entries(files)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]) =>
      name === sheet.name ? { ...sheet, declaredSize: options.declaredSize } : entry(name, bytes),
    );
  return zipOf(entries);
}

/** A zip of `count` empty files. */
export function manyEntries(count: number): Buffer {
  const empty = entry('x', new Uint8Array());
  return zipOf(Array.from({ length: count }, (_, i) => ({ ...empty, name: `f/${i}.xml` })));
}

/** A zip archive of deflated entries: local headers and data, then the central directory. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(e.crc >>> 0, 14);
    header.writeUInt32LE(e.deflated.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, e.deflated);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(e.crc >>> 0, 16);
    record.writeUInt32LE(e.deflated.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += header.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
