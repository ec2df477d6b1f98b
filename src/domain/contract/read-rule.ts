/**
 * Reads one outcome rule from its keys (spec §2, "Rule keys by kind"): the keys every rule
 * has here, the kind's own keys through its typed reader (read-rule-kinds.ts). The same
 * function reads the base rule and every amended version of it, so each validates on its own.
 */
import type { Node } from 'yaml';
import type { Rule, RuleKind } from './contract.js';
import { readBonus } from './read-bonus.js';
import { readPricing } from './read-pricing.js';
import { isRuleKind, KIND_READERS, RULE_KINDS } from './read-rule-kinds.js';
import { ruleFields } from './rule-fields.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

const COMMON = ['id', 'kind', 'after', 'price', 'tiers', 'bonus'];

export const RULE_ID = /^[a-z0-9_]+$/;

export interface RuleContext {
  readonly segmentIds: readonly string[];
  /** The rule's node: missing keys are reported there. */
  readonly at: Node | null;
}

/** Reads a rule from its key map; null when any key is invalid (problems are reported). */
export function readRule(r: YamlReader, keys: NodeMap, ctx: RuleContext): Rule | null {
  const v = (k: string) => keys.get(k)?.value ?? null;
  const id = r.string(v('id'), 'outcome id', RULE_ID, 'lower-case letters, digits and _');
  const what = `outcome ${id ?? '?'}`;
  const kind = readKind(r, v('kind'), what);
  if (!id || !kind) return null;
  const reader = KIND_READERS[kind];
  r.keys(
    keys,
    ctx.at,
    what,
    ['id', 'kind', 'after', ...reader.required],
    [...COMMON, ...reader.optional],
  );
  const after = r.string(v('after'), `${what} after`);
  const pricing = readPricing(r, keys, what, ctx);
  const bonus = keys.has('bonus') ? readBonus(r, v('bonus'), what) : [];
  const fields = reader.read(ruleFields(r, keys, what));
  if (after === null || !pricing || !bonus || !fields) return null;
  return { id, after, pricing, bonus, ...fields };
}

/** Null when absent (the missing-key check reports it) or not a kind (reported here). */
function readKind(r: YamlReader, node: Node | null, what: string): RuleKind | null {
  const kind = r.string(node, `${what} kind`);
  if (kind === null) return null;
  if (isRuleKind(kind)) return kind;
  r.report(node, 'contract.kind', `${what} kind "${kind}" must be one of ${RULE_KINDS.join(', ')}`);
  return null;
}
