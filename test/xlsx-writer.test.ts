/**
 * Spreadsheets and CSV files for people (issue #8 part 2): the XLSX writer on real files read
 * back with ExcelJS and with Resulta's own XLSX reader, and `resulta evaluate --format`,
 * `--csv-bom`, `--csv-delimiter` through the built command line. The machine CSV files stay
 * byte for byte those of examples/tiny/expected (also held by tiny-example.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import excel from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OUTPUT_TABLES } from '../src/domain/output-columns.js';
import { csvRecords } from '../src/files/csv-records.js';
import { csvFileRecords } from '../src/files/csv-stream.js';
import { csvLine, peopleCsvLine } from '../src/files/csv-writer.js';
import { readFirstSheet } from '../src/files/xlsx-sheet.js';
import { writeXlsx, type XlsxTable } from '../src/files/xlsx-writer.js';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const EXAMPLE = join(import.meta.dirname, '../examples/tiny');
const EXPECTED = join(EXAMPLE, 'expected');
const INPUTS = [
  ...['contract', 'participants', 'events', 'employment'].flatMap((role) => [
    `--${role}`,
    join(EXAMPLE, role === 'contract' ? 'contract.yaml' : `${role}.csv`),
  ]),
  '--as-of',
  '2019-06-30',
];
const { ValueType } = excel;

function resulta(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function readBook(path: string): Promise<excel.Workbook> {
  const book = new excel.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** The XML of every worksheet in the workbook. */
async function sheetXml(path: string): Promise<string[]> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  return Object.entries(files)
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .map(([, bytes]) => strFromU8(bytes));
}

const HOSTILE: XlsxTable = {
  name: 'achievements',
  columns: [
    { header: 'participant_id', kind: 'text' },
    { header: 'achieved_on', kind: 'day' },
    { header: 'amount', kind: 'money' },
    { header: 'eligible', kind: 'flag' },
    { header: 'count', kind: 'count' },
  ],
  rows: [
    ['=HYPERLINK("http://x","y")', '2019-06-30', '1234567.89', 'true', 3],
    ['+SUM(1+1)', '2020-02-29', '-12.50', 'false', '12'],
    ['@x', null, '0.00', '', null],
    ['-2+3', '1900-01-01', '90071992547.41', 'true', 0],
    ['007', '2100-12-31', '5.00', 'false', 1],
  ],
};

