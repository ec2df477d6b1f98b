/**
 * `npm run bench` (the build, then this file): generates the programmes once (cached in
 * bench/data) and runs its sections, the first two comparing Resulta with a hand-written
 * DuckDB baseline measured in the same run:
 *
 * - `national` (issue #2, national.ts): 1,000,000 participants evaluated in-process;
 * - `startup` (issue #6, startup.ts): `--help`, `validate` and `evaluate` of 100,000
 *   participants as fresh processes, against bare Node and the baseline;
 * - `web` (issue #9, web.ts): the web app's pages in a browser against 1,000,000 participants
 *   on a PostgreSQL server (DATABASE_URL; skipped without it).
 *
 * `--only startup` (or `npm run bench:startup`), `--only national` or `--only web` runs one
 * section; `--web-participants N` and `--web-repeats K` size the web section, and
 * `--web-seed-only` only completes its programme in the store.
 * Other options: `--participants N` and `--repeats K` (national), `--runs N` and
 * `--startup-participants N` and `--startup-repeats K` (startup). Exit code 1 when the two
 * sides disagree on the achievements, or a start-up target is missed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { nationalSection } from './national.js';
import { startup } from './startup.js';
import { webSection } from './web.js';

const SECTIONS = ['national', 'startup', 'web'] as const;

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);

const only = option('only');
if (only !== undefined && !SECTIONS.includes(only as (typeof SECTIONS)[number])) {
  throw new Error(`--only must be one of ${SECTIONS.join(', ')}, not "${only}"`);
}
const runs = (section: (typeof SECTIONS)[number]) => only === undefined || only === section;

process.stdout.write(
  `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} (a busy machine slows every figure)\n`,
);
let ok = true;
// National first: its peak RSS is read before anything else has grown this process.
if (runs('national')) {
  ok = (await nationalSection(arg('participants', 1_000_000), arg('repeats', 3))) && ok;
}
if (runs('startup')) {
  const out = await mkdtemp(join(tmpdir(), 'resulta-bench-startup-'));
  try {
    const options = {
      runs: arg('runs', 10),
      evaluateRuns: arg('startup-repeats', 5),
      participants: arg('startup-participants', 100_000),
      out,
    };
    ok = (await startup(options)) && ok;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
if (runs('web')) {
  const web = {
    participants: arg('web-participants', 1_000_000),
    repeats: arg('web-repeats', 5),
    seedOnly: process.argv.includes('--web-seed-only'),
  };
  ok = (await webSection(web)) && ok;
}
if (!ok) process.exitCode = 1;
