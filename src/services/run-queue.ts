/**
 * The queue of evaluation runs, kept in the store: each programme evaluates one run at a time
 * and the others wait, oldest first. A server process claims a programme's next queued run
 * under an advisory lock (so several servers on one database still run one at a time per
 * programme), evaluates it in a child process and records the outcome, claiming the next run
 * in the same transaction. While a run is running its process refreshes `heartbeat_at`; a run
 * whose heartbeat stops (its server was killed) is failed by the next claim on the programme.
 *
 * The dispatcher is per store and per process: the API server attaches to it (and detaches on
 * close, which stops local runs and puts them back in the queue); bill drafting and the demo
 * seed use it without a server and wait for their run.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { sql, type Transaction } from 'kysely';
import { RunFailure, runLimitsFromEnv } from '../engine/isolated-run.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import { type ClaimedRun, type EvaluatedRun, evaluateRun } from './run-execution.js';

const RUN_LOCK = 7_240_521;
const HEARTBEAT_MS = 5_000;
/** A running run not heard of for this long has lost its process. */
const STALE = sql<Date>`now() - interval '30 seconds'`;
const RETRY_MS = 2_000;
const POLL_MS = 1_000;
const STOPPED = 'stopped: the server is shutting down';

type Claim = { readonly run: ClaimedRun } | { readonly blocked: true } | { readonly empty: true };

/** Takes the programme's oldest queued run if none is running; fails runs whose server died. */
async function claimNext(
  tx: Transaction<Database>,
  programmeId: string,
  runner: string,
): Promise<Claim> {
  await sql`SELECT pg_advisory_xact_lock(${RUN_LOCK}, hashtext(${programmeId}))`.execute(tx);
  await tx
    .updateTable('evaluation_runs')
    .set({
      status: 'failed',
      failure_reason: 'interrupted: the server evaluating it stopped (no heartbeat for 30 s)',
      finished_at: sql`now()`,
    })
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', STALE)
    .execute();
  const active = await tx
    .selectFrom('evaluation_runs')
    .select(['id', 'status', 'contract_version', 'as_of', 'created_by'])
    .where('programme_id', '=', programmeId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('status', 'desc') // running first
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!active) return { empty: true };
  if (active.status === 'running') return { blocked: true };
  await tx
    .updateTable('evaluation_runs')
    .set({
      status: 'running',
      runner,
      started_at: sql`now()`,
      heartbeat_at: sql`now()`,
      progress_step: 'exporting the snapshot',
      progress_done: 0,
      progress_total: null,
    })
    .where('id', '=', active.id)
    .execute();
  return {
    run: {
      id: active.id,
      programmeId,
      contractVersion: active.contract_version,
      asOf: active.as_of,
      createdBy: active.created_by,
    },
  };
}

/** Records a succeeded run whole: its result, its achievements and its audit entry. */
async function recordSuccess(
  tx: Transaction<Database>,
  run: ClaimedRun,
  runner: string,
  result: EvaluatedRun,
): Promise<void> {
  const updated = await tx
    .updateTable('evaluation_runs')
    .set({
      status: 'succeeded',
      inputs: JSON.stringify(result.inputs),
      outputs: JSON.stringify({ pack: result.packSha256 }),
      paid_cents: result.paidCents,
      employment_datasets: JSON.stringify(result.employmentDatasets),
      progress_step: 'done',
      finished_at: sql`now()`,
    })
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .executeTakeFirst();
  // Failed meanwhile as stale (this process stalled past the heartbeat): that record stands.
  if (Number(updated.numUpdatedRows) !== 1) return;
  const rows = result.achievements.map((a) => ({ run_id: run.id, ...a }));
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('run_achievements')
      .values(rows.slice(i, i + 1000))
      .execute();
  await appendAudit(tx, {
    actor: run.createdBy,
    action: 'evaluate',
    entity: 'evaluation_run',
    entityId: run.id,
    reason: `evaluation as of ${run.asOf}`,
    data: { pack: result.packSha256, paid: result.paid },
  });
}

