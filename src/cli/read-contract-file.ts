/** Reads a contract file from disk: its bytes' SHA-256 and the parsed, validated model. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { ProblemsError } from '../domain/problem.js';

export async function readContractFile(
  path: string,
): Promise<{ contract: Contract; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ProblemsError([
      { code: 'contract.file', message: `cannot read the contract: ${reason}`, file: path },
    ]);
  }
  const parsed = parseContract(bytes.toString('utf8'), path);
  if (!parsed.contract) throw new ProblemsError(parsed.problems);
  return { contract: parsed.contract, sha256: createHash('sha256').update(bytes).digest('hex') };
}
