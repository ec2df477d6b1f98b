/**
 * Runs the real engine (DuckDB, real files) on small programmes written as text, and reads
 * the outputs back, so tests state inputs and expected rows side by side. Also the one way
 * tests make temporary folders (`tempDir`), all removed when the test file ends.
 */

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import { parseLocalDate } from '../../src/domain/local-date.js';
import type { Summary } from '../../src/domain/summary.js';
import { type EvaluationResult, evaluate } from '../../src/engine/evaluate.js';
import { csvRecords } from '../../src/files/csv-records.js';

export interface Case {
  contract: string;
  participants: string;
  events?: string;
  employment?: string;
  asOf: string;
}

export interface CaseOutput {
  achievements: Record<string, string>[];
  participants: Record<string, string>[];
  summary: Summary;
  files: Record<string, string>;
  result: EvaluationResult;
}

export const EVENTS_HEADER = 'participant_id,type,occurred_on,value,verified,source\n';
export const EMPLOYMENT_HEADER = 'person_key,month,employer_id,earnings\n';

/** This test file's temporary root; every `tempDir` lies inside it. */
let root: Promise<string> | undefined;

// Registered when a test file first imports this module (vitest loads modules afresh for
// each file), so it runs once per file, after the file's own afterAll hooks (hooks run in
// reverse order) have closed the stores that live in these folders.
afterAll(async () => {
  const dir = await root;
  root = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A new empty folder, removed with everything in it when the test file ends. */
export async function tempDir(): Promise<string> {
  root ??= mkdtemp(join(tmpdir(), 'resulta-test-'));
  return mkdtemp(join(await root, 'dir-'));
}

export async function runCase(c: Case): Promise<CaseOutput> {
  const dir = await tempDir();
  try {
    const files = {
      participants: join(dir, 'participants.csv'),
      events: join(dir, 'events.csv'),
      employment: join(dir, 'employment.csv'),
    };
    await writeFile(files.participants, c.participants);
    await writeFile(files.events, c.events ?? EVENTS_HEADER);
    await writeFile(files.employment, c.employment ?? EMPLOYMENT_HEADER);
    return await runFiles(c.contract, files, c.asOf, join(dir, 'out'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runFiles(
  contractText: string,
  files: { participants: string; events: string; employment: string },
  asOf: string,
  out: string,
): Promise<CaseOutput> {
  const parsed = parseContract(contractText);
  if (!parsed.contract)
    throw new Error(parsed.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  const { mkdir } = await import('node:fs/promises');
  await mkdir(out, { recursive: true });
  const input = (path: string) => ({ path, file: path });
  const result = await evaluate(
    {
      contract: parsed.contract,
      contractSha256: createHash('sha256').update(contractText).digest('hex'),
      asOf:
        parseLocalDate(asOf) ??
        (() => {
          throw new Error(`bad as-of ${asOf}`);
        })(),
      inputs: {
        participants: input(files.participants),
        events: input(files.events),
        employment: input(files.employment),
      },
    },
    out,
  );
  const text = async (name: string) => readFile(join(out, name), 'utf8');
  const outputs = {
    'achievements.csv': await text('achievements.csv'),
    'participants.csv': await text('participants.csv'),
    'summary.json': await text('summary.json'),
  };
  return {
    achievements: parseCsv(outputs['achievements.csv']),
    participants: parseCsv(outputs['participants.csv']),
    summary: JSON.parse(outputs['summary.json']) as Summary,
    files: outputs,
    result,
  };
}

/** The engine's CSV outputs as objects keyed by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = csvRecords(text);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** `participant_id/outcome_id` → the achievement row, for compact assertions. */
export function byKey(rows: Record<string, string>[]): Map<string, Record<string, string>> {
  return new Map(rows.map((r) => [`${r.participant_id}/${r.outcome_id}`, r]));
}
