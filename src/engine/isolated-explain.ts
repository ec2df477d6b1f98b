/**
 * Explains one participant of a stored run in a child process (`explain-worker.ts`), as runs
 * are evaluated (isolated-run.ts): the evaluation behind an explanation costs what the run
 * cost, so it must not run on the API's event loop, and a crash or a runaway query costs the
 * explanation only. The same memory budget and time limit as runs; at most `PARALLEL`
 * explanations at a time per process, the others wait their turn.
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
  readonly participantId: string;
  /** An empty folder of the child's own: the pack is unpacked and evaluated there. */
  readonly workDir: string;
  readonly duckdbMemoryMb: number;
};

export type ExplainFromWorker =
  | { readonly type: 'explained'; readonly answer: ExplainAnswer }
  | { readonly type: 'problems'; readonly problems: readonly Problem[] }
  | { readonly type: 'error'; readonly message: string };

/** Explanations evaluated at once by this process; each is a whole run's evaluation. */
const PARALLEL = 2;
const turns = new Semaphore(PARALLEL);

/**
 * The explanation of `participantId` in the run whose pack is `pack`. A participant the run
 * does not hold is a RunFailure with the problem `explain.participant` saying why.
 */
export function explainIsolated(
  pack: string,
  participantId: string,
  limits: RunLimits,
): Promise<ExplainAnswer> {
  return turns.run(async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'resulta-explain-'));
    try {
      return await inChild({ pack, participantId, workDir }, limits);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
}

function inChild(
  asked: { pack: string; participantId: string; workDir: string },
  limits: RunLimits,
): Promise<ExplainAnswer> {
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
