/**
 * A failed run ends cleanly, every time: exit 1 with the reason on stderr, no output folder,
 * no staging folder — never a signal or a hang, even when the failure comes while the
 * employment cells are still being checked on the run's second DuckDB connection (closing
 * the database under that check used to crash or hang the process about one run in three).
 *
 * The built CLI runs a programme large enough that the check is still running when a fault
 * is injected (`RESULTA_TEST_FAULT`, test-only) at each phase, several times over:
 * RESULTA_FAILED_RUN_REPEAT (default 5) runs per phase.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProgramme } from '../src/demo/synthetic-programme.js';
import { openSession, withSession } from '../src/engine/duckdb-session.js';
import { type FaultPhase, requestedFault } from '../src/engine/test-fault.js';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const REPEAT = Number(process.env.RESULTA_FAILED_RUN_REPEAT ?? 5);
/** A clean failure takes a few seconds on a busy machine; a hang is what this catches. */
const RUN_TIMEOUT_MS = 30_000;
/** Few participants enrolled by then, so rules and payments are quick beside the check. */
const EARLY_AS_OF = '2018-06-30';

let dir: string;
let inputs: string[];

beforeAll(async () => {
  dir = await tempDir();
  // 50,000 participants and as many other people: about 2.2 million employment rows.
  // Before the fix, a failure in the rules hung or crashed 10 runs in 12 on these sizes.
  const files = await withSession((session) =>
    writeProgramme(session.conn, join(dir, 'programme'), {
      participants: 50_000,
      others: 50_000,
      providers: 3,
      seed: 6,
      format: 'parquet',
    }),
  );
  inputs = [
    '--contract',
    files.contract,
    '--participants',
    files.participants,
    '--events',
    files.events,
    '--employment',
    files.employment,
  ];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `resulta evaluate` into a fresh parent folder with a fault switched on. */
function evaluateWithFault(fault: string, run: string, timeout = RUN_TIMEOUT_MS) {
  const parent = join(dir, run);
  const result = spawnSync(
    process.execPath,
    [CLI, 'evaluate', ...inputs, '--as-of', EARLY_AS_OF, '--out', join(parent, 'out'), '--quiet'],
    {
      encoding: 'utf8',
      timeout,
      killSignal: 'SIGKILL',
      env: { ...process.env, NODE_ENV: 'test', RESULTA_TEST_FAULT: fault },
    },
  );
  return {
    timedOut: (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
    signal: result.signal,
    code: result.status,
    stderr: result.stderr,
    /** What the run left in its parent folder: no output, no staging folder. */
    left: existsSync(parent) ? readdirSync(parent) : [],
  };
}

/** Runs a fault `REPEAT` times; each run must end cleanly. Returns how many hit the check. */
function failRepeatedly(phase: FaultPhase): number {
  let duringCheck = 0;
  for (let i = 0; i < REPEAT; i++) {
    const run = evaluateWithFault(phase, `${phase}-${i}`);
    const what = `run ${i + 1} of ${REPEAT} with a fault at ${phase}`;
    expect(run.timedOut, `${what}: still running after ${RUN_TIMEOUT_MS} ms`).toBe(false);
    expect(run.signal, `${what}: ended by a signal; stderr: ${run.stderr}`).toBe(null);
    expect(run.code, `${what}: stderr: ${run.stderr}`).toBe(1);
    expect(run.stderr).toContain(`resulta: Invalid Input Error: injected test fault at ${phase}`);
    expect(run.left, `${what}: left files behind`).toEqual([]);
    if (run.stderr.includes('(concurrent tasks running: 1)')) duringCheck++;
  }
  console.info(`${phase}: ${duringCheck} of ${REPEAT} runs failed while the check was running`);
  return duringCheck;
}

describe('a run that fails', () => {
  it('while reading and checking its inputs ends with exit 1 and writes nothing', () => {
    // The fault comes right after the check has started: it is running every time.
    expect(failRepeatedly('read')).toBe(REPEAT);
  });

  it('because a statement of its rules fails during the employment check (the reported case)', () => {
    // The statement fails on the main connection, often while the check still runs on the
    // second one; how often depends on the machine's speed, so the count is reported, not
    // asserted. The read case above fails during the check every time.
    failRepeatedly('rules');
  });

  it('in the cap pass ends with exit 1 and writes nothing', () => {
    failRepeatedly('cap-pass');
  });

  it('between two output files ends with exit 1 and leaves no staging folder', () => {
    // The check is done by then (outputs wait for it); this is a failure half-way through
    // writing, which must remove the staging folder.
    expect(failRepeatedly('write')).toBe(0);
  });
});

describe('the fault switch', () => {
  it('is honoured only under NODE_ENV=test', () => {
    expect(requestedFault({ RESULTA_TEST_FAULT: 'rules' })).toBe(null);
    expect(requestedFault({ NODE_ENV: 'production', RESULTA_TEST_FAULT: 'rules' })).toBe(null);
    expect(requestedFault({ NODE_ENV: 'test', RESULTA_TEST_FAULT: 'rules' })).toEqual({
      phase: 'rules',
      action: 'fail',
    });
    expect(requestedFault({ NODE_ENV: 'test', RESULTA_TEST_FAULT: 'write:hang' })).toEqual({
      phase: 'write',
      action: 'hang',
    });
    expect(() => requestedFault({ NODE_ENV: 'test', RESULTA_TEST_FAULT: 'rule' })).toThrow(
      'phase one of read, rules, cap-pass, write',
    );
  });

  it('crashes the process with rules:crash', () => {
    const run = evaluateWithFault('rules:crash', 'crash');
    expect(run.signal).toBe('SIGABRT');
  });

  it('leaves the process running with read:hang', () => {
    const run = evaluateWithFault('read:hang', 'hang', 5_000);
    expect(run.timedOut, `ended with ${run.code ?? run.signal}: ${run.stderr}`).toBe(true);
  });
});

describe('a DuckDB session', () => {
  /** Runs for hours unless interrupted. */
  const ENDLESS = 'SELECT sum(hash(i)) FROM range(10000000000) t(i)';

  it('closes only once the work on its other connections is interrupted and settled', async () => {
    const session = await openSession();
    const endless = session.concurrently((conn) => conn.run(ENDLESS));
    endless.catch(() => {});
    await delay(500); // the statement is running by now
    await expect(session.conn.run("SELECT error('the run fails')")).rejects.toThrow(
      'the run fails',
    );
    expect(session.running).toBe(1);
    const closing = Date.now();
    await session.close();
    expect(Date.now() - closing).toBeLessThan(5_000);
    expect(session.running).toBe(0);
    await expect(endless).rejects.toThrow(/interrupted/i);
    expect(() => session.conn.run('SELECT 1')).toThrow('the DuckDB session is closing');
  });

  it('withSession closes after a failure, interrupting what still runs', async () => {
    let endless: Promise<unknown> | undefined;
    const run = withSession(async (session) => {
      endless = session.concurrently((conn) => conn.run(ENDLESS));
      endless.catch(() => {});
      await delay(500);
      throw new Error('the run fails');
    });
    await expect(run).rejects.toThrow('the run fails');
    await expect(endless).rejects.toThrow(/interrupted/i);
  });
});
