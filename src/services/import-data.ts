/**
 * Imports participants, events and employment datasets into a programme, all or nothing:
 * the file is checked whole with the engine's checks first, then written in one transaction.
 * A participant's `person_key` is derived here from the national id column (a keyed HMAC; the
 * id is never stored) and never taken from the file, so no one enrolling participants can
 * choose whose employment records they match. Employment datasets are recorded by
 * datasets.ts, which refuses one the programme already holds.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Insertable, sql, type Transaction } from 'kysely';
import { ProblemsError } from '../domain/problem.js';
import { employmentOverlaps } from '../engine/employment-overlap.js';
import {
  type CheckedFile,
  withCheckedEvents,
  withCheckedParticipants,
  writeCanonicalEmployment,
} from '../engine/import-check.js';
import { fold } from '../engine/snapshot/closest-name.js';
import type { HeaderNaming } from '../engine/snapshot/header-names.js';
import { INPUT_COLUMNS } from '../engine/snapshot/input-tables.js';
import { digestFile } from '../files/file-digest.js';
import { appendAudit } from '../store/audit-log.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actor.js';
import {
  type Dataset,
  datasetsInForce,
  heldDataset,
  heldRefusal,
  overlapRefusal,
  recordDataset,
  type Supersedes,
} from './datasets.js';
import { NATIONAL_ID, personKey, personKeySecret, refusePersonKeyColumn } from './person-key.js';

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

/** How the sender's file is read, and whether anything is written. */
export interface ImportOptions {
  /**
   * The sender's column mapping: their headers (compared trimmed, without regard to case)
   * and the columns they stand for, as a run's `--columns` file gives them.
   */
  readonly mapping?: ReadonlyMap<string, string>;
  /** Check the file whole, against the store as the import would, and write nothing. */
  readonly checkOnly?: boolean;
}

/** The engine's reading of a mapping: keyed by the folded header. */
function namingOf(options: ImportOptions): HeaderNaming {
  if (!options.mapping) return {};
  return {
    mapping: new Map([...options.mapping].map(([header, column]) => [fold(header), column])),
  };
}

/** Limits an import to what the caller may write: a provider only its own participants. */
export interface ImportScope extends ImportOptions {
  readonly providerId?: string;
  /**
   * The caller's organisation when a caller sent the file: the import's writes then run
   * under row-level security (store/caller-scope.ts). Absent for set-up code.
   */
  readonly organisationId?: string;
}

