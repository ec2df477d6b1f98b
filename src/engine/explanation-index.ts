/**
 * An explanation index: what `explain` reads of an evaluated snapshot, kept in a DuckDB file
 * so that explaining a participant of a stored run reads a few rows instead of evaluating the
 * whole programme again (tens of seconds at national scale). It holds the run tables sorted by
 * participant, each achievement with its payment, the contract and the as-of day. It is
 * derived from the run's evidence pack alone and rebuilt from it whenever it is missing.
 */
import { rename, rm } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import type { ParticipantFacts } from '../domain/explain/participant-facts.js';
import { type LocalDate, parseLocalDate } from '../domain/local-date.js';
import { type DuckDBSession, withSession } from './duckdb-session.js';
import { explainFromRun, type ParticipantExplanation } from './explain.js';
import { duckdb } from './sql/dialect.js';

const COPIES = [
  'CREATE TABLE idx.run_participants AS SELECT * FROM run_participants ORDER BY __pidx',
  'CREATE TABLE idx.run_events AS SELECT * FROM run_events ORDER BY __pidx',
  'CREATE TABLE idx.run_persons AS SELECT * FROM run_persons ORDER BY person_key',
  'CREATE TABLE idx.run_months AS SELECT * FROM run_months ORDER BY person_id',
  'CREATE TABLE idx.input_participants AS SELECT participant_id, enrolled_on FROM input_participants',
  `CREATE TABLE idx.run_achievements AS
     SELECT a.ord, a.__pidx, a.outcome, a.achieved_on, a.version, p.price, p.amount, p.status, p.cut_by
     FROM run_achievements a JOIN run_payments p ON p.rowid = a.ord
     ORDER BY a.__pidx, a.ord`,
];

/**
 * Writes the index of the snapshot evaluated in `session` to `path`, whole or not at all: it
 * is written beside it under another name and renamed into place.
 */
export async function writeExplanationIndex(
  session: DuckDBSession,
  snapshot: {
    readonly contractYaml: string;
    readonly asOf: string;
    readonly participantsFile: string;
  },
  path: string,
): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  await rm(partial, { force: true });
  const conn = session.conn;
  try {
    await conn.run(`ATTACH ${duckdb.string(partial)} AS idx`);
    try {
      for (const copy of COPIES) await conn.run(copy);
      await conn.run(
        `CREATE TABLE idx.meta AS SELECT ${duckdb.string(snapshot.contractYaml)} AS contract_yaml, ${duckdb.string(snapshot.asOf)} AS as_of, ${duckdb.string(snapshot.participantsFile)} AS participants_file`,
      );
      await conn.run('CHECKPOINT idx');
    } finally {
      await conn.run('DETACH idx');
    }
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(`${partial}.wal`, { force: true });
  }
}

/** One participant explained from an index, with the contract and the day it was judged on. */
export function explainFromIndex(
  path: string,
  participantId: string,
): Promise<{
  contract: Contract;
  asOf: LocalDate;
  explanation: ParticipantExplanation;
  facts: ParticipantFacts | null;
}> {
  return withSession(async (session) => {
    const conn = session.conn;
    await conn.run(`ATTACH ${duckdb.string(path)} AS idx (READ_ONLY)`);
    await conn.run('USE idx');
    const meta = await readMeta(conn, path);
    const explained = await explainFromRun(conn, meta, participantId, 'index');
    return { contract: meta.contract, asOf: meta.asOf, ...explained };
  });
}

async function readMeta(conn: DuckDBConnection, path: string) {
  const row = (await conn.runAndReadAll('SELECT * FROM meta')).getRowObjectsJS()[0];
  const contract = row ? parseContract(String(row.contract_yaml)).contract : undefined;
  const asOf = row ? parseLocalDate(String(row.as_of)) : undefined;
  if (!row || !contract || !asOf) throw new Error(`the explanation index ${path} is not readable`);
  return { contract, asOf, participantsFile: String(row.participants_file) };
}
