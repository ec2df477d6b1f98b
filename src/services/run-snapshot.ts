/**
 * A run's input snapshot: the programme's data in the store written as the engine's input
 * files, sorted so the same data always gives the same bytes. Employment is exactly the
 * programme's datasets in force (datasets.ts), kept as stored; the evaluation process merges
 * them into one file. A participant whose shared person key a verifier decided is not theirs
 * is written without it, so no employment record counts for them (shared-person-keys.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from '../files/csv-writer.js';
import type { Store } from '../store/database.js';
import { datasetsInForce } from './datasets.js';
import { keyNotTheirs } from './shared-person-keys.js';

/** An employment dataset a run reads, as its evidence pack lists it. */
export interface SnapshotDataset {
  readonly id: string;
  readonly sha256: string;
  readonly rows: number;
}

export interface Snapshot {
  readonly contract: string;
  readonly participants: string;
  readonly events: string;
  /** Where the merged employment file is to be written. */
  readonly employment: string;
  /** The programme's employment datasets in force, canonical Parquet, in upload order. */
  readonly employmentSources: readonly string[];
  /** Those datasets, in the same order. */
  readonly employmentDatasets: readonly SnapshotDataset[];
}

export async function exportSnapshot(
  store: Store,
  programmeId: string,
  dir: string,
  yaml: string,
): Promise<Snapshot> {
  const files = {
    contract: join(dir, 'contract.yaml'),
    participants: join(dir, 'participants.csv'),
    events: join(dir, 'events.csv'),
    employment: join(dir, 'employment.parquet'),
  };
  await writeFile(files.contract, yaml);
  await writeFile(files.participants, await participantsCsv(store, programmeId));
  await writeFile(files.events, await eventsCsv(store, programmeId));
  const datasets = await datasetsInForce(store, programmeId);
  const employmentSources = datasets.map((d) =>
    join(store.dataDir, 'files', `${d.sha256}.parquet`),
  );
  const employmentDatasets = datasets.map((d) => ({ id: d.id, sha256: d.sha256, rows: d.rows }));
  return { ...files, employmentSources, employmentDatasets };
}

async function participantsCsv(store: Store, programmeId: string): Promise<string> {
  const participants = await store.db
    .selectFrom('participants')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('participant_id')
    .execute();
  const notTheirs = await keyNotTheirs(store, programmeId);
  const attributeNames = [
    ...new Set(participants.flatMap((p) => Object.keys(p.attributes))),
  ].sort();
  const lines = [
    csvLine([
      'participant_id',
      'provider_id',
      'enrolled_on',
      'person_key',
      'birth_date',
      ...attributeNames,
    ]),
  ];
  for (const p of participants) {
    lines.push(
      csvLine([
        p.participant_id,
        p.provider_id,
        p.enrolled_on,
        notTheirs.has(p.participant_id) ? null : p.person_key,
        p.birth_date,
        ...attributeNames.map((a) => p.attributes[a] ?? null),
      ]),
    );
  }
  return lines.join('');
}

async function eventsCsv(store: Store, programmeId: string): Promise<string> {
  const events = await store.db
    .selectFrom('events')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('participant_id')
    .orderBy('occurred_on')
    .orderBy('type')
    .orderBy('id')
    .execute();
  const lines = [csvLine(['participant_id', 'type', 'occurred_on', 'value', 'verified', 'source'])];
  for (const e of events) {
    lines.push(
      csvLine([
        e.participant_id,
        e.type,
        e.occurred_on,
        e.value,
        e.verification === 'verified' ? 'true' : 'false',
        e.source,
      ]),
    );
  }
  return lines.join('');
}
