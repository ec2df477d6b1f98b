/**
 * A programme's employment datasets and their lifecycle. A dataset is in force until it is
 * superseded by a later one (its correction) or withdrawn, each once, with who, when and why;
 * a run evaluates exactly the datasets in force. A programme holds a dataset's content once:
 * an upload whose canonical Parquet, or whose bytes, match a dataset in force or superseded
 * is refused, and so is one sharing records (person, month, employer) with a dataset in force
 * other than the one it supersedes, since merging them would count the same earnings twice.
 * A withdrawn dataset counts for nothing, so its content may be uploaded again.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database, DatasetStatus } from '../store/schema.js';
import type { Actor } from './actor.js';

export interface Dataset {
  readonly id: string;
  /** SHA-256 of the canonical Parquet. */
  readonly sha256: string;
  /** SHA-256 of the bytes as uploaded; null for datasets from before it was kept. */
  readonly sourceSha256: string | null;
  readonly rows: number;
  readonly name: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
  readonly status: DatasetStatus;
  readonly supersededBy: string | null;
  readonly endedBy: string | null;
  readonly endedAt: Date | null;
  readonly reason: string | null;
}

/**
 * Why a dataset change was refused: `held` (the content is already held: `dataset` is the
 * one), `overlaps` (some of its records are in `dataset`, in force), `ended` (the dataset
 * named is no longer in force) or `unknown` (no such dataset in the programme).
 */
export class DatasetRefusal extends Error {
  constructor(
    readonly kind: 'held' | 'overlaps' | 'ended' | 'unknown',
    message: string,
    readonly dataset?: Dataset,
  ) {
    super(message);
    this.name = 'DatasetRefusal';
  }
}

/** What an employment upload makes: the canonical file's hash, the upload's, rows, name. */
export interface NewDataset {
  readonly sha256: string;
  readonly sourceSha256: string;
  readonly rows: number;
  readonly name: string;
}

/** A correction: the dataset in force that the new one replaces, and why. */
export interface Supersedes {
  readonly id: string;
  readonly reason: string;
}

/** A dataset to record, and what to check it against while no other can be recorded. */
export interface DatasetRecord {
  readonly dataset: NewDataset;
  /** The columns of the canonical file, for the audit entry. */
  readonly columns: readonly string[];
  readonly supersedes?: Supersedes;
  /**
   * Refuses the dataset (throws) against the datasets in force but the one it supersedes;
   * called before they are locked, again if they changed meanwhile (recordDataset).
   */
  readonly check?: (inForce: readonly Dataset[]) => Promise<void>;
}

const DATASET_LOCK = 7_240_523;

const COLUMNS = [
  'id',
  'sha256',
  'source_sha256',
  'row_count',
  'source_name',
  'uploaded_by',
  'uploaded_at',
  'status',
  'superseded_by',
  'ended_by',
  'ended_at',
  'end_reason',
] as const;

type Row = Pick<Selectable<Database['employment_datasets']>, (typeof COLUMNS)[number]>;

function datasetOf(r: Row): Dataset {
  return {
    id: String(r.id),
    sha256: r.sha256,
    sourceSha256: r.source_sha256,
    rows: Number(r.row_count),
    name: r.source_name,
    uploadedBy: r.uploaded_by,
    uploadedAt: new Date(r.uploaded_at),
    status: r.status,
    supersededBy: r.superseded_by === null ? null : String(r.superseded_by),
    endedBy: r.ended_by,
    endedAt: r.ended_at === null ? null : new Date(r.ended_at),
    reason: r.end_reason,
  };
}

type Reader = Store['db'] | Transaction<Database>;

const datasets = (db: Reader, programmeId: string) =>
  db.selectFrom('employment_datasets').select(COLUMNS).where('programme_id', '=', programmeId);

/** Every dataset of the programme, oldest first. */
export async function listDatasets(store: Store, programmeId: string): Promise<Dataset[]> {
  return (await datasets(store.db, programmeId).orderBy('id').execute()).map(datasetOf);
}

/** The datasets in force, oldest first: what a run evaluates. */
export async function datasetsInForce(store: Store, programmeId: string): Promise<Dataset[]> {
  const rows = await datasets(store.db, programmeId)
    .where('status', '=', 'in_force')
    .orderBy('id')
    .execute();
  return rows.map(datasetOf);
}

