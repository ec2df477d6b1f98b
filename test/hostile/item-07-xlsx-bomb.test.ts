/**
 * Issue #7 item 7: an XLSX bomb (0.5 MB inflating to 500 MB) took the server down. A workbook
 * is now checked before it is parsed: its zip directory (total inflated size, number of
 * files), then its contents as the parser will read them (a directory that lies is caught
 * after inflating no more than the limit, into nothing); it is parsed streaming, and only a
 * few at a time. Refusals come quickly, in little memory, and the API answers 422.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet, xlsxParsing } from '../../src/files/xlsx-sheet.js';
import { tempDir } from '../support/run-engine.js';
import { onServer } from '../support/test-store.js';
import { type HostileServer, hostileServer } from './hostile-server.js';
import { manyEntries, xlsxBomb } from './zip-bomb.js';

const MB = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What `work` settles to, its time, and the most the heap grew meanwhile (sampled). */
async function measured<T>(work: () => Promise<T>) {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const outcome = await work().then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error: error as Error }),
    );
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ...outcome, ms: performance.now() - started, heapGrowth: peak - base };
  } finally {
    clearInterval(sample);
  }
}

describe('item 7: XLSX bombs', () => {
  let dir: string;
  let bomb: Buffer;
  beforeAll(async () => {
    dir = await tempDir();
    bomb = await xlsxBomb(500);
  });

  const saved = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  it('the bomb is the one the issue describes: about half a megabyte for 500 MB', () => {
    expect(bomb.length).toBeLessThan(MB);
  });

  it('refuses a workbook whose directory says it inflates past the limit, at once', async () => {
    const path = await saved('bomb.xlsx', bomb);
    const run = await measured(() => readFirstSheet(path, 'bomb.xlsx'));
    expect(run.error?.message).toBe(
      'the workbook would inflate to 500 MB, more than the 200 MB Resulta reads (RESULTA_XLSX_MAX_MB)',
    );
    expect(run.ms).toBeLessThan(2_000);
    expect(run.heapGrowth).toBeLessThan(30 * MB);
  });

  it('refuses a workbook whose directory lies, after inflating no more than the limit', async () => {
    const liar = await saved('liar.xlsx', await xlsxBomb(60, { declaredSize: 1_000 }));
    const limits = { maxInflatedBytes: 20 * MB, maxEntries: 10_000 };
    const run = await measured(() => readFirstSheet(liar, 'liar.xlsx', { limits }));
    expect(run.error?.message).toBe(
      'the workbook inflates to more than the 20 MB Resulta reads (RESULTA_XLSX_MAX_MB)',
    );
    expect(run.heapGrowth).toBeLessThan(15 * MB);
  });

  it('refuses a workbook of more files than the limit', async () => {
    const path = await saved('many.xlsx', manyEntries(10_001));
    const run = await measured(() => readFirstSheet(path, 'many.xlsx'));
    expect(run.error?.message).toBe(
      'the workbook holds 10001 files, more than the 10000 Resulta reads (RESULTA_XLSX_MAX_FILES)',
    );
  });

  it('refuses a file that is not a zip archive', async () => {
    const path = await saved('noise.xlsx', randomBytes(4096));
    await expect(readFirstSheet(path, 'noise.xlsx')).rejects.toThrow(
      'the file is not an XLSX workbook: it is not a zip archive',
    );
  });

  it('reads a workbook streaming: plain cells, escapes decoded, the first tab whatever its file', async () => {
    const workbook = new ExcelJS.Workbook();
    const second = workbook.addWorksheet('second');
    second.addRow(['participant_id']);
    second.addRow(['from the second tab']);
    const first = workbook.addWorksheet('first');
    first.addRow(['participant_id', 'enrolled_on', 'score', 'note']);
    first.addRow(['007', new Date(Date.UTC(2019, 0, 31)), 12.5, 'LINE-ONE']);
    first.addRow([]);
    first.addRow([8, new Date(Date.UTC(2019, 1, 1)), 3, 'x']);
    const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    // Put "first" (the second file, sheet2.xml) at the head of the tab order.
    const book = strFromU8(files['xl/workbook.xml'] as Uint8Array);
    const tabs = /<sheets>(<sheet [^>]*\/>)(<sheet [^>]*\/>)<\/sheets>/.exec(book);
    expect(tabs).not.toBeNull();
    files['xl/workbook.xml'] = strToU8(
      book.replace(tabs?.[0] ?? '', `<sheets>${tabs?.[2]}${tabs?.[1]}</sheets>`),
    );
    // Spreadsheets write control characters as _xHHHH_ escapes.
    files['xl/sharedStrings.xml'] = strToU8(
      strFromU8(files['xl/sharedStrings.xml'] as Uint8Array).replace(
        'LINE-ONE',
        'line one_x000D_ two _x005F_x0041_',
      ),
    );
    const path = await saved('tabs.xlsx', Buffer.from(zipSync(files)));
    const sheet = await readFirstSheet(path, 'tabs.xlsx');
    expect(sheet).toEqual({
      header: ['participant_id', 'enrolled_on', 'score', 'note'],
      rows: [
        { row: 2, cells: ['007', '2019-01-31', '12.5', 'line one\r two _x0041_'] },
        { row: 4, cells: ['8', '2019-02-01', '3', 'x'] },
      ],
      problems: [],
    });
  });

  it('parses at most RESULTA_XLSX_PARALLEL workbooks at once (two by default)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('p');
    sheet.addRow(['participant_id']);
    for (let i = 0; i < 2_000; i++) sheet.addRow([`P${i}`]);
    const path = await saved('small.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    xlsxParsing.resetPeak();
    const sheets = await Promise.all(
      Array.from({ length: 6 }, () => readFirstSheet(path, 'small.xlsx')),
    );
    expect(sheets.map((s) => s?.rows.length)).toEqual(Array(6).fill(2_000));
    expect(xlsxParsing.peak).toBe(2);
  });

  describe(`through the API on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
    let server: HostileServer;
    beforeAll(async () => {
      server = await hostileServer();
    });
    afterAll(() => server?.close());

    it('answers fourteen bombs at once with 422 each, in bounded memory, and stays up', async () => {
      const run = await measured(() =>
        Promise.all(
          Array.from({ length: 14 }, () =>
            server.call(
              'funder',
              'POST',
              '/programmes/tiny/participants?format=xlsx&name=bomb.xlsx',
              bomb,
              XLSX,
            ),
          ),
        ),
      );
      const answers = run.value ?? [];
      expect(answers.map((a) => a.statusCode)).toEqual(Array(14).fill(422));
      expect(answers[0]?.json().problems).toEqual([
        {
          code: 'input.file.xlsx_refused',
          file: 'bomb.xlsx',
          message:
            'cannot read the file as an XLSX workbook: the workbook would inflate to 500 MB, more than the 200 MB Resulta reads (RESULTA_XLSX_MAX_MB)',
        },
      ]);
      expect(run.heapGrowth).toBeLessThan(100 * MB);
      expect((await server.call('anonymous', 'GET', '/healthz')).statusCode).toBe(200);
    });
  });
});
