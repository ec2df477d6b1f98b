/**
 * Reads the first sheet of an XLSX workbook as text cells in their plain form (spec §1):
 * integers as digits, dates as YYYY-MM-DD, booleans as true/false. A formula is refused,
 * not evaluated: its cached result may be stale, and a bill must not depend on it.
 */
import type ExcelJS from 'exceljs';
import type { Problem } from '../domain/problem.js';

export interface Sheet {
  readonly header: string[];
  /** Data rows with their sheet row numbers; blank rows are skipped. */
  readonly rows: { readonly row: number; readonly cells: (string | null)[] }[];
  readonly problems: Problem[];
}

export async function readFirstSheet(path: string, file: string): Promise<Sheet | null> {
  // Loaded on demand: the library takes a third of a second to load, and most runs read CSV or Parquet.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return null;
  const problems: Problem[] = [];
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) {
    header.push(cellText(headerRow.getCell(c)) ?? '');
  }
  while (header.length > 0 && header.at(-1) === '') header.pop();
  const rows: Sheet['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = header.map((name, i) => {
      const cell = row.getCell(i + 1);
      if (cell.formula || cell.type === excel.ValueType.Formula) {
        problems.push({
          code: 'input.formula',
          message: `cell ${cell.address} holds a formula (=${cell.formula}); paste its value instead`,
          file,
          row: r,
          column: name,
        });
        return null;
      }
      return cellText(cell);
    });
    if (cells.some((c) => c !== null && c !== '')) rows.push({ row: r, cells });
  }
  return { header, rows, problems };
}

function cellText(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(cell.text);
}

/** A spreadsheet number as text: `7` not `7.0`, and never exponent notation. */
function plainNumber(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  return text.includes('e') ? value.toFixed(10).replace(/0+$/, '') : text;
}