/** The datasets a run evaluated, in the order it read them; empty for runs before 0009. */
export async function datasetsOfRun(store: Store, runId: string): Promise<Dataset[]> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['programme_id', 'employment_datasets'])
    .where('id', '=', runId)
    .executeTakeFirst();
  const ids = run?.employment_datasets ?? [];
  if (!run || ids.length === 0) return [];
  const rows = await datasets(store.db, run.programme_id).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [String(r.id), datasetOf(r)]));
  return ids.flatMap((id) => byId.get(String(id)) ?? []);
}

/**
 * The dataset in force or superseded whose canonical content or uploaded bytes are these,
 * if the programme holds one. Cheap enough to ask before the canonical file is written.
 */
export async function heldDataset(
  db: Reader,
  programmeId: string,
  hashes: { readonly sha256?: string; readonly sourceSha256: string },
): Promise<Dataset | undefined> {
  const row = await datasets(db, programmeId)
    .where('status', '<>', 'withdrawn')
    .where((eb) =>
      eb.or([
        eb('source_sha256', '=', hashes.sourceSha256),
        ...(hashes.sha256 ? [eb('sha256', '=', hashes.sha256)] : []),
      ]),
    )
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? datasetOf(row) : undefined;
}

/** Who sent a dataset and when, for messages. */
const described = (d: Dataset) =>
  `dataset ${d.id} (${d.name}), uploaded by ${d.uploadedBy} at ${d.uploadedAt.toISOString()}`;

const CORRECT_IT = 'to correct a dataset, upload the corrected one with ?supersedes=<id>&reason=…';

/**
 * The refusal of a dataset sharing `shared` of its `candidateKeys` records (person, month,
 * employer) with `held`, which has `storedKeys`: the same records when all three are equal.
 */
export function overlapRefusal(
  held: Dataset,
  overlap: {
    readonly shared: number;
    readonly candidateKeys: number;
    readonly storedKeys: number | null;
  },
): DatasetRefusal {
  if (overlap.shared === overlap.candidateKeys && overlap.shared === overlap.storedKeys)
    return new DatasetRefusal(
      'held',
      `the programme already holds these records: ${described(held)}, in force, has the same people, months and employers. Uploading them again would count the same earnings twice; ${CORRECT_IT}`,
      held,
    );
  return new DatasetRefusal(
    'overlaps',
    `${overlap.shared} of the ${overlap.candidateKeys} person-month-employer records of this file are already in ${described(held)}, in force: runs add both up, so those earnings would count twice. If this file corrects dataset ${held.id}, upload it with ?supersedes=${held.id}&reason=…; send only records the programme does not hold yet otherwise`,
    held,
  );
}

/** The 409 message naming the dataset already held. */
export function heldRefusal(held: Dataset): DatasetRefusal {
  const standing =
    held.status === 'in_force'
      ? 'it is in force'
      : `it was superseded by dataset ${held.supersededBy}`;
  return new DatasetRefusal(
    'held',
    `the programme already holds this data: ${described(held)}; ${standing}. Uploading it again would count the same earnings twice; ${CORRECT_IT}`,
    held,
  );
}

function requireReason(reason: string, what: string): void {
  if (reason.trim() === '')
    throw new ProblemsError([{ code: 'dataset.reason', message: `${what} needs a reason` }]);
}

/** The programme's dataset `id` for update, refused unless it is in force. */
async function inForce(tx: Reader, programmeId: string, id: string) {
  const row = /^\d{1,18}$/.test(id)
    ? await datasets(tx, programmeId).where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row) throw new DatasetRefusal('unknown', `employment dataset ${id} not found`);
  const dataset = datasetOf(row);
  if (dataset.status !== 'in_force')
    throw new DatasetRefusal(
      'ended',
      `employment dataset ${id} is ${dataset.status.replace('_', ' ')} (by ${dataset.endedBy}: ${dataset.reason}); only a dataset in force can be superseded or withdrawn`,
      dataset,
    );
  return dataset;
}

/** The ids of the datasets in force but `except`, oldest first. */
async function othersInForce(db: Reader, programmeId: string, except?: string) {
  const rows = await datasets(db, programmeId)
    .where('status', '=', 'in_force')
    .orderBy('id')
    .execute();
  return rows.map(datasetOf).filter((d) => d.id !== except);
}

