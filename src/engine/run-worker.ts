/**
 * The child process of one evaluation run (forked by `isolated-run.ts`): it receives one
 * request, merges the employment datasets, evaluates with DuckDB held to its memory limit,
 * reports progress, sends the result or the reason there is none, and exits. It never
 * touches the store: the parent records what it reports.
 */
import { parseContract } from '../domain/contract/parse-contract.js';
import { parseLocalDate } from '../domain/local-date.js';
import { ProblemsError } from '../domain/problem.js';
import { withSession } from './duckdb-session.js';
import { evaluateInSession } from './evaluate.js';
import type { FromWorker, ToWorker } from './isolated-run.js';
import { mergeEmployment } from './snapshot-export.js';

function send(message: FromWorker): Promise<void> {
  return new Promise((done) => {
    if (!process.send || !process.connected) return done();
    process.send(message, undefined, {}, () => done());
  });
}

async function evaluateRequest({ request, duckdbMemoryMb }: ToWorker): Promise<FromWorker> {
  const { contract, problems } = parseContract(request.contractYaml);
  if (!contract) return { type: 'problems', problems };
  const asOf = parseLocalDate(request.asOf);
  if (!asOf) return { type: 'error', message: `as-of "${request.asOf}" is not a real day` };
  await mergeEmployment(request.employmentSources, request.employment);
  const input = (path: string, file: string) => ({ path, file });
  // What evaluate() does, with the memory limit set first: a setting of the database, so it
  // holds for every connection the run opens.
  return withSession(async (session) => {
    await session.conn.run(`SET memory_limit = '${Math.floor(duckdbMemoryMb)}MB'`);
    const result = await evaluateInSession(
      session,
      {
        contract,
        contractSha256: request.contractSha256,
        asOf,
        inputs: {
          participants: input(request.participants, 'inputs/participants.csv'),
          events: input(request.events, 'inputs/events.csv'),
          employment: input(request.employment, 'inputs/employment'),
        },
      },
      request.outDir,
      (step, done, total) => void send({ type: 'progress', step, done, total }),
    );
    return { type: 'succeeded', paid: result.summary.paid, inputs: { ...result.summary.inputs } };
  });
}

async function answer(message: ToWorker): Promise<void> {
  const outcome = await evaluateRequest(message).catch(
    (error: unknown): FromWorker =>
      error instanceof ProblemsError
        ? { type: 'problems', problems: error.problems }
        : { type: 'error', message: error instanceof Error ? error.message : String(error) },
  );
  await send(outcome);
  process.exit(0);
}

process.once('message', (message: ToWorker) => void answer(message));
// Without its parent no one would hear the result: stop rather than work for nothing.
process.once('disconnect', () => process.exit(70));
