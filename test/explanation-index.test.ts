/**
 * An explanation index (src/engine/explanation-index.ts) answers exactly what evaluating the
 * snapshot again answers, for every participant of generated programmes (every rule kind,
 * segments, caps, amendments) and for ids the run does not hold.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import type { LocalDate } from '../src/domain/local-date.js';
import { ProblemsError } from '../src/domain/problem.js';
import { withSession } from '../src/engine/duckdb-session.js';
import { explainInSession } from '../src/engine/explain.js';
import { explainFromIndex, writeExplanationIndex } from '../src/engine/explanation-index.js';
import { programmeArb, programmeFiles } from './support/programme-arbitrary.js';
import { tempDir } from './support/run-engine.js';

const AS_OF = '2019-03-31' as LocalDate;

async function filesOf(dir: string, files: ReturnType<typeof programmeFiles>) {
  const paths = {
    participants: join(dir, 'participants.csv'),
    events: join(dir, 'events.csv'),
    employment: join(dir, 'employment.csv'),
  };
  for (const role of ['participants', 'events', 'employment'] as const)
    await writeFile(paths[role], files[role]);
  return paths;
}

/** What the API answered before the index: a fresh evaluation of the snapshot, or its problem. */
async function fresh(request: Parameters<typeof explainInSession>[1], id: string, dir: string) {
  const out = join(dir, `fresh-${Math.random().toString(36).slice(2)}`);
  await mkdir(out);
  return withSession(async (session) => {
    try {
      const { explanation, facts } = await explainInSession(session, request, id, out);
      return { explanation, facts };
    } catch (error) {
      if (error instanceof ProblemsError) return { problems: error.problems };
      throw error;
    }
  });
}

async function fromIndex(index: string, id: string) {
  try {
    const { explanation, facts } = await explainFromIndex(index, id);
    return { explanation, facts };
  } catch (error) {
    if (error instanceof ProblemsError) return { problems: error.problems };
    throw error;
  }
}

describe('explanation index', () => {
  it('explains every participant as a fresh evaluation of the snapshot does', async () => {
    await fc.assert(
      fc.asyncProperty(programmeArb, async (p) => {
        const contract = parseContract(p.contract).contract;
        if (!contract) throw new Error('the generator wrote a contract that does not parse');
        const dir = await tempDir();
        const paths = await filesOf(dir, programmeFiles(p));
        const input = (path: string) => ({ path, file: path });
        const request = {
          contract,
          contractSha256: '',
          asOf: AS_OF,
          inputs: {
            participants: input(paths.participants),
            events: input(paths.events),
            employment: input(paths.employment),
          },
        };
        const index = join(dir, 'run.duckdb');
        const ids = p.participants.map((row) => row.split(',')[0] ?? '');
        await withSession(async (session) => {
          const out = join(dir, 'out');
          await mkdir(out);
          await explainInSession(session, request, ids[0] ?? 'nobody', out).catch(() => null);
          await writeExplanationIndex(
            session,
            { contractYaml: p.contract, asOf: AS_OF, participantsFile: paths.participants },
            index,
          );
        });
        for (const id of [...ids, 'not-a-participant'])
          expect(await fromIndex(index, id), id).toEqual(await fresh(request, id, dir));
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 600_000);
});
