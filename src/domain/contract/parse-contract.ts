/**
 * Parses and validates a contract file (spec §2) into the typed model, reporting every
 * problem at once with its line and column. This module only turns text into YAML nodes;
 * each part of the contract has its own reader (read-contract.ts lists them).
 *
 * Pure: no I/O, so the web app runs the same parser in the browser as the user types.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problem.js';
import type { Contract } from './contract.js';
import { readContract } from './read-contract.js';
import { yamlProblem } from './yaml-problem.js';
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
  const syntax = [...doc.errors, ...doc.warnings].map((e) => yamlProblem(e, text, file));
  // A repeated key leaves the document whole (the later value is read), so the rest of the
  // contract can still be checked; any other syntax error may have cut it anywhere.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY'))
    return { contract: null, problems: syntax };
  const reader = new YamlReader(file, lineCounter, (alias) => alias.resolve(doc) ?? null);
  const contract = readContract(reader, doc.contents);
  const problems = inFileOrder(dedupe([...syntax, ...reader.problems]));
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

/** By line and column, as a reader goes through the file; the order found is kept on ties. */
function inFileOrder(problems: Problem[]): Problem[] {
  const at = (p: Problem) => (p.line ?? 0) * 1_000_000 + (p.col ?? 0);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => at(a.p) - at(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