describe('the XLSX writer', () => {
  it('writes real numbers, dates and booleans, and text that never becomes a formula', async () => {
    const path = join(await tempDir(), 'a.xlsx');
    await writeXlsx(path, [HOSTILE]);
    const sheet = (await readBook(path)).getWorksheet('achievements');
    if (!sheet) throw new Error('no sheet');
    const header = sheet.getRow(1);
    expect(header.values).toEqual([
      undefined,
      'participant_id',
      'achieved_on',
      'amount',
      'eligible',
      'count',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    const first = sheet.getRow(2);
    expect(first.getCell(1).type).toBe(ValueType.String);
    expect(first.getCell(1).value).toBe('=HYPERLINK("http://x","y")');
    expect(first.getCell(1).numFmt).toBe('@');
    expect(first.getCell(2).type).toBe(ValueType.Date);
    expect((first.getCell(2).value as Date).toISOString()).toBe('2019-06-30T00:00:00.000Z');
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(3).type).toBe(ValueType.Number);
    expect(first.getCell(3).value).toBe(1234567.89);
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect(first.getCell(4).type).toBe(ValueType.Boolean);
    expect(first.getCell(4).value).toBe(true);
    expect(first.getCell(5).value).toBe(3);
    expect(sheet.getRow(3).getCell(3).value).toBe(-12.5);
    expect(sheet.getRow(3).getCell(5).value).toBe(12);
    expect(sheet.getRow(4).getCell(2).type).toBe(ValueType.Null);
    expect(sheet.getRow(4).getCell(4).type).toBe(ValueType.Null);
    expect(sheet.getRow(5).getCell(4).value).toBe(true);
    expect(sheet.getRow(6).getCell(1).value).toBe('007');
    expect((sheet.getRow(6).getCell(2).value as Date).toISOString().slice(0, 10)).toBe(
      '2100-12-31',
    );
    // Every text cell that starts like a formula is a string, and no cell carries a formula.
    for (const row of [2, 3, 4, 5])
      expect(sheet.getRow(row).getCell(1).type).toBe(ValueType.String);
    const [xml] = await sheetXml(path);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toMatch(/<c r="A2"[^>]*t="str"><v>=HYPERLINK\(&quot;http/);
    expect(xml).toContain('state="frozen"');
    expect(xml).toContain('ySplit="1"');
    expect(xml).toContain('<autoFilter ref="A1:E6"/>');
    // Columns are sized for their content: wider than the header where the content is.
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths[0]).toBeGreaterThanOrEqual('=HYPERLINK("http://x","y")'.length);
    expect(widths[2]).toBeGreaterThanOrEqual('90,071,992,547.41'.length);
  });

  it('reads back through Resulta’s own XLSX reader as the same cells', async () => {
    const path = join(await tempDir(), 'b.xlsx');
    await writeXlsx(path, [HOSTILE]);
    const read = await readFirstSheet(path, 'b.xlsx');
    expect(read?.problems).toEqual([]);
    expect(read?.rows.map((r) => r.cells)).toEqual([
      ['=HYPERLINK("http://x","y")', '2019-06-30', '1234567.89', 'true', '3'],
      ['+SUM(1+1)', '2020-02-29', '-12.5', 'false', '12'],
      ['@x', null, '0', null, null],
      ['-2+3', '1900-01-01', '90071992547.41', 'true', '0'],
      ['007', '2100-12-31', '5', 'false', '1'],
    ]);
  });

  it('continues a long table on further sheets, each with its header, frozen and filtered', async () => {
    const path = join(await tempDir(), 'c.xlsx');
    const rows = Array.from({ length: 7 }, (_, i) => [`P${i}`, `${i}.00`]);
    await writeXlsx(
      path,
      [
        {
          name: 'participants',
          columns: [
            { header: 'participant_id', kind: 'text' },
            { header: 'total_amount', kind: 'money' },
          ],
          rows,
        },
      ],
      { maxRowsPerSheet: 3 },
    );
    const book = await readBook(path);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'participants',
      'participants (2)',
      'participants (3)',
    ]);
    expect(book.worksheets.map((s) => s.rowCount)).toEqual([4, 4, 2]);
    const cells = book.worksheets.flatMap((s) =>
      s
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1)),
    );
    expect(cells).toEqual(rows.map(([id, amount]) => [id, Number(amount)]));
    const xml = await sheetXml(path);
    for (const sheet of xml) expect(sheet).toContain('state="frozen"');
    expect(xml.map((s) => /<autoFilter ref="([^"]+)"/.exec(s)?.[1]).sort()).toEqual([
      'A1:B2',
      'A1:B4',
      'A1:B4',
    ]);
  });

  it('refuses a value that is not of its column’s kind rather than writing text', async () => {
    const path = join(await tempDir(), 'd.xlsx');
    const table = (value: string): XlsxTable => ({
      name: 's',
      columns: [{ header: 'amount', kind: 'money' }],
      rows: [[value]],
    });
    await expect(writeXlsx(path, [table('12,50')])).rejects.toThrow(
      'an XLSX money cell cannot hold "12,50"',
    );
    const day: XlsxTable = {
      name: 's',
      columns: [{ header: 'd', kind: 'day' }],
      rows: [['30/06/2019']],
    };
    await expect(writeXlsx(join(await tempDir(), 'e.xlsx'), [day])).rejects.toThrow(
      'an XLSX day cell cannot hold "30/06/2019"',
    );
  });
});

describe('CSV files for people', () => {
  it('lay out amounts with a decimal comma after ; and neutralise formulas', () => {
    const kinds = ['text', 'money', 'text'] as const;
    const layout = { bom: true, delimiter: ';' } as const;
    expect(peopleCsvLine(['=1+1', '-1234.50', 'a;b'], kinds, layout)).toBe(
      '\'=1+1;-1234,50;"a;b"\n',
    );
    expect(peopleCsvLine(['a,b', '-0.05', '-3'], kinds, { bom: false, delimiter: ',' })).toBe(
      '"a,b",-0.05,-3\n',
    );
    // The machine layout is unchanged.
    expect(csvLine(['a,b', '=1', '-0.05'])).toBe('"a,b",=1,-0.05\n');
  });

  it('read back as the same records, quotes and newlines included', async () => {
    const path = join(await tempDir(), 'r.csv');
    const text = '\uFEFFa,b\r\n"x,""y""\nz",2\n,""\nlast,row';
    await import('node:fs/promises').then((fs) => fs.writeFile(path, text));
    const records: string[][] = [];
    for await (const r of csvFileRecords(path)) records.push(r);
    expect(records).toEqual([
      ['a', 'b'],
      ['x,"y"\nz', '2'],
      ['', ''],
      ['last', 'row'],
    ]);
    expect(records).toEqual(csvRecords(text.slice(1)));
  });
});

