/**
 * The XLSX reader on workbooks written by hand, as some generators write them: cells and rows
 * without their optional `r` reference, and cells whose content does not fit their type (a
 * number cell holding text, a shared string the workbook does not hold), which are reported,
 * never misread.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFirstSheet } from '../src/files/xlsx-sheet.js';
import { tempDir } from './support/run-engine.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The smallest workbook Excel opens: one sheet holding `sheetData`, and shared strings if given. */
function handWritten(sheetData: string, sharedStrings?: string[]): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>${sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="participants" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
  };
  // Shared strings before the sheet: ExcelJS's reader loses them when they are the archive's
  // last entry (they are then reported missing, no longer read as empty cells).
  if (sharedStrings)
    files['xl/sharedStrings.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    );
  files['xl/worksheets/sheet1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
  );
  return Buffer.from(zipSync(files));
}

const text = (s: string, ref = '') =>
  `<c${ref && ` r="${ref}"`} t="inlineStr"><is><t>${s}</t></is></c>`;
const HEADER = `<row r="1">${text('participant_id', 'A1')}${text('provider_id', 'B1')}${text('score', 'C1')}</row>`;

describe('XLSX written by hand', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  const read = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return readFirstSheet(path, name);
  };

  it('reads cells and rows without their r reference by position', async () => {
    const sheet = await read(
      'positional.xlsx',
      handWritten(
        `<row>${text('participant_id')}${text('provider_id')}${text('score')}</row>` +
          `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>12.5</v></c></row>` +
          // A row with a reference, and a cell with one: the cells after it follow it.
          `<row r="4"><c r="B4" t="s"><v>1</v></c><c><v>3</v></c></row>` +
          `<row><c><v>8</v></c><c t="inlineStr"><is><t>p</t></is></c></row>`,
        ['P1', 'prov'],
      ),
    );
    expect(sheet).toEqual({
      header: ['participant_id', 'provider_id', 'score'],
      rows: [
        { row: 2, cells: ['P1', 'prov', '12.5'] },
        { row: 4, cells: [null, 'prov', '3'] },
        { row: 5, cells: ['8', 'p', null] },
      ],
      problems: [],
    });
  });

  it('reports a number cell that holds no number, naming the file, row, column and cell', async () => {
    const sheet = await read(
      'nan.xlsx',
      handWritten(
        `${HEADER}<row r="2">${text('P1', 'A2')}${text('p', 'B2')}<c r="C2" t="n"><v>abc</v></c></row>` +
          `<row r="3">${text('P2', 'A3')}${text('p', 'B3')}<c r="C3"><v>1e</v></c></row>`,
      ),
    );
    expect(sheet?.problems).toEqual([
      {
        code: 'input.cell.not_a_number_cell',
        message: 'cell C2 should hold a number, not "abc"',
        params: { ref: 'C2', value: 'abc' },
        file: 'nan.xlsx',
        row: 2,
        column: 'score',
      },
      {
        code: 'input.cell.not_a_number_cell',
        message: 'cell C3 should hold a number, not "1e"',
        params: { ref: 'C3', value: '1e' },
        file: 'nan.xlsx',
        row: 3,
        column: 'score',
      },
    ]);
    expect(sheet?.rows.flatMap((r) => r.cells)).not.toContain('NaN');
  });

  it('reports a shared string the workbook does not hold', async () => {
    const sheet = await read(
      'missing-string.xlsx',
      handWritten(
        `${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>`,
        ['P1'],
      ),
    );
    expect(sheet?.problems).toEqual([
      {
        code: 'input.cell.missing_shared_string',
        message: 'cell B2 refers to shared string 7, which the workbook does not hold',
        params: { ref: 'B2', index: '7' },
        file: 'missing-string.xlsx',
        row: 2,
        column: 'provider_id',
      },
    ]);
  });

  it('reports shared strings in a workbook that holds none', async () => {
    const sheet = await read(
      'no-strings.xlsx',
      handWritten(`${HEADER}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`),
    );
    expect(sheet?.problems).toEqual([
      {
        code: 'input.cell.missing_shared_string',
        message: 'cell A2 refers to shared string 0, which the workbook does not hold',
        params: { ref: 'A2', index: '0' },
        file: 'no-strings.xlsx',
        row: 2,
        column: 'participant_id',
      },
    ]);
  });
});
