/**
 * The start-up section of the benchmark (issue #6): what a user waits for when they type a
 * command. Each figure is a fresh process, start-up included, compared in the same run with
 * a bare `node -e 0` or with the hand-written SQL of bench/baseline.ts. Runs of the things
 * compared alternate, so drift in the machine's speed affects both alike.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_AS_OF } from '../src/demo/demo-contract.js';
import type { ProgrammeFiles } from '../src/demo/synthetic-programme.js';
import { openSession } from '../src/engine/duckdb-session.js';
import { runBaseline } from './baseline.js';
import { CLI, median, programme, REPO, seconds, spread } from './programmes.js';

export interface StartupOptions {
  /** Runs of each short command (bare Node, --help, validate). */
  readonly runs: number;
  /** Runs of the evaluation and of each baseline. */
  readonly evaluateRuns: number;
  readonly participants: number;
  /** A scratch folder for outputs. */
  readonly out: string;
}

/** Wall time of one fresh process, in milliseconds; a failing process fails the bench. */
function timeProcess(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  }
  return ms;
}

const COMMANDS = {
  bare: ['-e', '0'],
  help: [CLI, '--help'],
  validate: [CLI, 'validate', 'examples/tiny/contract.yaml'],
};

function shortCommands(runs: number): Record<keyof typeof COMMANDS, number[]> {
  const times = { bare: [] as number[], help: [] as number[], validate: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const name of ['bare', 'help', 'validate'] as const) {
      times[name].push(timeProcess(COMMANDS[name]));
    }
  }
  return times;
}

function evaluateArgs(files: ProgrammeFiles, out: string): string[] {
  return [
    CLI,
    'evaluate',
    '--quiet',
    ...(['contract', 'participants', 'events', 'employment'] as const).flatMap((role) => [
      `--${role}`,
      files[role],
    ]),
    '--as-of',
    DEMO_AS_OF,
    '--out',
    out,
  ];
}

/** The hand-written SQL in this process: DuckDB already loaded, a fresh database each run. */
async function baselineInProcess(files: ProgrammeFiles, out: string) {
  const started = performance.now();
  const session = await openSession();
  const count = await runBaseline(session.conn, files, out).finally(() => session.close());
  return { ms: performance.now() - started, count };
}

async function evaluation(o: StartupOptions) {
  const files = await programme(o.participants, 'csv');
  const engineOut = join(o.out, 'engine');
  const t = { engine: [] as number[], sql: [] as number[], sqlProcess: [] as number[] };
  let baselineCount = 0;
  for (let i = 0; i < o.evaluateRuns; i++) {
    t.engine.push(timeProcess(evaluateArgs(files, engineOut)));
    const sql = await baselineInProcess(files, join(o.out, 'baseline.csv'));
    t.sql.push(sql.ms);
    baselineCount = sql.count;
    t.sqlProcess.push(
      timeProcess([
        join(import.meta.dirname, 'baseline-process.js'),
        files.participants,
        files.events,
        files.employment,
        join(o.out, 'baseline-process.csv'),
      ]),
    );
    process.stdout.write(
      `  run ${i + 1}: resulta evaluate ${seconds(t.engine[i] as number)} s, hand-written SQL ${seconds(sql.ms)} s in this process, ${seconds(t.sqlProcess[i] as number)} s as a process\n`,
    );
  }
  const lines = (await readFile(join(engineOut, 'achievements.csv'), 'utf8')).split('\n');
  const engineCount = lines.filter((line) => line !== '').length - 1;
  return { ...t, engineCount, baselineCount };
}

const mark = (ok: boolean) => (ok ? '✔' : '✘');

/** Prints the section as a Markdown table; returns whether every target was met. */
export async function startup(o: StartupOptions): Promise<boolean> {
  process.stdout.write(
    `\nStart-up: ${o.runs} runs of each short command, ${o.evaluateRuns} of the evaluation, each a fresh process (load average ${loadavg()[0]?.toFixed(1)})\n`,
  );
  const short = shortCommands(o.runs);
  const bare = median(short.bare);
  const overBare = (xs: number[]) => median(xs) - bare;
  const help = overBare(short.help);
  const validate = overBare(short.validate);
  const e = await evaluation(o);
  const ratio = median(e.engine) / median(e.sql);
  const ratioProcess = median(e.engine) / median(e.sqlProcess);
  const ok = {
    help: help <= 300,
    validate: validate <= 300,
    ratio: ratio <= 1.5,
    count: e.engineCount === e.baselineCount,
  };
  const n = o.participants.toLocaleString('en');
  process.stdout.write(`
| measure (median, range) | value | target |
|---|---|---|
| \`node -e 0\` | ${spread(short.bare)} | |
| \`resulta --help\` | ${spread(short.help)}: bare + ${seconds(help)} s | ≤ bare + 0.30 s ${mark(ok.help)} |
| \`resulta validate examples/tiny/contract.yaml\` | ${spread(short.validate)}: bare + ${seconds(validate)} s | ≤ bare + 0.30 s ${mark(ok.validate)} |
| \`resulta evaluate\`, ${n} participants, CSV | ${spread(e.engine)} | |
| hand-written SQL, in the bench process | ${spread(e.sql)} | |
| ratio evaluate / hand-written SQL | ${ratio.toFixed(2)} | ≤ 1.5 ${mark(ok.ratio)} |
| hand-written SQL as a fresh process | ${spread(e.sqlProcess)} | |
| ratio evaluate / hand-written SQL process | ${ratioProcess.toFixed(2)} | |
| achievements (evaluate / hand-written) | ${e.engineCount} / ${e.baselineCount} | equal ${mark(ok.count)} |
`);
  return Object.values(ok).every(Boolean);
}
