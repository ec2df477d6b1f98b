/**
 * Explains one participant of a stored run in a child process (`explain-worker.ts`), as runs
 * are evaluated (isolated-run.ts), so a crash or a runaway query costs the explanation only.
 * The child reads the run's explanation index (explanation-index.ts), a few rows; the first
 * explanation of a run writes that index, which costs the run's whole evaluation (caps depend
 * on every participant): at most two such evaluations at a time per process, with the run's
 * memory budget and time limit, and one per run however many ask.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Problem } from '../domain/problem.js';
import { Semaphore } from '../files/semaphore.js';
import type { ExplainAnswer } from './explain-answer.js';
import { RunFailure, type RunLimits, splitMemory } from './isolated-run.js';

export type ExplainToWorker = {
  readonly type: 'explain';
  /** The run's evidence pack (zip). */
  readonly pack: string;
  /** Null: only write the run's explanation index. */
  readonly participantId: string | null;
  /** The run's explanation index: read when it exists, written from the pack when not. */
  readonly index: string;
  /** An empty folder of the child's own: the pack is unpacked and evaluated there. */
  readonly workDir: string;
  readonly duckdbMemoryMb: number;
};

export type ExplainFromWorker =
  | { readonly type: 'explained'; readonly answer: ExplainAnswer }
  | { readonly type: 'indexed' }
  | { readonly type: 'problems'; readonly problems: readonly Problem[] }
  | { readonly type: 'error'; readonly message: string };

/** Snapshots evaluated at once by this process (each is a whole run's evaluation). */
const evaluations = new Semaphore(2);
/** Explanations read from an index at once (a few rows each). */
const reads = new Semaphore(4);
/** Indexes being written, by path: a second asker waits for the first writing. */
const writing = new Map<string, Promise<void>>();

/**
 * The explanation of `participantId` in the run whose pack is `pack`, read from the run's
 * explanation index `index` (written first when missing). A participant the run does not hold
 * is a RunFailure with the problem `explain.participant` saying why.
 */
export async function explainIsolated(
  pack: string,
  participantId: string,
  limits: RunLimits,
  index: string,
): Promise<ExplainAnswer> {
  if (!existsSync(index)) await writeExplanationIndexIsolated(pack, limits, index);
  const read = () =>
    reads.run(() =>
      withWorkDir((workDir) => inChild({ pack, participantId, workDir, index }, limits)),
    );
  try {
    return (await read()) as ExplainAnswer;
  } catch (error) {
    if (error instanceof RunFailure && error.problems.length > 0) throw error;
    // An index this version cannot read (written by another DuckDB, or damaged): ours to
    // replace, from the pack.
    await rm(index, { force: true });
    await writeExplanationIndexIsolated(pack, limits, index);
    return (await read()) as ExplainAnswer;
  }
}

/** Writes the run's explanation index from its pack, once however many ask at the same time. */
export function writeExplanationIndexIsolated(
  pack: string,
  limits: RunLimits,
  index: string,
): Promise<void> {
  let under = writing.get(index);
  if (!under) {
    under = evaluations
      .run(() =>
        withWorkDir((workDir) => inChild({ pack, participantId: null, workDir, index }, limits)),
      )
      .then(() => undefined)
      .finally(() => writing.delete(index));
    writing.set(index, under);
  }
  return under;
}

async function withWorkDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), 'resulta-explain-'));
  try {
    return await work(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function inChild(
  asked: Pick<ExplainToWorker, 'pack' | 'participantId' | 'workDir' | 'index'>,
  limits: RunLimits,
): Promise<ExplainAnswer | null> {
  const { heapMb, duckdbMb } = splitMemory(limits.memoryMb);
  const child = fork(explainWorkerEntry(), [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    // DuckDB spills into the child's own folder, removed whatever happens.
    env: { ...process.env, TMPDIR: asked.workDir },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((settle, fail) => {
    let outcome: ExplainFromWorker | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutSeconds * 1000);
    child.on('message', (message: ExplainFromWorker) => {
      outcome = message;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(new RunFailure(`the explanation process could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result = outcome as ExplainFromWorker | null;
      if (result?.type === 'explained') settle(result.answer);
      else if (result?.type === 'indexed') settle(null);
      else if (result?.type === 'problems')
        fail(new RunFailure(result.problems[0]?.message ?? 'problems', result.problems));
      else if (result?.type === 'error') fail(new RunFailure(result.message));
      else if (timedOut)
        fail(new RunFailure(`timed out after ${limits.timeoutSeconds} s (RESULTA_RUN_TIMEOUT_S)`));
      else {
        const said = stderr.match(/FATAL ERROR: [^\n]*|[^\n]*out of memory[^\n]*/i)?.[0]?.trim();
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        fail(
          new RunFailure(
            `the explanation process stopped unexpectedly (${how})${said ? `: ${said}` : ''}`,
          ),
        );
      }
    });
    child.send({
      type: 'explain',
      ...asked,
      duckdbMemoryMb: duckdbMb,
    } satisfies ExplainToWorker);
  });
}

/** The compiled worker, found as isolated-run.ts finds the run worker (see there why). */
function explainWorkerEntry(): string {
  const here = import.meta.filename;
  const entry = here.endsWith('.js')
    ? join(import.meta.dirname, 'explain-worker.js')
    : resolve(import.meta.dirname, '../../dist/src/engine/explain-worker.js');
  if (!existsSync(entry))
    throw new Error(`the explanation worker ${entry} is missing: run npm run build first`);
  return entry;
}
