/**
 * The `resulta` command as a user runs it: the built binary in a child process, exit codes,
 * what it prints, and the all-or-nothing output folder.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run-engine.js';

const CLI = join(import.meta.dirname, '../dist/src/cli/main.js');
const EXAMPLE = join(import.meta.dirname, '../examples/tiny');
const INPUTS = [
  '--contract',
  join(EXAMPLE, 'contract.yaml'),
  '--participants',
  join(EXAMPLE, 'participants.csv'),
  '--events',
  join(EXAMPLE, 'events.csv'),
  '--employment',
  join(EXAMPLE, 'employment.csv'),
  '--as-of',
  '2019-06-30',
];

function resulta(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('resulta', () => {
  it('evaluates, prints a summary and writes the outputs', async () => {
    const out = join(await tempDir(), 'out');
    const run = resulta('evaluate', ...INPUTS, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Paid: 7,000.00 ARS');
    expect(run.stdout).toMatch(/job_start\s+2,620\.00 ARS\s+█+/);
    expect(await readFile(join(out, 'achievements.csv'), 'utf8')).toBe(
      await readFile(join(EXAMPLE, 'expected/achievements.csv'), 'utf8'),
    );
  });

  it('replaces its own earlier outputs, and leaves them untouched on bad input', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out');
    expect(resulta('evaluate', ...INPUTS, '--out', out, '--quiet').code).toBe(0);
    await writeFile(join(out, 'achievements.csv'), 'edited since the earlier run');
    expect(resulta('evaluate', ...INPUTS, '--out', out, '--quiet').code).toBe(0);
    expect(await readFile(join(out, 'achievements.csv'), 'utf8')).toBe(
      await readFile(join(EXAMPLE, 'expected/achievements.csv'), 'utf8'),
    );

    const bad = join(dir, 'participants.csv');
    await writeFile(
      bad,
      'participant_id,provider_id,enrolled_on\nP1,a,2019-02-30\nP1,a,2019-01-01\n',
    );
    const before = await readFile(join(out, 'summary.json'), 'utf8');
    const run = resulta(
      'evaluate',
      ...INPUTS.map((a) => (a.endsWith('participants.csv') ? bad : a)),
      '--out',
      out,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 2, column enrolled_on: "2019-02-30" is not a real date');
    expect(run.stderr).toContain(
      'row 3, column participant_id: duplicate participant_id "P1" (first at row 2)',
    );
    expect(await readFile(join(out, 'summary.json'), 'utf8')).toBe(before);
  });

  it('explains why a participant was or was not paid', () => {
    const run = resulta('explain', ...INPUTS, '--participant', 'P05');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('job_start: achieved on 2019-01-31');
    expect(run.stdout).toContain('not paid: the volume cap for job_start was already reached');
    expect(run.stdout).toContain('training_completed: not achieved');
    const unknown = resulta('explain', ...INPUTS, '--participant', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('participant "nobody" is not in');
  });

  it('validates a contract: exit 0 when valid, the problems and exit 1 when not', async () => {
    expect(resulta('validate', join(EXAMPLE, 'contract.yaml')).code).toBe(0);
    const bad = join(await tempDir(), 'bad.yaml');
    const text = await readFile(join(EXAMPLE, 'contract.yaml'), 'utf8');
    await writeFile(
      bad,
      text.replace('months: 3', 'months: 9').replace('currency: ARS', 'currency: pesos'),
    );
    const run = resulta('validate', bad);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 5:11: currency "pesos" must be an ISO 4217 code/);
    expect(run.stderr).toMatch(
      /line \d+:\d+: outcome retained_3m months \(9\) must not exceed of_months \(4\)/,
    );
    expect(run.stderr).toContain('2 problems found.');
  });

  it('rejects an impossible as-of day and describes every command in --help', () => {
    const run = resulta('evaluate', ...INPUTS.slice(0, -1), '2019-02-30', '--out', '/tmp/never');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--as-of "2019-02-30" must be a real day');
    const help = resulta('--help');
    for (const command of ['evaluate', 'explain', 'validate', 'demo'])
      expect(help.stdout).toContain(command);
  });
});
