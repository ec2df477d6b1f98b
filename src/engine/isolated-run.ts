/**
 * Evaluates in a child process, so that a native crash, a runaway query or a stuck run costs
 * that run and nothing else: the child (`run-worker.ts`) gets a memory limit for its
 * JavaScript heap and for DuckDB, and is killed when it runs past the time limit. The caller
 * hears progress as it happens and gets the result, or a `RunFailure` saying why there is none.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Problem } from '../domain/problem.js';
import type { ProgressListener } from './evaluate.js';

/** What the child needs: the contract's text, the snapshot's files and where to write. */
export interface IsolatedRunRequest {
  readonly contractYaml: string;
  readonly contractSha256: string;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly participants: string;
  readonly events: string;
  /** The programme's employment datasets, merged by the child into `employment` first. */
  readonly employmentSources: readonly string[];
  readonly employment: string;
  /** An empty folder for the three outputs. */
  readonly outDir: string;
  /** A folder DuckDB may spill into; the caller removes it, even after a crash. */
  readonly spillDir: string;
}

export interface RunLimits {
  /** The child's whole budget: a quarter (at least 256 MB) for its heap, the rest for DuckDB. */
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

export interface IsolatedRunResult {
  /** Total paid, `0.00` text. */
  readonly paid: string;
  /** SHA-256 of the contract and of each input file. */
  readonly inputs: Readonly<Record<string, string>>;
}

/** The messages between the two processes. */
export type ToWorker = {
  readonly type: 'evaluate';
  readonly request: IsolatedRunRequest;
  readonly duckdbMemoryMb: number;
};
export type FromWorker =
  | {
      readonly type: 'progress';
      readonly step: string;
      readonly done: number;
      readonly total: number;
    }
  | ({ readonly type: 'succeeded' } & IsolatedRunResult)
  | { readonly type: 'problems'; readonly problems: readonly Problem[] }
  | { readonly type: 'error'; readonly message: string };

/** Why a run produced no result; `problems` when its input data was at fault. */
export class RunFailure extends Error {
  constructor(
    readonly reason: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(reason);
    this.name = 'RunFailure';
  }
}

export const DEFAULT_LIMITS: RunLimits = { memoryMb: 4096, timeoutSeconds: 1800 };

/** RESULTA_RUN_MEMORY_MB and RESULTA_RUN_TIMEOUT_S, or the defaults; a bad value is an error. */
export function runLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RunLimits {
  const read = (name: string, fallback: number, least: number): number => {
    const text = env[name];
    if (text === undefined || text.trim() === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < least)
      throw new Error(`${name}="${text}": expected a number of at least ${least}`);
    return value;
  };
  return {
    memoryMb: Math.floor(read('RESULTA_RUN_MEMORY_MB', DEFAULT_LIMITS.memoryMb, 512)),
    timeoutSeconds: read('RESULTA_RUN_TIMEOUT_S', DEFAULT_LIMITS.timeoutSeconds, 0.1),
  };
}

/** The JavaScript heap and DuckDB's share of a memory budget. */
export function splitMemory(memoryMb: number): { heapMb: number; duckdbMb: number } {
  const heapMb = Math.max(256, Math.floor(memoryMb / 4));
  return { heapMb, duckdbMb: Math.max(128, memoryMb - heapMb) };
}

/**
 * The compiled worker. From dist (npm start, the CLI) it sits next to this file; from the
 * TypeScript sources (vitest) it is the copy `npm run build` put in dist, because a child
 * process cannot load TypeScript without a loader.
 */
export function workerEntry(): string {
  const here = import.meta.filename;
  const entry = here.endsWith('.js')
    ? join(import.meta.dirname, 'run-worker.js')
    : resolve(import.meta.dirname, '../../dist/src/engine/run-worker.js');
  if (!existsSync(entry))
    throw new Error(`the evaluation worker ${entry} is missing: run npm run build first`);
  return entry;
}

/** Evaluates `request` in a child process within `limits`; `signal` stops it early. */
export function evaluateIsolated(
  request: IsolatedRunRequest,
  limits: RunLimits,
  onProgress: ProgressListener = () => {},
  signal?: AbortSignal,
): Promise<IsolatedRunResult> {
  const { heapMb, duckdbMb } = splitMemory(limits.memoryMb);
  const child = fork(workerEntry(), [], {
    // Only our flags: the parent's own (a test runner's loaders, inspectors) are not the child's.
    execArgv: [`--max-old-space-size=${heapMb}`],
    env: { ...process.env, TMPDIR: request.spillDir },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  return new Promise((settle, fail) => {
    const watch = watchChild(child, limits, signal);
    let outcome: FromWorker | null = null;
    child.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress(message.step, message.done, message.total);
      else outcome = message;
    });
    child.once('error', (error) => {
      watch.stop();
      fail(new RunFailure(`the evaluation process could not start: ${error.message}`));
    });
    child.once('close', (code, exitSignal) => {
      watch.stop();
      const result = outcome as FromWorker | null;
      if (result?.type === 'succeeded') settle({ paid: result.paid, inputs: result.inputs });
      else if (result?.type === 'problems')
        fail(new RunFailure(problemsReason(result.problems), result.problems));
      else if (result?.type === 'error') fail(new RunFailure(result.message));
      else fail(new RunFailure(watch.reason() ?? crashReason(code, exitSignal, watch.stderr())));
    });
    child.send({ type: 'evaluate', request, duckdbMemoryMb: duckdbMb } satisfies ToWorker);
  });
}

/** Kills the child at the time limit or when asked to stop, and keeps its last words. */
function watchChild(child: ChildProcess, limits: RunLimits, signal?: AbortSignal) {
  let killedFor: string | null = null;
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const kill = (why: string) => {
    killedFor ??= why;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(
    () => kill(`timed out after ${limits.timeoutSeconds} s (the limit is RESULTA_RUN_TIMEOUT_S)`),
    limits.timeoutSeconds * 1000,
  );
  const onAbort = () => kill('stopped: the server is shutting down');
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    reason: () => killedFor,
    stderr: () => stderr,
    stop() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

function problemsReason(problems: readonly Problem[]): string {
  const first = problems[0];
  const where = first?.file ? `${first.file}${first.row ? `, row ${first.row}` : ''}: ` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return `the input data has problems: ${where}${first?.message ?? 'unknown'}${more}`;
}

function crashReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  // Node and V8 say why they gave up on one line: keep it, not the stack trace around it.
  const said = stderr.match(/FATAL ERROR: [^\n]*|[^\n]*out of memory[^\n]*/i)?.[0]?.trim();
  return `the evaluation process stopped unexpectedly (${how})${said ? `: ${said}` : ''}`;
}