const sameIds = (a: readonly Dataset[], b: readonly Dataset[]) =>
  a.length === b.length && a.every((d, i) => d.id === b[i]?.id);

/**
 * Records an uploaded dataset (its canonical file already kept) in force, and ends the one it
 * supersedes, in one transaction under the programme's dataset lock, so that of two identical
 * (or overlapping) uploads sent at once exactly one is recorded.
 *
 * `check` (seconds on a large file) runs before the transaction, which holds a connection (the
 * only one, on PGlite); under the lock the datasets in force are compared with those checked,
 * and when one was recorded or ended meanwhile the check runs again.
 */
export async function recordDataset(
  store: Store,
  actor: Actor,
  programmeId: string,
  { dataset, columns, supersedes, check }: DatasetRecord,
): Promise<Dataset> {
  if (supersedes) {
    requireReason(supersedes.reason, 'superseding a dataset');
    // Refused before the check, not after it; asked again under the lock.
    await inForce(store.db, programmeId, supersedes.id);
  }
  for (;;) {
    const checked = await othersInForce(store.db, programmeId, supersedes?.id);
    await check?.(checked);
    const recorded = await store.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${DATASET_LOCK}, hashtext(${programmeId}))`.execute(
        tx,
      );
      const held = await heldDataset(tx, programmeId, dataset);
      if (held) throw heldRefusal(held);
      const replaced = supersedes ? await inForce(tx, programmeId, supersedes.id) : undefined;
      if (check && !sameIds(checked, await othersInForce(tx, programmeId, replaced?.id)))
        return undefined;
      return insertDataset(tx, actor, programmeId, { dataset, columns, supersedes }, replaced);
    });
    if (recorded) return recorded;
  }
}

async function insertDataset(
  tx: Transaction<Database>,
  actor: Actor,
  programmeId: string,
  { dataset, columns, supersedes }: DatasetRecord,
  replaced: Dataset | undefined,
): Promise<Dataset> {
  const inserted = await tx
    .insertInto('employment_datasets')
    .values({
      programme_id: programmeId,
      sha256: dataset.sha256,
      source_sha256: dataset.sourceSha256,
      row_count: dataset.rows,
      source_name: dataset.name,
      uploaded_by: actor.id,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const recorded = datasetOf(inserted);
  await appendAudit(tx, {
    actor: actor.id,
    action: 'import',
    entity: 'employment_dataset',
    entityId: recorded.id,
    reason: `upload of ${dataset.name}`,
    data: {
      rows: dataset.rows,
      columns,
      sha256: dataset.sha256,
      source_sha256: dataset.sourceSha256,
      ...(replaced ? { supersedes: replaced.id } : {}),
    },
  });
  if (replaced && supersedes)
    await endDataset(tx, actor, replaced, 'superseded', supersedes.reason, recorded.id);
  return recorded;
}

/** Withdraws a dataset in force: runs no longer read it. */
export async function withdrawDataset(
  store: Store,
  actor: Actor,
  programmeId: string,
  id: string,
  reason: string,
): Promise<Dataset> {
  requireReason(reason, 'withdrawing a dataset');
  return store.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${DATASET_LOCK}, hashtext(${programmeId}))`.execute(tx);
    const dataset = await inForce(tx, programmeId, id);
    return endDataset(tx, actor, dataset, 'withdrawn', reason, null);
  });
}

async function endDataset(
  tx: Transaction<Database>,
  actor: Actor,
  dataset: Dataset,
  status: 'superseded' | 'withdrawn',
  reason: string,
  by: string | null,
): Promise<Dataset> {
  const ended = await tx
    .updateTable('employment_datasets')
    .set({
      status,
      ended_by: actor.id,
      ended_at: new Date(),
      end_reason: reason,
      ...(by === null ? {} : { superseded_by: by }),
    })
    .where('id', '=', dataset.id)
    .where('status', '=', 'in_force')
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: actor.id,
    action: status === 'superseded' ? 'supersede' : 'withdraw',
    entity: 'employment_dataset',
    entityId: dataset.id,
    reason,
    data: { status, ...(by === null ? {} : { superseded_by: by }), sha256: dataset.sha256 },
  });
  return datasetOf(ended);
}
