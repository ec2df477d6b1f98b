/**
 * A run's achievements as a file to download, CSV or XLSX, within the caller's scope (a
 * provider gets only its own participants' rows). Amounts are two-decimal text in both
 * formats, and identifiers stay text, so a spreadsheet neither rounds nor drops zeros.
 */
import { centsFromInteger, formatCents } from '../domain/money.js';
import { csvLine } from '../files/csv-writer.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { ProviderScope } from './provider-scope.js';

const COLUMNS = [
  'participant_id',
  'provider_id',
  'outcome_id',
  'achieved_on',
  'version',
  'price',
  'amount',
  'status',
] as const;

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  readonly name: string;
  readonly contentType: string;
  readonly body: string | Buffer;
}

/** Rows in achievement order (day, participant, outcome), as the columns above. */
async function achievementRows(
  store: Store,
  programmeId: string,
  runId: string,
  scope: ProviderScope,
): Promise<string[][]> {
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
  return rows.map((r) => [
    r.participant_id,
    r.provider_id,
    r.outcome_id,
    r.achieved_on,
    r.version,
    formatCents(centsFromInteger(r.price_cents, 'achievement price')),
    formatCents(centsFromInteger(r.amount_cents, 'achievement amount')),
    r.status,
  ]);
}

/** The achievements of run `runId` of programme `programmeId`, as a file. */
export async function runAchievementsFile(
  store: Store,
  programmeId: string,
  runId: string,
  scope: ProviderScope,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = await achievementRows(store, programmeId, runId, scope);
  const name = `run-${runId}-achievements.${format}`;
  if (format === 'csv') {
    // Opened by people in spreadsheets: identifiers must not run as formulas.
    const people = { neutraliseFormulas: true };
    const body = [csvLine([...COLUMNS]), ...rows.map((r) => csvLine(r, people))].join('');
    return { name, contentType: 'text/csv; charset=utf-8', body };
  }
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet('achievements');
  sheet.addRow([...COLUMNS]);
  // Text cells throughout: identifiers keep their zeros and amounts their two decimals.
  for (const r of rows) sheet.addRow(r);
  return {
    name,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