describe('resulta evaluate --format and --csv-*', () => {
  it('names the same columns in the same order as the engine’s CSV files', async () => {
    for (const [table, columns] of Object.entries(OUTPUT_TABLES)) {
      const header = (await readFile(join(EXPECTED, `${table}.csv`), 'utf8')).split('\n')[0];
      expect(columns.map((c) => c.name).join(',')).toBe(header);
    }
  });

  it('writes the tables as workbooks instead of CSV files, cell for cell', async () => {
    const out = join(await tempDir(), 'out');
    const run = resulta('evaluate', ...INPUTS, '--out', out, '--format', 'xlsx', '--quiet');
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '.resulta-output',
      'achievements.xlsx',
      'participants.xlsx',
      'summary.json',
    ]);
    expect(await readFile(join(out, 'summary.json'), 'utf8')).toBe(
      await readFile(join(EXPECTED, 'summary.json'), 'utf8'),
    );
    for (const [table, columns] of Object.entries(OUTPUT_TABLES)) {
      const expected = csvRecords(await readFile(join(EXPECTED, `${table}.csv`), 'utf8'));
      const sheet = (await readBook(join(out, `${table}.xlsx`))).getWorksheet(table);
      if (!sheet) throw new Error(`no sheet ${table}`);
      expect(sheet.rowCount).toBe(expected.length);
      expected.forEach((record, r) => {
        const row = sheet.getRow(r + 1);
        record.forEach((text, c) => {
          const cell = row.getCell(c + 1);
          const kind = r === 0 ? 'text' : (columns[c]?.kind ?? 'text');
          const where = `${table} row ${r + 1} column ${columns[c]?.name}`;
          if (text === '') expect(cell.type, where).toBe(ValueType.Null);
          else if (kind === 'money') {
            expect(cell.type, where).toBe(ValueType.Number);
            expect((cell.value as number).toFixed(2), where).toBe(text);
          } else if (kind === 'day') {
            expect(cell.type, where).toBe(ValueType.Date);
            expect((cell.value as Date).toISOString().slice(0, 10), where).toBe(text);
          } else if (kind === 'flag') expect(cell.value, where).toBe(text === 'true');
          else expect(cell.value, where).toBe(text);
        });
      });
    }
  });

  it('writes both when asked, the CSV files byte for byte the machine files', async () => {
    const out = join(await tempDir(), 'out');
    const run = resulta('evaluate', ...INPUTS, '--out', out, '--format', 'both', '--quiet');
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '.resulta-output',
      'achievements.csv',
      'achievements.xlsx',
      'participants.csv',
      'participants.xlsx',
      'summary.json',
    ]);
    for (const name of ['achievements.csv', 'participants.csv', 'summary.json'])
      expect(await readFile(join(out, name), 'utf8')).toBe(
        await readFile(join(EXPECTED, name), 'utf8'),
      );
    // The marker lists the workbooks, so a later run may replace them.
    const marker = JSON.parse(await readFile(join(out, '.resulta-output'), 'utf8'));
    expect(marker.files).toContain('achievements.xlsx');
  });

  it('lays the CSV files out for a Spanish or French spreadsheet when asked', async () => {
    const out = join(await tempDir(), 'out');
    const run = resulta(
      'evaluate',
      ...INPUTS,
      '--out',
      out,
      '--csv-delimiter',
      ';',
      '--csv-bom',
      '--quiet',
    );
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(out, 'achievements.csv'), 'utf8');
    expect(text.startsWith('\uFEFFparticipant_id;provider_id;segment;outcome_id;')).toBe(true);
    const expected = (await readFile(join(EXPECTED, 'achievements.csv'), 'utf8')).split('\n');
    const lines = text.slice(1).split('\n');
    expect(lines).toHaveLength(expected.length);
    // Every line is the machine line with ; between cells and a decimal comma in amounts.
    expect(lines[1]).toBe(
      'P01;prov-a;standard;training_completed;2018-06-01;base;200,00;200,00;paid',
    );
    lines.forEach((line, i) => {
      const cells = (expected[i] as string).split(',');
      for (const c of [6, 7])
        if (i > 0 && cells[c]) cells[c] = (cells[c] as string).replace('.', ',');
      expect(line).toBe(cells.join(';'));
    });
    const participants = await readFile(join(out, 'participants.csv'), 'utf8');
    expect(participants).toContain(
      '\nP03;false;enrolled outside the enrolment window;standard;0,00\n',
    );
    // summary.json is a machine file: never laid out for people.
    expect(await readFile(join(out, 'summary.json'), 'utf8')).toBe(
      await readFile(join(EXPECTED, 'summary.json'), 'utf8'),
    );
  });

  it('keeps the machine files byte for byte without options, and refuses options that clash', async () => {
    const out = join(await tempDir(), 'out');
    expect(resulta('evaluate', ...INPUTS, '--out', out, '--quiet').code).toBe(0);
    for (const name of ['achievements.csv', 'participants.csv'])
      expect(await readFile(join(out, name))).toEqual(await readFile(join(EXPECTED, name)));
    const clash = resulta('evaluate', ...INPUTS, '--out', out, '--format', 'xlsx', '--csv-bom');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('--format xlsx writes none: use --format both');
    const odd = resulta('evaluate', ...INPUTS, '--out', out, '--csv-delimiter', 'tab');
    expect(odd.code).toBe(1);
    expect(odd.stderr).toContain('--csv-delimiter "tab" must be , or ;');
    const format = resulta('evaluate', ...INPUTS, '--out', out, '--format', 'pdf');
    expect(format.stderr).toContain('--format "pdf" must be csv, xlsx or both');
    // The refused runs left the earlier outputs as they were.
    expect(await readFile(join(out, 'achievements.csv'))).toEqual(
      await readFile(join(EXPECTED, 'achievements.csv')),
    );
  });
});
