/**
 * Reads one outcome rule from its keys (spec §2, "Rule keys by kind"): the keys every rule
 * has here, the kind's own keys through its typed reader (read-rule-kinds.ts). The same
 * function reads the base rule and every amended version of it, so each validates on its own.
 * Every key that can be read is read, also when the id or the kind is bad.
 */
import type { Node } from 'yaml';
import type { Rule, RuleKind } from './contract.js';
import { didYouMean, meantName } from './did-you-mean.js';
import { readBonus } from './read-bonus.js';
import { readPricing } from './read-pricing.js';
import { isRuleKind, KIND_READERS, RULE_KINDS } from './read-rule-kinds.js';
import { ruleFields } from './rule-fields.js';
import { type Subject, subject, within } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

const FIXED = ['id', 'kind', 'after'];
const PRICING = ['price', 'tiers', 'bonus'];

/** Every key some kind allows: the keys of a rule whose kind is unknown are checked against these. */
const ANY_KIND_KEYS = [
  ...new Set(Object.values(KIND_READERS).flatMap((k) => [...k.required, ...k.optional])),
];

export const RULE_ID = /^[a-z0-9_]+$/;

export interface RuleContext {
  /** Null when the segments could not all be read: prices are then not checked against them. */
  readonly segmentIds: readonly string[] | null;
  /** The rule's node: missing keys are reported there. */
  readonly at: Node | null;
}

export interface RuleRead {
  /** Null when any key is invalid (problems are reported). */
  readonly rule: Rule | null;
  /** The keys as read: a mistyped key whose meaning is clear under the key it meant. */
  readonly keys: NodeMap;
}

export function readRule(r: YamlReader, given: NodeMap, ctx: RuleContext): RuleRead {
  const written = r.peek(given.get('id')?.value);
  const what = subject.outcome(written ?? '?');
  const kind = readKind(r, kindNode(given), what);
  const reader = kind ? KIND_READERS[kind] : null;
  const keys = r.keys(
    given,
    ctx.at,
    what,
    [...FIXED, ...(reader?.required ?? [])],
    [...PRICING, ...(reader ? reader.optional : ANY_KIND_KEYS)],
  );
  const v = (k: string) => keys.get(k)?.value ?? null;
  const id = r.string(v('id'), subject.outcomeId, {
    pattern: RULE_ID,
    code: 'contract.outcome_id.format',
  });
  const after = r.string(v('after'), within(what, 'after'));
  const pricing = readPricing(r, keys, what, ctx);
  const bonus = keys.has('bonus') ? readBonus(r, v('bonus'), what) : [];
  const fields = reader?.read(ruleFields(r, keys, what)) ?? null;
  if (!id || after === null || !pricing || !bonus || !fields) return { rule: null, keys };
  return { rule: { id, after, pricing, bonus, ...fields }, keys };
}

/** The `kind` node, or the value of a key that is clearly `kind` mistyped (`kidn`). */
function kindNode(keys: NodeMap): Node | null {
  const given = keys.get('kind');
  if (given) return given.value;
  const allowed = [...FIXED, ...PRICING, ...ANY_KIND_KEYS];
  for (const [name, { value }] of keys) {
    if (!allowed.includes(name) && meantName(name, allowed) === 'kind') return value;
  }
  return null;
}

/** Null when absent (the missing-key check reports it) or not a kind (reported here). */
function readKind(r: YamlReader, node: Node | null, what: Subject): RuleKind | null {
  const kind = r.string(node, within(what, 'kind'));
  if (kind === null) return null;
  if (isRuleKind(kind)) return kind;
  r.report(node, 'contract.kind.unknown', {
    what,
    kind,
    kinds: RULE_KINDS.join(', '),
    hint: didYouMean(kind, RULE_KINDS),
  });
  return null;
}
