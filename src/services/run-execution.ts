/**
 * Evaluates one claimed run: exports the programme's snapshot to a private folder, evaluates
 * it in a child process (engine/isolated-run.ts), keeps the evidence pack and reads back the
 * achievements for the store. Writes nothing to the store: run-queue.ts records the outcome.
 * The pack file is content-addressed, so one left by a run that is never recorded is harmless.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cents, parseCentsOrThrow } from '../domain/money.js';
import type { ProgressListener } from '../engine/evaluate.js';
import { evaluateIsolated, type RunLimits } from '../engine/isolated-run.js';
import { csvRecords } from '../files/csv-records.js';
import type { Store } from '../store/database.js';
import { buildEvidencePack } from './evidence-pack.js';
import { exportSnapshot } from './run-snapshot.js';

/** A run taken from the queue by this process. */
export interface ClaimedRun {
  readonly id: string;
  readonly programmeId: string;
  readonly contractVersion: number;
  readonly asOf: string;
  readonly createdBy: string;
}

export interface AchievementRow {
  readonly participant_id: string;
  readonly outcome_id: string;
  readonly achieved_on: string;
  readonly version: string;
  readonly price_cents: Cents;
  readonly amount_cents: Cents;
  readonly status: string;
}

export interface EvaluatedRun {
  readonly paid: string;
  readonly paidCents: Cents;
  readonly inputs: Readonly<Record<string, string>>;
  readonly packSha256: string;
  readonly achievements: readonly AchievementRow[];
  /** Ids of the employment datasets the run read (those in force when it started). */
  readonly employmentDatasets: readonly string[];
}

export async function evaluateRun(
  store: Store,
  run: ClaimedRun,
  limits: RunLimits,
  onProgress: ProgressListener,
  signal: AbortSignal,
): Promise<EvaluatedRun> {
  const version = await store.db
    .selectFrom('contract_versions')
    .select(['yaml', 'sha256'])
    .where('programme_id', '=', run.programmeId)
    .where('version', '=', run.contractVersion)
    .executeTakeFirstOrThrow();
  const dir = await mkdtemp(join(tmpdir(), 'resulta-run-'));
  try {
    const files = await exportSnapshot(store, run.programmeId, dir, version.yaml);
    const outputs = join(dir, 'outputs');
    const spillDir = join(dir, 'spill');
    await mkdir(outputs);
    await mkdir(spillDir);
    const result = await evaluateIsolated(
      {
        contractYaml: version.yaml,
        contractSha256: version.sha256,
        asOf: run.asOf,
        participants: files.participants,
        events: files.events,
        employmentSources: files.employmentSources,
        employment: files.employment,
        outDir: outputs,
        spillDir,
      },
      limits,
      onProgress,
      signal,
    );
    const { zip } = await buildEvidencePack(
      { ...files, outputs },
      { programme: run.programmeId, contractVersion: run.contractVersion, asOf: run.asOf },
    );
    const packSha256 = createHash('sha256').update(zip).digest('hex');
    await mkdir(join(store.dataDir, 'packs'), { recursive: true });
    await writeFile(join(store.dataDir, 'packs', `${packSha256}.zip`), zip);
    return {
      paid: result.paid,
      paidCents: parseCentsOrThrow(result.paid, 'summary.json paid'),
      inputs: result.inputs,
      packSha256,
      achievements: await readAchievements(join(outputs, 'achievements.csv')),
      employmentDatasets: files.employmentDatasets.map((d) => d.id),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** achievements.csv: participant, provider, segment, outcome, day, version, price, amount, status. */
async function readAchievements(path: string): Promise<AchievementRow[]> {
  const records = csvRecords(await readFile(path, 'utf8')).slice(1);
  return records.map(([participant, , , outcome, day, version, price, amount, status]) => ({
    participant_id: participant as string,
    outcome_id: outcome as string,
    achieved_on: day as string,
    version: version as string,
    price_cents: parseCentsOrThrow(price ?? '', 'achievements.csv price'),
    amount_cents: parseCentsOrThrow(amount ?? '', 'achievements.csv amount'),
    status: status as string,
  }));
}
