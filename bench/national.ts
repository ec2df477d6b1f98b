/**
 * The national-scale section of the benchmark (issue #2): a programme of 1,000,000
 * participants with 24 months of employment records for them and 1,000,000 others,
 * evaluated by the engine in this process and by a hand-written DuckDB query for the same
 * contract, and the ratio. Also times `resulta evaluate` on 10,000 participants as a fresh
 * process, start-up included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRunOptions } from '../src/cli/run-options.js';
import { DEMO_AS_OF } from '../src/demo/demo-contract.js';
import type { ProgrammeFiles } from '../src/demo/synthetic-programme.js';
import { openSession } from '../src/engine/duckdb-session.js';
import { evaluate } from '../src/engine/evaluate.js';
import { runBaseline } from './baseline.js';
import { CLI, median, programme, ROOT, seconds } from './programmes.js';

async function countRows(files: ProgrammeFiles): Promise<Record<string, number>> {
  const session = await openSession();
  try {
    const counts: Record<string, number> = {};
    for (const role of ['participants', 'events', 'employment'] as const) {
      const reader = await session.conn.runAndReadAll(`SELECT COUNT(*) AS n FROM '${files[role]}'`);
      counts[role] = Number(reader.getRowObjectsJS()[0]?.n);
    }
    return counts;
  } finally {
    session.close();
  }
}

/** Engine and baseline alternate, so drift in the machine's speed affects both alike. */
async function national(participants: number, repeats: number) {
  const files = await programme(participants, 'parquet');
  const rows = await countRows(files);
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  const request = await readRunOptions({ ...files, asOf: DEMO_AS_OF });
  const out = await mkdtemp(join(tmpdir(), 'resulta-bench-'));
  const engine: number[] = [];
  const baseline: number[] = [];
  let peakRssMiB = 0;
  let achievements = 0;
  let baselineCount = 0;
  let paid = '';
  try {
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const result = await evaluate(request, out);
      engine.push(performance.now() - t0);
      // Peak RSS is process-wide and only grows, so it is read before any baseline runs.
      if (i === 0) peakRssMiB = process.resourceUsage().maxRSS / 1024;
      achievements = result.achievements.count;
      paid = result.summary.paid;
      const session = await openSession();
      const t1 = performance.now();
      baselineCount = await runBaseline(session.conn, files, join(out, 'baseline.csv')).finally(
        () => session.close(),
      );
      baseline.push(performance.now() - t1);
      process.stdout.write(
        `  run ${i + 1}: engine ${seconds(engine[i] as number)} s, hand-written ${seconds(baseline[i] as number)} s\n`,
      );
    }
    return {
      rows,
      totalRows,
      engineMs: median(engine),
      baselineMs: median(baseline),
      peakRssMiB,
      achievements,
      baselineCount,
      paid,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function smallRun(participants: number, repeats: number): number[] {
  return Array.from({ length: repeats }, () => {
    const dir = join(ROOT, `programme-${participants}-csv`);
    const started = performance.now();
    execFileSync(process.execPath, [
      CLI,
      'evaluate',
      '--quiet',
      '--contract',
      join(dir, 'contract.yaml'),
      '--participants',
      join(dir, 'participants.csv'),
      '--events',
      join(dir, 'events.csv'),
      '--employment',
      join(dir, 'employment.csv'),
      '--as-of',
      DEMO_AS_OF,
      '--out',
      join(dir, 'out'),
    ]);
    return performance.now() - started;
  });
}

/** Prints the section as a Markdown table; returns whether both sides agree. */
export async function nationalSection(size: number, repeats: number): Promise<boolean> {
  await programme(10_000, 'csv');
  const small = smallRun(10_000, 5);
  process.stdout.write(
    `\n10,000 participants, CSV, fresh process (median of 5): ${seconds(median(small))} s (runs: ${small.map(seconds).join(', ')})\n`,
  );
  process.stdout.write(`\nNational run: ${size.toLocaleString('en')} participants\n`);
  const n = await national(size, repeats);
  process.stdout.write(`
| measure | value |
|---|---|
| input rows (participants / events / employment) | ${n.rows.participants} / ${n.rows.events} / ${n.rows.employment} |
| engine wall time, median (read, check, evaluate, caps, write) | ${seconds(n.engineMs)} s |
| hand-written DuckDB SQL, same process, median | ${seconds(n.baselineMs)} s |
| ratio engine / hand-written | ${(n.engineMs / n.baselineMs).toFixed(2)} |
| rows per second (engine) | ${Math.round(n.totalRows / (n.engineMs / 1000)).toLocaleString('en')} |
| peak RSS after the first engine run | ${n.peakRssMiB.toFixed(0)} MiB |
| achievements (engine / hand-written) | ${n.achievements} / ${n.baselineCount} |
| paid | ${n.paid} |
`);
  if (n.achievements === n.baselineCount) return true;
  process.stdout.write(
    'WARNING: the hand-written baseline found a different number of achievements\n',
  );
  return false;
}