/** The import's one transaction, caller-scoped when a caller sent the file. */
function importTransaction(
  store: Store,
  scope: ImportScope,
  work: (tx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  return scope.organisationId === undefined
    ? store.db.transaction().execute(work)
    : withCaller(store.db, scope.organisationId, work);
}

export interface ParticipantImport extends ImportScope {
  /**
   * Set-up code only (the demo seed, test fixtures, benchmarks), never a request: take the
   * file's `person_key` column as given, its keys having been made by the data controller.
   */
  readonly personKeysFromFile?: boolean;
}

/** Bad rows found against the store (not the file): unknown providers, duplicates, scope. */
async function refuseRows(
  input: CheckedFile<unknown>,
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
  scope: ParticipantImport = {},
): Promise<number> {
  return withCheckedParticipants(path, file, namingOf(scope), async (input) => {
    if (!scope.personKeysFromFile) await refusePersonKeyColumn(input, file);
    const attributes = input.extraColumns.filter((c) => c !== NATIONAL_ID);
    const secret = input.extraColumns.includes(NATIONAL_ID) ? personKeySecret() : null;
    const rows = input.records.map((r) => {
      const nationalId = r.extra[NATIONAL_ID] ?? null;
      return {
        programme_id: programmeId,
        participant_id: r.participant_id,
        provider_id: r.provider_id,
        enrolled_on: r.enrolled_on,
        person_key:
          secret && nationalId !== null
            ? personKey(secret, nationalId)
            : scope.personKeysFromFile
              ? r.person_key
              : null,
        birth_date: r.birth_date,
        attributes: JSON.stringify(
          Object.fromEntries(
            attributes.flatMap((c) => {
              const value = r.extra[c] ?? null;
              return value === null ? [] : [[c, value]];
            }),
          ),
        ),
      };
    });
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
      const ord = input.records[i]?.ord ?? i;
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
    if (scope.checkOnly) return rows.length;
    await importTransaction(store, scope, async (tx) => {
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
  return withCheckedEvents(path, file, namingOf(scope), async (input) => {
    const found = input.records;
    const owners = await existingParticipants(store, programmeId, [
      ...new Set(found.map((r) => r.participant_id)),
    ]);
    const bad: { ord: number; column: string; message: string }[] = [];
    for (const r of found) {
      const ord = r.ord;
      const owner = owners.get(r.participant_id);
      // A provider is told the same whether another provider serves the participant or
      // nobody does: which ids other providers hold is not its business.
      if (scope.providerId !== undefined && owner !== scope.providerId)
        bad.push({
          ord,
          column: 'participant_id',
          message: `participant "${r.participant_id}" is not one of ${scope.providerId}'s participants`,
        });
      else if (owner === undefined)
        bad.push({
          ord,
          column: 'participant_id',
          message: `participant "${r.participant_id}" is not in the programme`,
        });
      // Providers report what happened; verification and admin records come from others.
      if (scope.providerId !== undefined && (r.source !== 'provider' || r.verified)) {
        bad.push({
          ord,
          column: r.source !== 'provider' ? 'source' : 'verified',
          message: 'a provider reports unverified provider events only',
        });
      }
    }
    await refuseRows(input, file, bad);
    if (scope.checkOnly) return found.length;
    const rows = found.map((r) => ({
      programme_id: programmeId,
      participant_id: r.participant_id,
      type: r.type,
      occurred_on: r.occurred_on,
      value: r.value,
      source: r.source as 'provider' | 'admin' | 'verifier',
      verification: r.verified ? ('verified' as const) : ('unverified' as const),
    }));
    await importTransaction(store, scope, async (tx) => {
      await insertAll(tx, 'events', rows);
      await appendAudit(
        tx,
        importRecord(actor, 'events', programmeId, file, rows.length, await input.sha256),
      );
    });
    return rows.length;
  });
}

/**
 * Keeps an employment file as canonical Parquet named by its SHA-256 and records it in force,
 * superseding `supersedes` when given. Refused (DatasetRefusal) when the programme already
 * holds the same bytes (asked before the file is read) or the same canonical content, or when
 * a dataset in force other than the one superseded has records of the same person, month and
 * employer.
 */
export async function importEmployment(
  store: Store,
  actor: Actor,
  programmeId: string,
  path: string,
  file: string,
  supersedes?: Supersedes,
  options: ImportOptions = {},
): Promise<Dataset> {
  const source = await digestFile(path, false);
  const held = await heldDataset(store.db, programmeId, { sourceSha256: source.sha256 });
  if (held) throw heldRefusal(held);
  const files = join(store.dataDir, 'files');
  const staging = join(files, `.staging-${process.pid}-${randomBytes(8).toString('hex')}.parquet`);
  try {
    const rows = await writeCanonicalEmployment(path, file, staging, namingOf(options));
    const { sha256 } = await digestFile(staging, false);
    const kept = join(files, `${sha256}.parquet`);
    // Content-addressed: a concurrent upload of the same data renames the same bytes.
    await rename(staging, kept);
    const stored = (d: Dataset) => join(files, `${d.sha256}.parquet`);
    return await recordDataset(store, actor, programmeId, {
      dataset: { sha256, sourceSha256: source.sha256, rows, name: file },
      columns: INPUT_COLUMNS.employment.map((c) => c.name),
      ...(supersedes ? { supersedes } : {}),
      check: async (inForce) => {
        const [first] = await employmentOverlaps(kept, inForce.map(stored));
        const held = first && inForce[first.index];
        if (first && held) throw overlapRefusal(held, first);
      },
    });
  } finally {
    await rm(staging, { force: true });
  }
}

/**
 * Checks an employment file as importEmployment would, keeping nothing: its cells, that the
 * programme holds neither the same bytes nor the same content, and that it shares no record
 * with a dataset in force (other than the one it supersedes). Answers the rows it holds.
 */
export async function checkEmployment(
  store: Store,
  programmeId: string,
  path: string,
  file: string,
  options: ImportOptions & { readonly supersedes?: Supersedes } = {},
): Promise<number> {
  const source = await digestFile(path, false);
  const held = await heldDataset(store.db, programmeId, { sourceSha256: source.sha256 });
  if (held) throw heldRefusal(held);
  const files = join(store.dataDir, 'files');
  await mkdir(files, { recursive: true });
  const staging = join(files, `.check-${process.pid}-${randomBytes(8).toString('hex')}.parquet`);
  try {
    const rows = await writeCanonicalEmployment(path, file, staging, namingOf(options));
    const { sha256 } = await digestFile(staging, false);
    const same = await heldDataset(store.db, programmeId, { sha256, sourceSha256: source.sha256 });
    if (same) throw heldRefusal(same);
    const inForce = (await datasetsInForce(store, programmeId)).filter(
      (d) => d.id !== options.supersedes?.id,
    );
    const [first] = await employmentOverlaps(
      staging,
      inForce.map((d) => join(files, `${d.sha256}.parquet`)),
    );
    const overlapping = first && inForce[first.index];
    if (first && overlapping) throw overlapRefusal(overlapping, first);
    return rows;
  } finally {
    await rm(staging, { force: true });
  }
}
