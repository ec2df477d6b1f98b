/**
 * Parses and validates a contract file (spec §2) into the typed model, reporting every
 * problem at once with its line and column. This module only turns text into YAML nodes;
 * each part of the contract has its own reader (read-contract.ts lists them).
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problem.js';
import type { Contract } from './contract.js';
import { readContract } from './read-contract.js';
import { YamlReader } from './yaml-reader.js';

export interface ParsedContract {
  readonly contract: Contract | null;
  readonly problems: readonly Problem[];
}

/**
 * `parseContract(text, 'contract.yaml')` → `{ contract, problems: [] }`, or
 * `{ contract: null, problems: [{ line: 5, col: 10, message: 'ends_on … is before starts_on …' }] }`.
 */
export function parseContract(text: string, file = 'contract.yaml'): ParsedContract {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
  });
  const syntax: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    code: 'contract.yaml',
    message: e.message.split('\n')[0] ?? e.message,
    file,
    ...(e.linePos ? { line: e.linePos[0].line, col: e.linePos[0].col } : {}),
  }));
  if (doc.errors.length > 0) return { contract: null, problems: syntax };
  const reader = new YamlReader(file, lineCounter, (alias) => alias.resolve(doc) ?? null);
  const contract = readContract(reader, doc.contents);
  const problems = dedupe(reader.problems);
  return { contract: problems.length === 0 ? contract : null, problems };
}

/** Each amended version is validated on its own, so one bad key could be reported per version. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
