/**
 * Imports participants, events and employment datasets into a programme, all or nothing:
 * the file is checked whole with the engine's checks first, then written in one transaction.
 * A national id column, when given, becomes a keyed HMAC (`person_key`) and is never stored.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Insertable, sql, type Transaction } from 'kysely';
import { ProblemsError } from '../domain/problem.js';
import { openSession } from '../engine/duckdb-session.js';
import { openCheckedInput } from '../engine/snapshot/checked-input.js';
import { INPUT_COLUMNS } from '../engine/snapshot/input-tables.js';
import type { LoadedInput } from '../engine/snapshot/load-input.js';
import { duckdb } from '../engine/sql/dialect.js';
import { digestFile } from '../files/file-digest.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actor.js';
import { NATIONAL_ID, personKey, personKeySecret } from './person-key.js';

const BATCH = 1000;

/** Inserts rows in batches; the caller's transaction makes the whole import one unit. */
async function insertAll<T extends 'participants' | 'events'>(
  tx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot narrow Insertable<Database[T]> for a generic table; T fixes it for callers.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

function importRecord(
  actor: Actor,
  entity: string,
  programmeId: string,
  file: string,
  rows: number,
  sha256: string,
) {
  return {
    actor: actor.id,
    action: 'import',
    entity,
    entityId: programmeId,
    reason: `import of ${file}`,
    data: { rows, sha256 },
  };
}

async function withDuckDB<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const session = await openSession();
  try {
    return await work(session.conn);
  } finally {
    session.close();
  }
}

/** Limits an import to what the caller may write: a provider only its own participants. */
export interface ImportScope {
  readonly providerId?: string;
}

/** Bad rows found against the store (not the file): unknown providers, duplicates, scope. */
async function refuseRows(
  input: LoadedInput,
  file: string,
  bad: { ord: number; column: string; message: string }[],
): Promise<void> {
  if (bad.length === 0) return;
  const rows = await input.rowOf(bad.map((b) => b.ord));
  throw new ProblemsError(
    bad.slice(0, 1000).map((b) => ({
      code: 'import.row',
      message: b.message,
      file,
      row: rows.get(b.ord) ?? b.ord + 2,
      column: b.column,
    })),
  );
}

export async function importParticipants(
  store: Store,
  actor: Actor,
  programmeId: string,
  path: string,
  file: string,
  scope: ImportScope = {},
): Promise<number> {
  return withDuckDB(async (conn) => {
    const input = await openCheckedInput(conn, duckdb, 'participants', path, file);
    const attributes = input.extraColumns.filter((c) => c !== NATIONAL_ID);
    const reader =
      await conn.runAndReadAll(`SELECT __ord, participant_id, provider_id, strftime(enrolled_on, '%Y-%m-%d') AS enrolled_on,
      person_key, strftime(birth_date, '%Y-%m-%d') AS birth_date${input.extraColumns.map((c) => `, ${duckdb.ident(c)}`).join('')}
      FROM input_participants ORDER BY participant_id`);
    const found = reader.getRowObjectsJS();
    const secret = input.extraColumns.includes(NATIONAL_ID) ? personKeySecret() : null;
    const rows = found.map((r) => ({
      programme_id: programmeId,
      participant_id: String(r.participant_id),
      provider_id: String(r.provider_id),
      enrolled_on: String(r.enrolled_on),
      person_key:
        r.person_key !== null
          ? String(r.person_key)
          : secret && r[NATIONAL_ID] !== null
            ? personKey(secret, String(r[NATIONAL_ID]))
            : null,
      birth_date: r.birth_date === null ? null : String(r.birth_date),
      attributes: JSON.stringify(
        Object.fromEntries(attributes.filter((c) => r[c] !== null).map((c) => [c, String(r[c])])),
      ),
    }));
    const providers = new Set(
      (
        await store.db
          .selectFrom('programme_members')
          .innerJoin('organisations', 'organisations.id', 'programme_members.organisation_id')
          .select('organisation_id')
          .where('programme_id', '=', programmeId)
          .where('kind', '=', 'provider')
          .execute()
      ).map((m) => m.organisation_id),
    );
    const existing = await existingParticipants(
      store,
      programmeId,
      rows.map((r) => r.participant_id),
    );
    const bad: { ord: number; column: string; message: string }[] = [];
    for (const [i, r] of rows.entries()) {
      const ord = Number(found[i]?.__ord);
      if (scope.providerId !== undefined && r.provider_id !== scope.providerId) {
        bad.push({
          ord,
          column: 'provider_id',
          message: `you may only enrol participants for ${scope.providerId}, not ${r.provider_id}`,
        });
      } else if (!providers.has(r.provider_id)) {
        bad.push({
          ord,
          column: 'provider_id',
          message: `provider "${r.provider_id}" does not take part in this programme`,
        });
      }
      if (existing.has(r.participant_id))
        bad.push({
          ord,
          column: 'participant_id',
          message: `participant "${r.participant_id}" is already in the programme`,
        });
    }
    await refuseRows(input, file, bad);
    await store.db.transaction().execute(async (tx) => {
      await insertAll(tx, 'participants', rows);
      const perProvider = new Map<string, number>();
      for (const r of rows)
        perProvider.set(r.provider_id, (perProvider.get(r.provider_id) ?? 0) + 1);
      for (const [providerId, n] of perProvider) {
        await sql`INSERT INTO provider_counts (programme_id, provider_id, participants) VALUES (${programmeId}, ${providerId}, ${n})
          ON CONFLICT (programme_id, provider_id) DO UPDATE SET participants = provider_counts.participants + EXCLUDED.participants`.execute(
          tx,
        );
      }
      await appendAudit(
        tx,
        importRecord(actor, 'participants', programmeId, file, rows.length, await input.sha256),
      );
    });
    return rows.length;
  });
}

