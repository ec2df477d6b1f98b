/**
 * Checks that span rows or files (spec §1, Bad input): duplicate participant ids, and
 * events for participants the participants file does not have; and the order in which a
 * run checks its inputs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Problem, problem } from '../../domain/problem.js';
import type { DuckDBSession } from '../duckdb-session.js';
import { MAX_EDITS } from './closest-name.js';
import type { InputRole } from './input-tables.js';
import { cellProblems, isReadable, type LoadedInput, MAX_PROBLEMS_PER_FILE } from './load-input.js';

export async function duplicateParticipants(
  conn: DuckDBConnection,
  input: LoadedInput,
): Promise<Problem[]> {
  // Grouping first keeps the usual case, no duplicates, to one hash aggregate.
  const reader = await conn.runAndReadAll(`WITH twice AS (
      SELECT participant_id, MIN(__ord) AS first FROM input_participants
      WHERE participant_id IS NOT NULL GROUP BY participant_id HAVING COUNT(*) > 1)
    SELECT i.__ord AS ord, i.participant_id, t.first
    FROM input_participants i JOIN twice t ON t.participant_id = i.participant_id
    WHERE i.__ord > t.first ORDER BY i.__ord LIMIT ${MAX_PROBLEMS_PER_FILE}`);
  const found = reader
    .getRowObjectsJS()
    .map((r) => ({ ord: Number(r.ord), id: String(r.participant_id), first: Number(r.first) }));
  const rows = await input.rowOf([...found.map((f) => f.ord), ...found.map((f) => f.first)]);
  return found.map((f) =>
    problem(
      'input.duplicate',
      { id: f.id, first: String(rows.get(f.first)) },
      {
        file: input.file,
        row: rows.get(f.ord) as number,
        column: shownName(input, 'participant_id'),
      },
    ),
  );
}

export async function unknownEventParticipants(
  conn: DuckDBConnection,
  events: LoadedInput,
  participants: LoadedInput,
): Promise<Problem[]> {
  const reader =
    await conn.runAndReadAll(`SELECT e.__ord AS ord, e.participant_id FROM input_events e
    WHERE e.participant_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM input_participants p WHERE p.participant_id = e.participant_id)
    ORDER BY e.__ord LIMIT ${MAX_PROBLEMS_PER_FILE}`);
  const found = reader
    .getRowObjectsJS()
    .map((r) => ({ ord: Number(r.ord), id: String(r.participant_id) }));
  const rows = await events.rowOf(found.map((f) => f.ord));
  const near = await closestIds(conn, [...new Set(found.map((f) => f.id))]);
  const file = participants.file;
  return found.map((f) => {
    const where = {
      file: events.file,
      row: rows.get(f.ord) as number,
      column: shownName(events, 'participant_id'),
    };
    const suggestion = near.get(f.id);
    return suggestion
      ? problem('input.unknown_participant_did_you_mean', { id: f.id, file, suggestion }, where)
      : problem('input.unknown_participant', { id: f.id, file }, where);
  });
}

/** Unknown ids looked up for a close known one: the first few only, each a join in DuckDB. */
const IDS_SUGGESTED = 20;

/**
 * For each of the first unknown ids, the known participant_id within two edits (the
 * closest, then the smallest), found in DuckDB on distinct ids: a few thousand comparisons
 * per unknown id, run only when some are unknown.
 */
export async function closestIds(
  conn: DuckDBConnection,
  unknown: readonly string[],
): Promise<Map<string, string>> {
  const wanted = unknown.slice(0, IDS_SUGGESTED);
  if (wanted.length === 0) return new Map();
  const list = wanted.map((id) => `'${id.replaceAll("'", "''")}'`).join(', ');
  const reader =
    await conn.runAndReadAll(`SELECT u.id, first(p.participant_id ORDER BY levenshtein(u.id, p.participant_id), p.participant_id) AS near
    FROM (SELECT unnest([${list}]::VARCHAR[]) AS id) u
    JOIN (SELECT DISTINCT participant_id FROM input_participants WHERE participant_id IS NOT NULL) p
      ON abs(length(p.participant_id) - length(u.id)) <= ${MAX_EDITS}
      AND levenshtein(u.id, p.participant_id) <= ${MAX_EDITS}
    GROUP BY u.id`);
  return new Map(reader.getRowObjectsJS().map((r) => [String(r.id), String(r.near)]));
}

/** The header the user wrote for one of the table's columns. */
export function shownName(input: LoadedInput, name: string): string {
  return input.columns.find((c) => c.name === name)?.shown ?? name;
}

/**
 * Every problem of the three files (file and header problems, bad cells, cross-file
 * checks) except the employment file's cells, which `employmentCellProblems` lists.
 */
export async function inputProblems(
  conn: DuckDBConnection,
  loaded: Record<InputRole, LoadedInput>,
): Promise<Problem[]> {
  const { participants, events, employment } = loaded;
  const problems: Problem[] = [
    ...participants.problems,
    ...events.problems,
    ...employment.problems,
  ];
  for (const input of [participants, events]) {
    if (isReadable(input)) problems.push(...(await cellProblems(conn, input)));
  }
  if (isReadable(participants)) problems.push(...(await duplicateParticipants(conn, participants)));
  if (isReadable(participants) && isReadable(events)) {
    problems.push(...(await unknownEventParticipants(conn, events, participants)));
  }
  return problems;
}

/**
 * Lists the employment file's bad cells on a connection of its own, so the run goes on
 * meanwhile. Should the run fail first, closing the session interrupts this check and waits
 * for it; its rejection is then nobody's concern, hence the empty handler.
 */
export function employmentCellProblems(
  session: DuckDBSession,
  employment: LoadedInput,
): Promise<Problem[]> {
  if (!isReadable(employment)) return Promise.resolve([]);
  const check = session.concurrently((conn) => cellProblems(conn, employment));
  check.catch(() => {}); // awaited by the run; never an unhandled rejection meanwhile
  return check;
}
