/**
 * What the benchmark sections share: the synthetic programmes (generated once, cached in
 * bench/data), the built `resulta` binary, and how figures are summarised and printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ProgrammeFiles, writeProgramme } from '../src/demo/synthetic-programme.js';
import { openSession } from '../src/engine/duckdb-session.js';

/** Paths are relative to the compiled file, dist/bench/. */
export const ROOT = join(import.meta.dirname, '../../bench/data');
export const CLI = join(import.meta.dirname, '../src/cli/main.js');
export const REPO = join(import.meta.dirname, '../..');

export type InputFormat = 'csv' | 'parquet';

export async function programme(
  participants: number,
  format: InputFormat,
): Promise<ProgrammeFiles> {
  const dir = join(ROOT, `programme-${participants}-${format}`);
  const files: ProgrammeFiles = {
    contract: join(dir, 'contract.yaml'),
    participants: join(dir, `participants.${format}`),
    events: join(dir, `events.${format}`),
    employment: join(dir, `employment.${format}`),
  };
  if (existsSync(files.employment)) return files;
  const started = performance.now();
  const session = await openSession();
  try {
    await writeProgramme(
      session.conn,
      dir,
      { participants, others: participants, providers: 20, seed: 2018, format },
      (step) => process.stdout.write(`  generating ${participants} ${format}: ${step}\n`),
    );
  } finally {
    session.close();
  }
  process.stdout.write(`  generated in ${seconds(performance.now() - started)} s\n`);
  return files;
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** "1.14 s (1.07–1.48)": the median and the range of the runs. */
export const spread = (xs: number[]) =>
  `${seconds(median(xs))} s (${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))})`;
