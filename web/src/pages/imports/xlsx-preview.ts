/**
 * The first rows of an XLSX workbook's first sheet (the one the server reads), read in the
 * browser for the preview: the zip's central directory, then the workbook, its relations,
 * its styles (which number cells are dates) and shared strings, and the sheet's rows until
 * enough are read, each part inflated with the browser's DecompressionStream and no more of
 * it than needed. Dates show as YYYY-MM-DD, as the server reads them.
 */
import type { Preview } from './csv-preview.js';

interface Entry {
  readonly method: number;
  readonly size: number;
  readonly offset: number;
}

export async function xlsxPreview(file: Blob, rows: number): Promise<Preview> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const entries = centralDirectory(bytes);
  const text = (name: string, enough?: (soFar: string) => boolean) => {
    const entry = entries.get(name);
    return entry ? inflate(bytes, entry, enough) : Promise.resolve('');
  };
  const sheet = await firstSheetPath(
    await text('xl/workbook.xml'),
    await text('xl/_rels/workbook.xml.rels'),
  );
  const sheetXml = await text(sheet, (soFar) => countOf(soFar, '</row>') > rows);
  const rowXml = [...sheetXml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>|<row\b[^>]*\/>/g)]
    .slice(0, rows + 1)
    .map((m) => m[0]);
  const needed = maxSharedIndex(rowXml);
  const strings =
    needed < 0
      ? []
      : sharedStrings(await text('xl/sharedStrings.xml', (s) => countOf(s, '</si>') > needed));
  const dates = dateStyles(await text('xl/styles.xml'));
  const table = rowXml.map((xml) => cellsOf(xml, strings, dates));
  const [headers = [], ...rest] = table;
  const width = headers.length;
  return { headers, rows: rest.map((r) => pad(r, width)) };
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** The zip's entries by name, from the end-of-central-directory record. */
function centralDirectory(b: Uint8Array): Map<string, Entry> {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = u16(b, end + 10);
  let at = u32(b, end + 16);
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count && u32(b, at) === 0x02014b50; n++) {
    const nameLength = u16(b, at + 28);
    const name = decoder.decode(b.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/^\//, ''), {
      method: u16(b, at + 10),
      size: u32(b, at + 20),
      offset: u32(b, at + 42),
    });
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return entries;
}

/** An entry's text, inflated a chunk at a time until `enough` says so. */
async function inflate(
  b: Uint8Array,
  entry: Entry,
  enough: (soFar: string) => boolean = () => false,
): Promise<string> {
  const start = entry.offset + 30 + u16(b, entry.offset + 26) + u16(b, entry.offset + 28);
  const raw = b.slice(start, start + entry.size);
  if (entry.method === 0) return new TextDecoder().decode(raw);
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
    if (enough(text)) {
      await reader.cancel();
      break;
    }
  }
  return text;
}

const countOf = (text: string, what: string) => text.split(what).length - 1;

/** The path of the workbook's first sheet, through its relation. */
function firstSheetPath(workbook: string, relations: string): string {
  const sheet =
    /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1] ??
    /<sheet\b[^>]*\bid="([^"]+)"/.exec(workbook)?.[1];
  for (const m of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id === sheet && target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

function maxSharedIndex(rows: readonly string[]): number {
  let max = -1;
  for (const row of rows) {
    for (const m of row.matchAll(/<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g)) {
      max = Math.max(max, Number(m[1]));
    }
  }
  return max;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
      .map((t) => xmlText(t[1] ?? ''))
      .join(''),
  );
}

/** The cell styles (by index) whose number format shows a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) {
    custom.set(Number(m[1]), xmlText(m[2] ?? ''));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  [...cellXfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, index) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0);
    const code = custom.get(id);
    const builtIn = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    const looksDate =
      code !== undefined && /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
    if (builtIn || looksDate) dates.add(index);
  });
  return dates;
}

function cellsOf(row: string, strings: readonly string[], dates: Set<number>): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const m of row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = m[1] ?? '';
    const body = m[2] ?? '';
    const ref = /\br="([A-Z]+)\d+"/.exec(attributes)?.[1];
    const column = ref ? columnIndex(ref) : next;
    const type = /\bt="([^"]+)"/.exec(attributes)?.[1];
    const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? -1);
    const v = xmlText(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    let value: string;
    if (type === 's') value = strings[Number(v)] ?? '';
    else if (type === 'inlineStr')
      value = [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
        .map((t) => xmlText(t[1] ?? ''))
        .join('');
    else if (type === 'b') value = v === '1' ? 'true' : v === '0' ? 'false' : v;
    else if (type === undefined || type === 'n')
      value = v !== '' && dates.has(style) ? serialDay(Number(v)) : v;
    else value = v;
    while (cells.length < column) cells.push('');
    cells[column] = value;
    next = column + 1;
  }
  return cells;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** A spreadsheet's day number (1900 system) as YYYY-MM-DD. */
function serialDay(serial: number): string {
  if (!Number.isFinite(serial)) return String(serial);
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function pad(row: readonly string[], width: number): string[] {
  const out = [...row];
  while (out.length < width) out.push('');
  return out;
}