/** Records why a run has no result. The ledger and the audit log are not touched. */
async function recordFailure(
  tx: Transaction<Database>,
  run: ClaimedRun,
  runner: string,
  failure: RunFailure,
): Promise<void> {
  await tx
    .updateTable('evaluation_runs')
    .set({
      status: 'failed',
      failure_reason: failure.reason,
      failure_problems: failure.problems.length > 0 ? JSON.stringify(failure.problems) : null,
      finished_at: sql`now()`,
    })
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .execute();
}

/** A run stopped by its server's shutdown goes back to the queue, to run when a server starts. */
async function requeue(tx: Transaction<Database>, run: ClaimedRun, runner: string) {
  await tx
    .updateTable('evaluation_runs')
    .set({
      status: 'queued',
      runner: null,
      started_at: null,
      heartbeat_at: null,
      progress_step: null,
      progress_done: null,
      progress_total: null,
    })
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .execute();
}

type Outcome = { readonly result: EvaluatedRun } | { readonly failure: RunFailure };

function asFailure(error: unknown): RunFailure {
  if (error instanceof RunFailure) return error;
  return new RunFailure(`the run failed: ${error instanceof Error ? error.message : error}`);
}

function logError(error: unknown): void {
  process.stderr.write(
    `resulta: evaluation runs: ${error instanceof Error ? error.stack : error}\n`,
  );
}

export class RunDispatcher {
  /** Names this process in `evaluation_runs.runner`. */
  readonly runner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly driving = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Programmes whose queue waits on a run of another process (or of a dead one). */
  private readonly waiting = new Set<string>();
  private readonly active = new Map<string, AbortController>();
  private readonly finished = new EventEmitter().setMaxListeners(0);
  private readonly succeeded = new EventEmitter().setMaxListeners(0);
  private servers = 0;
  private stopping = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private resuming: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  /** A server starts using the queue: check the limits, and pick up runs left queued. */
  attach(): void {
    runLimitsFromEnv();
    this.servers += 1;
    this.stopping = false;
    if (this.servers === 1) this.resuming = this.resume().catch(logError);
  }

  /** A server stops; when it was the last, local runs are stopped and queued again. */
  async detach(): Promise<void> {
    this.servers = Math.max(0, this.servers - 1);
    if (this.servers > 0) return;
    this.stopping = true;
    await this.resuming;
    this.clearTimers();
    for (const controller of this.active.values()) controller.abort();
    await Promise.allSettled([...this.driving.values()]);
  }

  /** Calls `listener` each time a run evaluated here has succeeded. */
  onSucceeded(listener: (programmeId: string, runId: string) => void): () => void {
    this.succeeded.on('run', listener);
    return () => this.succeeded.off('run', listener);
  }

  /** Drives the programme's queue in this process; resolves once its first claim is made. */
  async kick(programmeId: string): Promise<void> {
    if (this.stopping) return;
    if (this.driving.has(programmeId)) {
      this.again.add(programmeId);
      return;
    }
    let claimed = () => {};
    const firstClaim = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    const drive = this.drive(programmeId, () => claimed()).catch(logError);
    this.driving.set(programmeId, drive);
    await Promise.race([firstClaim, drive]);
  }

  /** Resolves when the run has succeeded or failed (whichever process evaluates it). */
  async settled(runId: string): Promise<void> {
    for (;;) {
      const woken = this.wake(runId);
      const row = await this.store.db
        .selectFrom('evaluation_runs')
        .select('status')
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      if (row.status === 'succeeded' || row.status === 'failed') return woken.cancel();
      if (this.stopping) {
        woken.cancel();
        throw new RunFailure(`${STOPPED}; run ${runId} is queued again`);
      }
      await woken.promise;
    }
  }

