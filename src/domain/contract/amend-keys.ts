/**
 * Applies an amendment's keys to the key maps of the version before (spec §3, Amendments):
 * a given key replaces the old one whole, `price` and `tiers` exclude each other, and
 * nothing can be removed or re-identified. The inputs are never changed; copies are.
 */
import { isScalar, type Node } from 'yaml';
import type { RuleKeys } from './read-version.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

/** Keys that say what a rule is rather than how it pays; an amendment cannot change them. */
const FIXED_RULE_KEYS = ['id', 'kind', 'after'];

export function amendRules(
  r: YamlReader,
  node: Node | null,
  current: readonly RuleKeys[],
  amendmentId: string | null,
): RuleKeys[] | null {
  const changes = r.map(node, `amendment ${amendmentId} outcomes`);
  if (!changes) return null;
  const next = current.map((rule) => ({ at: rule.at, keys: new Map(rule.keys) }));
  let ok = true;
  for (const [outcome, { key, value }] of changes) {
    const target = next.find((rule) => ruleId(rule.keys) === outcome);
    if (!target) {
      r.report(
        key,
        'contract.amendment',
        `amendment ${amendmentId} changes unknown outcome "${outcome}"`,
      );
      ok = false;
      continue;
    }
    const given = r.map(value, `amendment ${amendmentId} outcome ${outcome}`);
    if (!given) {
      ok = false;
      continue;
    }
    ok = applyKeys(r, given, target.keys, `amendment ${amendmentId} outcome ${outcome}`) && ok;
  }
  return ok ? next : null;
}

export function amendCaps(
  r: YamlReader,
  node: Node | null,
  current: NodeMap,
  amendmentId: string | null,
): NodeMap | null {
  const given = r.map(node, `amendment ${amendmentId} caps`);
  if (!given) return null;
  const next: NodeMap = new Map(current);
  return applyKeys(r, given, next, `amendment ${amendmentId} caps`) ? next : null;
}

function applyKeys(r: YamlReader, given: NodeMap, target: NodeMap, what: string): boolean {
  let ok = true;
  for (const [name, entry] of given) {
    // Only rules have a kind: caps may use any key name the caps reader accepts.
    if (FIXED_RULE_KEYS.includes(name) && target.has('kind')) {
      r.report(entry.key, 'contract.amendment', `${what}: "${name}" cannot change in an amendment`);
      ok = false;
      continue;
    }
    if (entry.value === null || isNullScalar(entry.value)) {
      r.report(
        entry.key,
        'contract.amendment',
        `${what}: "${name}" cannot be removed (null); widen the value instead`,
      );
      ok = false;
      continue;
    }
    if (name === 'price') target.delete('tiers');
    if (name === 'tiers') target.delete('price');
    target.set(name, entry);
  }
  return ok;
}

function isNullScalar(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

function ruleId(keys: NodeMap): string | null {
  const node = keys.get('id')?.value;
  return isScalar(node) ? String(node.value) : null;
}
