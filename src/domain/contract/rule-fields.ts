/**
 * Typed access to the keys of one outcome rule, each read with the label its problems use
 * (`outcome job within_days must be a whole number ≥ 0`). Absent optional keys read as
 * `undefined`, bad values as `null` (with a problem reported), good ones as their type.
 */
import type { Node } from 'yaml';
import { type Decimal, fitsScore, SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../decimal.js';
import type { MessageCode } from '../messages/catalogue.js';
import type { ProblemParams } from '../problem.js';
import { type Subject, within } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export interface RuleFields {
  /** `outcome <id>`: the prefix of every problem about this rule. */
  readonly what: Subject;
  has(key: string): boolean;
  /** The key's value node, for placing a problem found after reading it. */
  node(key: string): Node | null;
  /** A problem at the key's value; its parameters get `what`, this rule. */
  report(key: string, code: MessageCode, params?: ProblemParams): void;
  string(key: string): string | null;
  whole(key: string, min: number): number | null;
  optionalWhole(key: string, min: number): number | null | undefined;
  boolean(key: string): boolean | null;
  /** An exact number ≥ 0 (earnings thresholds). */
  nonNegative(key: string): Decimal | null;
  optionalNonNegative(key: string): Decimal | null | undefined;
  /** An exact number within the engine's score limits (scores, event values). */
  score(key: string): Decimal | null;
  optionalScore(key: string): Decimal | null | undefined;
}

export function ruleFields(r: YamlReader, keys: NodeMap, what: Subject): RuleFields {
  const node = (key: string) => keys.get(key)?.value ?? null;
  const label = (key: string) => within(what, key);
  const optional = <T>(key: string, read: (key: string) => T) =>
    keys.has(key) ? read(key) : undefined;
  const fields: RuleFields = {
    what,
    has: (key) => keys.has(key),
    node,
    report: (key, code, params = {}) => r.report(node(key), code, { what, ...params }),
    string: (key) => r.string(node(key), label(key)),
    whole: (key, min) => r.wholeNumber(node(key), label(key), min),
    optionalWhole: (key, min) => optional(key, (k) => fields.whole(k, min)),
    boolean: (key) => r.boolean(node(key), label(key)),
    nonNegative: (key) => nonNegative(r, node(key), label(key)),
    optionalNonNegative: (key) => optional(key, fields.nonNegative),
    score: (key) => score(r, node(key), label(key)),
    optionalScore: (key) => optional(key, fields.score),
  };
  return fields;
}

function nonNegative(r: YamlReader, node: Node | null, what: Subject): Decimal | null {
  const d = r.decimal(node, what);
  if (d && d.units < 0n) {
    r.report(node, 'contract.number.negative', { what, text: d.text });
    return null;
  }
  return d;
}

function score(r: YamlReader, node: Node | null, what: Subject): Decimal | null {
  const d = r.decimal(node, what);
  if (d && !fitsScore(d)) {
    r.report(node, 'contract.score.digits', {
      what,
      before: SCORE_INTEGER_DIGITS,
      after: SCORE_DECIMALS,
    });
    return null;
  }
  return d;
}
