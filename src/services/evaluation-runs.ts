/**
 * Evaluation runs of a programme. Asking for a run records it as queued and returns at once;
 * the run queue (run-queue.ts) evaluates it in a child process, one run at a time per
 * programme, and records the outcome: the run and its achievements in one transaction, or
 * the reason it failed. `runEvaluation` asks and waits, for callers that need the result.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { invariant } from '../domain/invariant.js';
import { parseLocalDate } from '../domain/local-date.js';
import { type Cents, centsFromInteger, formatCents } from '../domain/money.js';
import { type Problem, ProblemsError } from '../domain/problem.js';
import type { Store } from '../store/database.js';
import type { RunStatus } from '../store/schema.js';
import type { Actor } from './actor.js';
import { currentContract } from './programmes.js';
import { runDispatcher } from './run-queue.js';

export interface RunRecord {
  readonly runId: string;
  readonly packSha256: string;
  readonly paid: string;
}

/** What asking for a run answers: its id, and its place in the programme's queue. */
export interface RunTicket {
  readonly runId: string;
  readonly status: RunStatus;
  /** Runs ahead of it in the queue (queued or running); null once it is running or done. */
  readonly position: number | null;
}

/** A run as GET /runs/{id} shows it. */
export interface RunState extends RunTicket {
  readonly programmeId: string;
  readonly asOf: string;
  readonly contractVersion: number;
  readonly progress: { step: string; done: number; total: number | null } | null;
  readonly failureReason: string | null;
  readonly problems: readonly Problem[];
  readonly paidCents: Cents | null;
  readonly packSha256: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

/** Queues a run of the programme's current contract as of a day; it starts when its turn comes. */
export async function startRun(
  store: Store,
  actor: Actor,
  programmeId: string,
  asOfText: string,
): Promise<RunTicket> {
  const asOf = parseLocalDate(asOfText);
  if (!asOf)
    throw new ProblemsError([
      { code: 'run.as_of', message: `as-of "${asOfText}" must be a real day, YYYY-MM-DD` },
    ]);
  const { version } = await currentContract(store, programmeId);
  const run = await store.db
    .insertInto('evaluation_runs')
    .values({
      programme_id: programmeId,
      contract_version: version,
      as_of: asOf,
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await runDispatcher(store).kick(programmeId);
  const state = await runState(store, run.id);
  return { runId: run.id, status: state.status, position: state.position };
}

/** Queues a run and waits for it; a failed run throws ProblemsError saying why. */
export async function runEvaluation(
  store: Store,
  actor: Actor,
  programmeId: string,
  asOfText: string,
): Promise<RunRecord> {
  const { runId } = await startRun(store, actor, programmeId, asOfText);
  await runDispatcher(store).settled(runId);
  const run = await runState(store, runId);
  if (run.status !== 'succeeded' || run.packSha256 === null || run.paidCents === null) {
    const reason = `evaluation run ${runId} failed: ${run.failureReason}`;
    throw new ProblemsError(
      run.problems.length > 0 ? run.problems : [{ code: 'run.failed', message: reason }],
    );
  }
  return { runId, packSha256: run.packSha256, paid: formatCents(run.paidCents) };
}

/** A run's status, progress, failure or result. */
export async function runState(store: Store, runId: string): Promise<RunState> {
  const row = await store.db
    .selectFrom('evaluation_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  return {
    runId: row.id,
    programmeId: row.programme_id,
    asOf: row.as_of,
    contractVersion: row.contract_version,
    status: row.status,
    position: row.status === 'queued' ? await queuePosition(store, row.programme_id, row.id) : null,
    progress:
      row.progress_step === null
        ? null
        : { step: row.progress_step, done: row.progress_done ?? 0, total: row.progress_total },
    failureReason: row.failure_reason,
    problems: (row.failure_problems as Problem[] | null) ?? [],
    paidCents: row.paid_cents === null ? null : centsFromInteger(row.paid_cents, 'run paid'),
    packSha256: (row.outputs as { pack?: string } | null)?.pack ?? null,
    createdAt: new Date(row.created_at),
    startedAt: row.started_at === null ? null : new Date(row.started_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
  };
}

async function queuePosition(store: Store, programmeId: string, runId: string): Promise<number> {
  const ahead = await store.db
    .selectFrom('evaluation_runs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_id', '=', programmeId)
    .where('status', 'in', ['queued', 'running'])
    .where('id', '<', runId)
    .executeTakeFirstOrThrow();
  return Number(ahead.n);
}

/** The programme's most recent succeeded evaluation run, if any. */
export async function latestRun(
  store: Store,
  programmeId: string,
): Promise<{ id: string; as_of: string; paid_cents: string } | undefined> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['id', 'as_of', 'paid_cents'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  // A succeeded run always records what it pays; reading a missing amount as 0 would hide it.
  invariant(
    run.paid_cents !== null,
    'run.paid',
    () => `succeeded run ${run.id} has no paid amount`,
  );
  return { ...run, paid_cents: run.paid_cents };
}

/** The evidence pack of a succeeded run; null while a run has none (queued, running, failed). */
export async function readEvidencePack(store: Store, runId: string): Promise<Uint8Array | null> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select('outputs')
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const pack = (run.outputs as { pack?: string } | null)?.pack;
  return pack ? readFile(join(store.dataDir, 'packs', `${pack}.zip`)) : null;
}