  private wake(runId: string) {
    let done = () => {};
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), POLL_MS);
      done = () => {
        clearTimeout(timer);
        this.finished.off(runId, done);
        resolve();
      };
      this.finished.on(runId, done);
    });
    return { promise, cancel: () => done() };
  }

  private async drive(programmeId: string, claimed: () => void): Promise<void> {
    try {
      do {
        this.again.delete(programmeId);
        let claim = await this.store.db
          .transaction()
          .execute((tx) => claimNext(tx, programmeId, this.runner));
        claimed();
        while ('run' in claim) claim = await this.execute(claim.run);
        if ('blocked' in claim) this.waiting.add(programmeId);
        else this.waiting.delete(programmeId);
      } while (this.again.has(programmeId) && !this.stopping);
    } finally {
      this.driving.delete(programmeId);
      this.scheduleRetry();
    }
  }

  /** Evaluates a claimed run, records its outcome and claims the programme's next run. */
  private async execute(run: ClaimedRun): Promise<Claim> {
    const controller = new AbortController();
    this.active.set(run.id, controller);
    this.scheduleHeartbeat();
    let progress = Promise.resolve();
    let outcome: Outcome;
    try {
      if (this.stopping) controller.abort();
      controller.signal.throwIfAborted();
      const result = await evaluateRun(
        this.store,
        run,
        runLimitsFromEnv(),
        (step, done, total) => {
          progress = progress.then(() => this.recordProgress(run.id, step, done, total));
        },
        controller.signal,
      );
      outcome = { result };
    } catch (error) {
      outcome = { failure: controller.signal.aborted ? new RunFailure(STOPPED) : asFailure(error) };
    } finally {
      this.active.delete(run.id);
    }
    await progress;
    const next = await this.finish(run, outcome);
    this.finished.emit(run.id);
    if ('result' in outcome) this.succeeded.emit('run', run.programmeId, run.id);
    return next;
  }

  private async finish(run: ClaimedRun, outcome: Outcome): Promise<Claim> {
    const stopped = 'failure' in outcome && outcome.failure.reason === STOPPED;
    const record = (tx: Transaction<Database>) => {
      if ('result' in outcome) return recordSuccess(tx, run, this.runner, outcome.result);
      if (stopped) return requeue(tx, run, this.runner);
      return recordFailure(tx, run, this.runner, outcome.failure);
    };
    const finishAndClaim = (recorder: typeof record) =>
      this.store.db.transaction().execute(async (tx): Promise<Claim> => {
        await sql`SELECT pg_advisory_xact_lock(${RUN_LOCK}, hashtext(${run.programmeId}))`.execute(
          tx,
        );
        await recorder(tx);
        return this.stopping ? { empty: true } : claimNext(tx, run.programmeId, this.runner);
      });
    try {
      return await finishAndClaim(record);
    } catch (error) {
      // The result could not be recorded (a constraint, a lost connection): say so on the run.
      const failure = new RunFailure(
        `the result could not be recorded: ${asFailure(error).message}`,
      );
      return finishAndClaim((tx) => recordFailure(tx, run, this.runner, failure));
    }
  }

  private async recordProgress(runId: string, step: string, done: number, total: number) {
    await this.store.db
      .updateTable('evaluation_runs')
      .set({
        progress_step: step,
        progress_done: done,
        progress_total: total,
        heartbeat_at: sql`now()`,
      })
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .where('runner', '=', this.runner)
      .execute()
      .catch(logError);
  }

  /** Picks up the queues of every programme with runs queued or running when a server starts. */
  private async resume(): Promise<void> {
    const programmes = await this.store.db
      .selectFrom('evaluation_runs')
      .select('programme_id')
      .distinct()
      .where('status', 'in', ['queued', 'running'])
      .execute();
    for (const p of programmes) await this.kick(p.programme_id);
  }

  private scheduleHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      const ids = [...this.active.keys()];
      if (ids.length === 0) {
        if (this.heartbeat) clearInterval(this.heartbeat);
        this.heartbeat = null;
        return;
      }
      this.store.db
        .updateTable('evaluation_runs')
        .set({ heartbeat_at: sql`now()` })
        .where('id', 'in', ids)
        .where('runner', '=', this.runner)
        .execute()
        .catch(logError);
    }, HEARTBEAT_MS).unref();
  }

  /** While a queue waits on another process, look again every few seconds. */
  private scheduleRetry(): void {
    if (this.retry || this.waiting.size === 0 || this.stopping) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      for (const p of [...this.waiting]) if (!this.driving.has(p)) void this.kick(p);
    }, RETRY_MS).unref();
  }

  private clearTimers(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retry) clearTimeout(this.retry);
    this.heartbeat = null;
    this.retry = null;
  }
}

const dispatchers = new WeakMap<Store, RunDispatcher>();

/** The dispatcher of this process for `store`. */
export function runDispatcher(store: Store): RunDispatcher {
  let found = dispatchers.get(store);
  if (!found) {
    found = new RunDispatcher(store);
    dispatchers.set(store, found);
  }
  return found;
}