async function existingParticipants(
  store: Store,
  programmeId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await store.db
      .selectFrom('participants')
      .select(['participant_id', 'provider_id'])
      .where('programme_id', '=', programmeId)
      .where('participant_id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) found.set(r.participant_id, r.provider_id);
  }
  return found;
}

export async function importEvents(
  store: Store,
  actor: Actor,
  programmeId: string,
  path: string,
  file: string,
  scope: ImportScope = {},
): Promise<number> {
  return withDuckDB(async (conn) => {
    const input = await openCheckedInput(conn, duckdb, 'events', path, file);
    const reader =
      await conn.runAndReadAll(`SELECT __ord, participant_id, type, strftime(occurred_on, '%Y-%m-%d') AS occurred_on,
      CAST(value AS VARCHAR) AS value, COALESCE(source, 'provider') AS source, COALESCE(verified, FALSE) AS verified
      FROM input_events ORDER BY __ord`);
    const found = reader.getRowObjectsJS();
    const owners = await existingParticipants(store, programmeId, [
      ...new Set(found.map((r) => String(r.participant_id))),
    ]);
    const bad: { ord: number; column: string; message: string }[] = [];
    for (const r of found) {
      const ord = Number(r.__ord);
      const owner = owners.get(String(r.participant_id));
      if (owner === undefined)
        bad.push({
          ord,
          column: 'participant_id',
          message: `participant "${r.participant_id}" is not in the programme`,
        });
      else if (scope.providerId !== undefined && owner !== scope.providerId) {
        bad.push({
          ord,
          column: 'participant_id',
          message: `participant "${r.participant_id}" is served by another provider`,
        });
      }
      // Providers report what happened; verification and admin records come from others.
      if (scope.providerId !== undefined && (r.source !== 'provider' || r.verified === true)) {
        bad.push({
          ord,
          column: r.source !== 'provider' ? 'source' : 'verified',
          message: 'a provider reports unverified provider events only',
        });
      }
    }
    await refuseRows(input, file, bad);
    const rows = found.map((r) => ({
      programme_id: programmeId,
      participant_id: String(r.participant_id),
      type: String(r.type),
      occurred_on: String(r.occurred_on),
      value: r.value === null ? null : String(r.value),
      source: String(r.source) as 'provider' | 'admin' | 'verifier',
      verification: r.verified === true ? ('verified' as const) : ('unverified' as const),
    }));
    await store.db.transaction().execute(async (tx) => {
      await insertAll(tx, 'events', rows);
      await appendAudit(
        tx,
        importRecord(actor, 'events', programmeId, file, rows.length, await input.sha256),
      );
    });
    return rows.length;
  });
}

/** Keeps an employment file as canonical Parquet named by its SHA-256, and records it. */
export async function importEmployment(
  store: Store,
  actor: Actor,
  programmeId: string,
  path: string,
  file: string,
): Promise<{ sha256: string; rows: number }> {
  return withDuckDB(async (conn) => {
    await openCheckedInput(conn, duckdb, 'employment', path, file);
    const staging = join(store.dataDir, 'files', `.staging-${process.pid}-${Date.now()}.parquet`);
    const columns = INPUT_COLUMNS.employment.map((c) => c.name);
    await conn.run(`COPY (SELECT person_key, strftime(make_date(month // 12, month % 12 + 1, 1), '%Y-%m') AS month, employer_id,
        CAST(earnings AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2)) AS earnings
      FROM input_employment ORDER BY __ord) TO ${duckdb.string(staging)} (FORMAT parquet)`);
    const { sha256 } = await digestFile(staging, false);
    const target = join(store.dataDir, 'files', `${sha256}.parquet`);
    await rename(staging, target);
    const counted = await conn.runAndReadAll(
      `SELECT COUNT(*) AS n FROM read_parquet(${duckdb.string(target)})`,
    );
    const rows = Number(counted.getRowObjectsJS()[0]?.n);
    await store.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('employment_datasets')
        .values({
          programme_id: programmeId,
          sha256,
          row_count: rows,
          source_name: file,
          uploaded_by: actor.id,
        })
        .execute();
      await appendAudit(tx, {
        actor: actor.id,
        action: 'import',
        entity: 'employment_dataset',
        entityId: sha256,
        reason: `upload of ${file}`,
        data: { rows, columns },
      });
    });
    return { sha256, rows };
  });
}
