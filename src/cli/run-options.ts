/** The options every command that evaluates shares: contract, three inputs, as-of day. */
import type { Command } from 'commander';
import { parseLocalDate } from '../domain/local-date.js';
import { ProblemsError } from '../domain/problem.js';
import type { EvaluationRequest } from '../engine/evaluate.js';

export interface RunOptions {
  contract: string;
  participants: string;
  events: string;
  employment: string;
  asOf: string;
}

export function runOptions(command: Command): Command {
  return command
    .requiredOption('--contract <file>', 'the contract (YAML)')
    .requiredOption('--participants <file>', 'participants table (.csv, .parquet or .xlsx)')
    .requiredOption('--events <file>', 'events table (.csv, .parquet or .xlsx)')
    .requiredOption('--employment <file>', 'monthly employment records (.csv, .parquet or .xlsx)')
    .requiredOption('--as-of <YYYY-MM-DD>', 'evaluate with the evidence known up to this day');
}

export async function readRunOptions(options: RunOptions): Promise<EvaluationRequest> {
  const asOf = parseLocalDate(options.asOf);
  if (!asOf) {
    throw new ProblemsError([
      { code: 'cli.as_of', message: `--as-of "${options.asOf}" must be a real day, YYYY-MM-DD` },
    ]);
  }
  // Imported here so that registering the options (every start, even --help) loads no YAML parser.
  const { readContractFile } = await import('./read-contract-file.js');
  const { contract, sha256 } = await readContractFile(options.contract);
  const input = (path: string) => ({ path, file: path });
  return {
    contract,
    contractSha256: sha256,
    asOf,
    inputs: {
      participants: input(options.participants),
      events: input(options.events),
      employment: input(options.employment),
    },
  };
}
