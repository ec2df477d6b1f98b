/**
 * The child process of one explanation (forked by `isolated-explain.ts`). With the run's
 * explanation index at hand it reads the participant from it. Otherwise it unpacks the run's
 * evidence pack into its own folder, evaluates the snapshot with DuckDB held to its memory
 * limit (caps depend on every participant), writes the index for the next time and explains
 * the participant, if one was asked for. It sends the answer or the reason there is none, and
 * exits. Unpacking and evaluating here keeps both off the API's event loop. It never touches
 * the store.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseContract } from '../domain/contract/parse-contract.js';
import { parseLocalDate } from '../domain/local-date.js';
import { ProblemsError } from '../domain/problem.js';
import { withSession } from './duckdb-session.js';
import { evaluateInSession } from './evaluate.js';
import { explainFromRun } from './explain.js';
import { explainAnswer } from './explain-answer.js';
import { explainFromIndex, writeExplanationIndex } from './explanation-index.js';
import type { ExplainFromWorker, ExplainToWorker } from './isolated-explain.js';

function send(message: ExplainFromWorker): Promise<void> {
  return new Promise((done) => {
    if (!process.send || !process.connected) return done();
    process.send(message, undefined, {}, () => done());
  });
}

/** The pack's files written under `dir`; the manifest says which employment file it holds. */
async function unpack(pack: string, dir: string): Promise<{ asOf: string; employment: string }> {
  const entries = unzipSync(await readFile(pack));
  for (const [name, bytes] of Object.entries(entries)) {
    // Names come from our own packs; a name climbing out of the folder is not one of them.
    if (name.split('/').includes('..') || name.startsWith('/'))
      throw new Error(`the evidence pack holds an unexpected entry ${name}`);
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    as_of: string;
    files: Record<string, string>;
  };
  const employment =
    Object.keys(manifest.files).find((f) => f.startsWith('inputs/employment')) ??
    'inputs/employment.parquet';
  return { asOf: manifest.as_of, employment };
}

async function explainRequest(message: ExplainToWorker): Promise<ExplainFromWorker> {
  if (message.participantId !== null && existsSync(message.index)) {
    const read = await explainFromIndex(message.index, message.participantId);
    const { contract, asOf, explanation, facts } = read;
    return { type: 'explained', answer: explainAnswer(contract, asOf, explanation, facts) };
  }
  const dir = join(message.workDir, 'pack');
  const { asOf: asOfText, employment } = await unpack(message.pack, dir);
  const contractYaml = await readFile(join(dir, 'contract.yaml'), 'utf8');
  const { contract, problems } = parseContract(contractYaml);
  if (!contract) return { type: 'problems', problems };
  const asOf = parseLocalDate(asOfText);
  if (!asOf) return { type: 'error', message: `as-of "${asOfText}" is not a real day` };
  const input = (name: string) => ({ path: join(dir, name), file: name });
  const outDir = join(message.workDir, 'outputs');
  await mkdir(outDir);
  const participantsFile = 'inputs/participants.csv';
  return withSession(async (session): Promise<ExplainFromWorker> => {
    await session.conn.run(`SET memory_limit = '${Math.floor(message.duckdbMemoryMb)}MB'`);
    const inputs = {
      participants: input(participantsFile),
      events: input('inputs/events.csv'),
      employment: input(employment),
    };
    await evaluateInSession(session, { contract, contractSha256: '', asOf, inputs }, outDir);
    await writeExplanationIndex(session, { contractYaml, asOf, participantsFile }, message.index);
    if (message.participantId === null) return { type: 'indexed' };
    const { explanation, facts } = await explainFromRun(
      session.conn,
      { contract, asOf, participantsFile },
      message.participantId,
      'session',
    );
    return { type: 'explained', answer: explainAnswer(contract, asOf, explanation, facts) };
  });
}

async function answer(message: ExplainToWorker): Promise<void> {
  const outcome = await explainRequest(message).catch(
    (error: unknown): ExplainFromWorker =>
      error instanceof ProblemsError
        ? { type: 'problems', problems: error.problems }
        : { type: 'error', message: error instanceof Error ? error.message : String(error) },
  );
  await send(outcome);
  process.exit(0);
}

process.once('message', (message: ExplainToWorker) => void answer(message));
// Without its parent no one would hear the answer: stop rather than work for nothing.
process.once('disconnect', () => process.exit(70));
