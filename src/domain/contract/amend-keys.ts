/**
 * Applies an amendment's keys to the key maps of the version before (spec §3, Amendments):
 * a given key replaces the old one whole, `price` and `tiers` exclude each other, and
 * nothing can be removed or re-identified. The inputs are never changed; copies are. A
 * change that cannot be made is reported and left out; the others are still made, so the
 * version they make is checked too.
 */
import { isScalar, type Node } from 'yaml';
import { didYouMean } from './did-you-mean.js';
import type { RuleKeys, VersionKeys } from './read-version.js';
import { type Subject, subject, within } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

/** Keys that say what a rule is rather than how it pays; an amendment cannot change them. */
const FIXED_RULE_KEYS = ['id', 'kind', 'after'];

/** `amendment` names the amendment (`amendment covid-2019`). */
export function amendRules(
  r: YamlReader,
  node: Node | null,
  current: VersionKeys,
  amendment: Subject,
): { rules: readonly RuleKeys[]; ok: boolean } {
  const changes = r.map(node, within(amendment, 'outcomes'));
  if (!changes) return { rules: current.rules, ok: false };
  const next = current.rules.map((rule) => ({ at: rule.at, keys: new Map(rule.keys) }));
  const ids = next.flatMap((rule) => ruleId(rule.keys) ?? []);
  let ok = true;
  for (const [outcome, { key, value }] of changes) {
    const target = next.find((rule) => ruleId(rule.keys) === outcome);
    if (!target) {
      // When an outcome has no readable id, the change may be meant for it: not reported again.
      if (current.allRules && ids.length === next.length) {
        const hint = didYouMean(outcome, ids);
        r.report(key, 'contract.amendment.unknown_outcome', { what: amendment, outcome, hint });
      }
      ok = false;
      continue;
    }
    const what = within(amendment, subject.outcome(outcome));
    const given = r.map(value, what);
    if (!given) {
      ok = false;
      continue;
    }
    ok = applyKeys(r, given, target.keys, what) && ok;
  }
  return { rules: next, ok };
}

export function amendCaps(
  r: YamlReader,
  node: Node | null,
  current: NodeMap | null,
  amendment: Subject,
): { caps: NodeMap | null; ok: boolean } {
  const what = within(amendment, 'caps');
  const given = r.map(node, what);
  if (!given || !current) return { caps: current, ok: false };
  const next: NodeMap = new Map(current);
  return { caps: next, ok: applyKeys(r, given, next, what) };
}

function applyKeys(r: YamlReader, given: NodeMap, target: NodeMap, what: Subject): boolean {
  let ok = true;
  for (const [name, entry] of given) {
    // Only rules have a kind: caps may use any key name the caps reader accepts.
    if (FIXED_RULE_KEYS.includes(name) && target.has('kind')) {
      r.report(entry.key, 'contract.amendment.fixed_key', { what, key: name });
      ok = false;
      continue;
    }
    if (entry.value === null || isNullScalar(entry.value)) {
      r.report(entry.key, 'contract.amendment.removed_key', { what, key: name });
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
