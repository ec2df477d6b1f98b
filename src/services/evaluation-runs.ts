/**
 * An evaluation run of a programme: export the input snapshot from the store, run the
 * engine, keep the evidence pack, and record the run and its achievements in one
 * transaction. A crash before the commit leaves no run; the pack file is content-addressed,
 * so an orphan one is harmless.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLocalDate } from '../domain/local-date.js';
import { parseCents } from '../domain/money.js';
import { ProblemsError } from '../domain/problem.js';
import { openSession } from '../engine/duckdb-session.js';
import { evaluate } from '../engine/evaluate.js';
import { duckdb } from '../engine/sql/dialect.js';
import { csvRecords } from '../files/csv-records.js';
import { csvLine } from '../files/csv-writer.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Actor } from './actor.js';
import { buildEvidencePack } from './evidence-pack.js';
import { currentContract } from './programmes.js';

export interface RunRecord {
  readonly runId: string;
  readonly packSha256: string;
  readonly paid: string;
}

export async function runEvaluation(
  store: Store,
  actor: Actor,
  programmeId: string,
  asOfText: string,
): Promise<RunRecord> {
  const asOf = parseLocalDate(asOfText);
  if (!asOf)
    throw new ProblemsError([
      { code: 'run.as_of', message: `as-of "${asOfText}" must be a real day, YYYY-MM-DD` },
    ]);
  const { contract, ...version } = await currentContract(store, programmeId);
  const dir = await mkdtemp(join(tmpdir(), 'resulta-run-'));
  try {
    const files = await exportSnapshot(store, programmeId, dir, version.yaml);
    const outputs = join(dir, 'outputs');
    await mkdir(outputs);
    const input = (path: string, file: string) => ({ path, file });
    const result = await evaluate(
      {
        contract,
        contractSha256: version.sha256,
        asOf,
        inputs: {
          participants: input(files.participants, 'inputs/participants.csv'),
          events: input(files.events, 'inputs/events.csv'),
          employment: input(files.employment, 'inputs/employment'),
        },
      },
      outputs,
    );
    const { zip } = await buildEvidencePack(
      { ...files, outputs },
      { programme: programmeId, contractVersion: version.version, asOf },
    );
    const packSha256 = createHash('sha256').update(zip).digest('hex');
    await mkdir(join(store.dataDir, 'packs'), { recursive: true });
    await writeFile(join(store.dataDir, 'packs', `${packSha256}.zip`), zip);
    const achievements = csvRecords(
      await readFile(join(outputs, 'achievements.csv'), 'utf8'),
    ).slice(1);
    const runId = await store.db.transaction().execute(async (tx) => {
      const run = await tx
        .insertInto('evaluation_runs')
        .values({
          programme_id: programmeId,
          contract_version: version.version,
          as_of: asOf,
          inputs: JSON.stringify(result.summary.inputs),
          outputs: JSON.stringify({ pack: packSha256 }),
          paid_cents: parseCents(result.summary.paid) ?? 0,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = achievements.map(
        ([participant, , , outcome, day, v, price, amount, status]) => ({
          run_id: run.id,
          participant_id: participant as string,
          outcome_id: outcome as string,
          achieved_on: day as string,
          version: v as string,
          price_cents: parseCents(price as string) ?? 0,
          amount_cents: parseCents(amount as string) ?? 0,
          status: status as string,
        }),
      );
      for (let i = 0; i < rows.length; i += 1000)
        await tx
          .insertInto('run_achievements')
          .values(rows.slice(i, i + 1000))
          .execute();
      await appendAudit(tx, {
        actor: actor.id,
        action: 'evaluate',
        entity: 'evaluation_run',
        entityId: run.id,
        reason: `evaluation as of ${asOf}`,
        data: { pack: packSha256, paid: result.summary.paid },
      });
      return run.id;
    });
    return { runId, packSha256, paid: result.summary.paid };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The programme's most recent evaluation run, if any. */
export async function latestRun(store: Store, programmeId: string) {
  return store.db
    .selectFrom('evaluation_runs')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function readEvidencePack(store: Store, runId: string): Promise<Uint8Array> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select('outputs')
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const pack = (run.outputs as { pack: string }).pack;
  return readFile(join(store.dataDir, 'packs', `${pack}.zip`));
}

interface Snapshot {
  readonly contract: string;
  readonly participants: string;
  readonly events: string;
  readonly employment: string;
}

/** Writes the programme's data as the engine's input files, sorted so the bytes are stable. */
async function exportSnapshot(
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
  const participants = await store.db
    .selectFrom('participants')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('participant_id')
    .execute();
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
        p.person_key,
        p.birth_date,
        ...attributeNames.map((a) => p.attributes[a] ?? null),
      ]),
    );
  }
  await writeFile(files.participants, lines.join(''));
  const events = await store.db
    .selectFrom('events')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('participant_id')
    .orderBy('occurred_on')
    .orderBy('type')
    .orderBy('id')
    .execute();
  const eventLines = [
    csvLine(['participant_id', 'type', 'occurred_on', 'value', 'verified', 'source']),
  ];
  for (const e of events) {
    eventLines.push(
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
  await writeFile(files.events, eventLines.join(''));
  await writeEmployment(store, programmeId, files.employment);
  return files;
}

/** One Parquet file of every dataset of the programme, in upload order. */
async function writeEmployment(store: Store, programmeId: string, target: string): Promise<void> {
  const datasets = await store.db
    .selectFrom('employment_datasets')
    .select('sha256')
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
  const paths = datasets.map((d) => join(store.dataDir, 'files', `${d.sha256}.parquet`));
  if (paths.length === 1) return copyFile(paths[0] as string, target);
  const session = await openSession();
  try {
    // Several datasets are merged and sorted, so the same data always gives the same bytes.
    const source =
      paths.length === 0
        ? 'SELECT CAST(NULL AS VARCHAR) AS person_key, CAST(NULL AS VARCHAR) AS month, CAST(NULL AS VARCHAR) AS employer_id, CAST(NULL AS DECIMAL(21,2)) AS earnings WHERE FALSE'
        : `SELECT * FROM (${paths.map((p) => `SELECT * FROM read_parquet(${duckdb.string(p)})`).join(' UNION ALL ')}) ORDER BY person_key, month, employer_id, earnings`;
    await session.conn.run(`COPY (${source}) TO ${duckdb.string(target)} (FORMAT parquet)`);
  } finally {
    session.close();
  }
}
