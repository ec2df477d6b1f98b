/**
 * A run's achievements as a file to download, CSV or XLSX, within the caller's scope (a
 * provider gets only its own participants' rows), with the columns of the engine's
 * achievements.csv in its order (domain/output-columns.ts).
 *
 * The store keeps no segment per achievement: it is read from the run's evidence pack
 * (`outputs/participants.csv`, the run's own output), for the participants the caller may
 * see. A run without a pack (one that did not succeed) has none, and the column is empty.
 *
 * Both formats are files for people. The CSV neutralises cells a spreadsheet would run as
 * formulas and may be laid out for a Spanish or French spreadsheet (byte order mark, `;`,
 * decimal comma); the XLSX has real numbers and dates, text cells that never run
 * (files/xlsx-writer.ts). Identifiers stay text in both, so none loses a leading zero.
 */
import { join } from 'node:path';
import { centsFromInteger, formatCents } from '../domain/money.js';
import { ACHIEVEMENT_COLUMNS } from '../domain/output-columns.js';
import { csvStreamRecords } from '../files/csv-stream.js';
import {
  type PeopleCsv,
  PLAIN_PEOPLE_CSV,
  peopleCsvLine,
  peopleCsvStart,
} from '../files/csv-writer.js';
import { xlsxBytes } from '../files/xlsx-writer.js';
import { entryStream, zipDirectory } from '../files/zip-entries.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { ProviderScope } from './provider-scope.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportOptions {
  /** The CSV file's layout; by default comma separated, no byte order mark. */
  readonly csv?: PeopleCsv;
}

export interface ExportFile {
  readonly name: string;
  readonly contentType: string;
  readonly body: string | Buffer;
}

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = (string | null)[];

/** The achievements of run `runId` of programme `programmeId`, as a file. */
export async function runAchievementsFile(
  store: Store,
  programmeId: string,
  runId: string,
  scope: ProviderScope,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const rows = await achievementRows(store, programmeId, runId, scope);
  const name = `run-${runId}-achievements.${format}`;
  if (format === 'csv') {
    const layout = options.csv ?? PLAIN_PEOPLE_CSV;
    const kinds = ACHIEVEMENT_COLUMNS.map((c) => c.kind);
    const header = ACHIEVEMENT_COLUMNS.map((c) => c.name);
    const lines = [peopleCsvStart(layout), peopleCsvLine(header, kinds, layout)];
    for (const r of rows) lines.push(peopleCsvLine(r, kinds, layout));
    return { name, contentType: 'text/csv; charset=utf-8', body: lines.join('') };
  }
  const body = await xlsxBytes([
    {
      name: 'achievements',
      columns: ACHIEVEMENT_COLUMNS.map((c) => ({ header: c.name, kind: c.kind })),
      rows,
    },
  ]);
  return { name, contentType: XLSX_CONTENT_TYPE, body };
}

/** Rows in achievement order (day, participant, outcome), as ACHIEVEMENT_COLUMNS. */
async function achievementRows(
  store: Store,
  programmeId: string,
  runId: string,
  scope: ProviderScope,
): Promise<Row[]> {
  const rows = await withCaller(store.db, scope.organisationId, (tx) => {
    let query = tx
      .selectFrom('run_achievements as a')
      .innerJoin('participants as p', (j) =>
        j.onRef('p.participant_id', '=', 'a.participant_id').on('p.programme_id', '=', programmeId),
      )
      .select([
        'a.participant_id',
        'p.provider_id',
        'a.outcome_id',
        'a.achieved_on',
        'a.version',
        'a.price_cents',
        'a.amount_cents',
        'a.status',
      ])
      .where('a.run_id', '=', runId)
      .orderBy('a.achieved_on')
      .orderBy('a.participant_id')
      .orderBy('a.outcome_id');
    if (scope.providerId !== undefined) query = query.where('p.provider_id', '=', scope.providerId);
    return query.execute();
  });
  const segments = await segmentsOf(store, runId, new Set(rows.map((r) => r.participant_id)));
  return rows.map((r) => [
    r.participant_id,
    r.provider_id,
    segments.get(r.participant_id) ?? null,
    r.outcome_id,
    r.achieved_on,
    r.version,
    formatCents(centsFromInteger(r.price_cents, 'achievement price')),
    formatCents(centsFromInteger(r.amount_cents, 'achievement amount')),
    r.status,
  ]);
}

const PARTICIPANTS_OUTPUT = 'outputs/participants.csv';

/** The segment of each of `participants` in the run, from its evidence pack; empty without one. */
async function segmentsOf(
  store: Store,
  runId: string,
  participants: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const segments = new Map<string, string>();
  if (participants.size === 0) return segments;
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select('outputs')
    .where('id', '=', runId)
    .executeTakeFirst();
  const pack = (run?.outputs as { pack?: string } | null | undefined)?.pack;
  if (!pack) return segments;
  const path = join(store.dataDir, 'packs', `${pack}.zip`);
  // Resulta wrote the pack: a handful of entries, one of them the run's participants.csv.
  const entry = (await zipDirectory(path, 64)).find((e) => e.name === PARTICIPANTS_OUTPUT);
  if (!entry) throw new Error(`evidence pack ${pack} holds no ${PARTICIPANTS_OUTPUT}`);
  const text = (await entryStream(path, entry)).setEncoding('utf8');
  let columns: { id: number; segment: number } | undefined;
  for await (const record of csvStreamRecords(text)) {
    if (!columns) {
      columns = { id: record.indexOf('participant_id'), segment: record.indexOf('segment') };
      continue;
    }
    const id = record[columns.id] as string;
    if (participants.has(id)) segments.set(id, record[columns.segment] ?? '');
    if (segments.size === participants.size) break;
  }
  return segments;
}
