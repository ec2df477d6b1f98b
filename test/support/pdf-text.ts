/**
 * The text of a PDF, two ways: `pdftotext` (poppler-utils) when it is installed, as a reader
 * extracts it; and, everywhere, the strings pdf-lib drew, read back from each page's content
 * stream with pdf-lib itself (hex strings shown with `Tj`, in the standard fonts' WinAnsi
 * encoding). Tests check the second always and the first when they can.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFRef } from 'pdf-lib';
import { tempDir } from './run-engine.js';

/** Whether poppler's pdftotext can be run here. */
export const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

/** The text pdftotext extracts, page by page (form feeds split pages). */
export async function pdftotext(pdf: Uint8Array): Promise<string[]> {
  const path = join(await tempDir(), 'doc.pdf');
  await writeFile(path, pdf);
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.split('\f').slice(0, -1);
}

/** The strings drawn on each page, in drawing order, decoded from WinAnsi. */
export async function drawnStrings(pdf: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs =
      contents instanceof PDFArray ? contents.asArray() : contents === undefined ? [] : [contents];
    const text = refs
      .map((ref) => {
        const stream = doc.context.lookup(ref as PDFRef);
        if (!(stream instanceof PDFRawStream)) return '';
        return new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
      })
      .join('\n');
    return [...text.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) =>
      winAnsiText(Buffer.from(m[1] as string, 'hex')),
    );
  });
}

/** The page count and page size (points) pdf-lib reads. */
export async function pdfPages(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => p.getSize());
}

/**
 * Windows-1252 bytes as text. Node's TextDecoder reads the label `windows-1252` as Latin-1,
 * which turns 0x80–0x9F (€ ‚ … — ’ Œ and others) into control characters, so those are
 * mapped here (the WHATWG table; the five bytes it leaves undefined stay as they are).
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsiText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text +=
      byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] as string) : String.fromCharCode(byte);
  return text;
}
