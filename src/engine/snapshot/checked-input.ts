/**
 * An input file checked on its own, for importing into the store: every problem, or the
 * typed rows, every column kept. Uses the same loading and cell checks as an evaluation run.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Problem, ProblemsError, sortProblems } from '../../domain/problem.js';
import type { Dialect } from '../sql/dialect.js';
import { duplicateParticipants } from './cross-checks.js';
import type { HeaderNaming } from './header-names.js';
import type { InputRole } from './input-tables.js';
import { cellProblems, isReadable, type LoadedInput, openInput } from './load-input.js';

/**
 * Opens and checks one file; throws ProblemsError listing every problem. `naming` renames
 * the sender's headers (a column mapping), as for an evaluation run.
 */
export async function openCheckedInput(
  conn: DuckDBConnection,
  d: Dialect,
  role: InputRole,
  path: string,
  file: string,
  naming: HeaderNaming = {},
): Promise<LoadedInput> {
  const input = await openInput(conn, d, role, path, file, { everyColumn: true, naming });
  const problems: Problem[] = [...input.problems];
  if (isReadable(input)) {
    problems.push(...(await cellProblems(conn, input)));
    if (role === 'participants') problems.push(...(await duplicateParticipants(conn, input)));
  }
  if (problems.length > 0) throw new ProblemsError(sortProblems(problems));
  return input;
}
