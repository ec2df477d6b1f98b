/** Reads a contract file from disk: its bytes' SHA-256 and the parsed, validated model. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { type Problem, ProblemsError, problem } from '../domain/problem.js';

export async function readContractFile(
  path: string,
): Promise<{ contract: Contract; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ProblemsError([unreadable(error as NodeJS.ErrnoException, path)]);
  }
  const parsed = parseContract(bytes.toString('utf8'), path);
  if (!parsed.contract) throw new ProblemsError(parsed.problems);
  return { contract: parsed.contract, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function unreadable(error: NodeJS.ErrnoException, file: string): Problem {
  if (error.code === 'ENOENT') return problem('contract.file.missing', {}, { file });
  if (error.code === 'EACCES') return problem('contract.file.denied', {}, { file });
  if (error.code === 'EISDIR') return problem('contract.file.folder', {}, { file });
  // The system's own words for the rare rest (they are in English).
  return problem('contract.file.unreadable', { reason: error.code ?? String(error) }, { file });
}
