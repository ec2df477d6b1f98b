/**
 * An evaluation's tables in the formats people asked for (`resulta evaluate --format`,
 * `--csv-bom`, `--csv-delimiter`), made from the CSV files the engine wrote into the
 * staging folder, before the folder is swapped into place:
 *
 * - `csv` (the default): the engine's files as they are, byte for byte — unless a layout for
 *   people is asked for, in which case they are rewritten in it (csv-writer.ts `PeopleCsv`:
 *   byte order mark, `;` with the decimal comma, formula-like text neutralised);
 * - `xlsx`: achievements.xlsx and participants.xlsx instead of the CSV files
 *   (xlsx-writer.ts: real numbers and dates, frozen header, filters);
 * - `both`: the CSV files and the workbooks.
 *
 * summary.json is always kept: it is the run's record (totals, headroom, input hashes).
 * Columns come from domain/output-columns.ts, and a CSV header that differs from them is a
 * bug in Resulta, reported as such rather than written under the wrong headings.
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OUTPUT_TABLES, type OutputColumn, type OutputTable } from '../domain/output-columns.js';
import { csvFileRecords } from './csv-stream.js';
import { type PeopleCsv, peopleCsvLine, peopleCsvStart } from './csv-writer.js';
import { writeXlsx } from './xlsx-writer.js';

export type OutputFormat = 'csv' | 'xlsx' | 'both';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'xlsx', 'both'];

export interface PeopleOutputs {
  readonly format: OutputFormat;
  /** The CSV files' layout for people; absent: the machine files as the engine wrote them. */
  readonly csv?: PeopleCsv;
}

/** Rewrites the tables in `folder` as asked; the machine CSV files stay when nothing is asked. */
export async function writePeopleOutputs(folder: string, wanted: PeopleOutputs): Promise<void> {
  for (const [table, columns] of Object.entries(OUTPUT_TABLES) as [
    OutputTable,
    readonly OutputColumn[],
  ][]) {
    const csv = join(folder, `${table}.csv`);
    if (wanted.format !== 'csv') await tableToXlsx(csv, join(folder, `${table}.xlsx`), table);
    if (wanted.format === 'xlsx') await unlink(csv);
    else if (wanted.csv) await rewriteCsv(csv, columns, wanted.csv);
  }
}

async function tableToXlsx(csv: string, xlsx: string, table: OutputTable): Promise<void> {
  const columns = OUTPUT_TABLES[table];
  await writeXlsx(xlsx, [
    {
      name: table,
      columns: columns.map((c) => ({ header: c.name, kind: c.kind })),
      rows: dataRows(csv, columns),
    },
  ]);
}

/** Rewrites the file in the layout for people, through a temporary file beside it. */
async function rewriteCsv(
  csv: string,
  columns: readonly OutputColumn[],
  layout: PeopleCsv,
): Promise<void> {
  const kinds = columns.map((c) => c.kind);
  // Lines are handed on in pieces of about 64 KB: a write per line costs more than the line.
  async function* lines() {
    let piece = peopleCsvStart(layout) + peopleCsvLine(names(columns), kinds, layout);
    for await (const row of dataRows(csv, columns)) {
      piece += peopleCsvLine(row, kinds, layout);
      if (piece.length >= 65_536) {
        yield piece;
        piece = '';
      }
    }
    yield piece;
  }
  const temporary = `${csv}.people`;
  await pipeline(Readable.from(lines()), createWriteStream(temporary));
  await rename(temporary, csv);
}

/** The rows after the header, once the header is checked against the table's columns. */
async function* dataRows(
  csv: string,
  columns: readonly OutputColumn[],
): AsyncGenerator<(string | null)[]> {
  let header = true;
  for await (const record of csvFileRecords(csv)) {
    if (header) {
      if (record.join(',') !== names(columns).join(','))
        throw new Error(
          `${csv} has the columns ${record.join(',')}, not ${names(columns).join(',')}`,
        );
      header = false;
      continue;
    }
    yield record.map((cell) => (cell === '' ? null : cell));
  }
}

function names(columns: readonly OutputColumn[]): string[] {
  return columns.map((c) => c.name);
}
