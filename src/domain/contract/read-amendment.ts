/**
 * Reads one amendment (spec §3, Amendments): its id, effective date and reason, and the
 * key maps of the version it makes from the one before. Amendments are listed oldest first.
 */
import type { Node } from 'yaml';
import { amendCaps, amendRules } from './amend-keys.js';
import type { Amendment } from './contract.js';
import type { VersionKeys } from './read-version.js';
import type { YamlReader } from './yaml-reader.js';

export interface Amended {
  readonly amendment: Amendment;
  /** The version's keys once this amendment is applied. */
  readonly keys: VersionKeys;
}

export function readAmendment(
  r: YamlReader,
  node: Node,
  current: VersionKeys,
  earlier: readonly Amendment[],
): Amended | null {
  const map = r.map(node, 'an amendment');
  if (!map) return null;
  r.keys(map, node, 'an amendment', ['id', 'effective_from', 'reason'], ['outcomes', 'caps']);
  const id = r.string(map.get('id')?.value ?? null, 'amendment id');
  const effectiveFrom = r.date(
    map.get('effective_from')?.value ?? null,
    `amendment ${id} effective_from`,
  );
  const reason = r.string(map.get('reason')?.value ?? null, `amendment ${id} reason`);
  if (!map.has('outcomes') && !map.has('caps')) {
    r.report(node, 'contract.amendment', `amendment ${id} must change "outcomes" or "caps"`);
  }
  if (id && (id === 'base' || earlier.some((a) => a.id === id))) {
    r.report(map.get('id')?.value, 'contract.duplicate', `amendment id "${id}" is already used`);
    return null;
  }
  const previous = earlier.at(-1);
  if (effectiveFrom && previous && effectiveFrom <= previous.effectiveFrom) {
    r.report(
      map.get('effective_from')?.value,
      'contract.amendment_order',
      `amendment ${id} effective_from ${effectiveFrom} must be after ${previous.effectiveFrom} (amendments are listed oldest first)`,
    );
    return null;
  }
  const rules = map.has('outcomes')
    ? amendRules(r, map.get('outcomes')?.value ?? null, current.rules, id)
    : current.rules;
  const caps = map.has('caps')
    ? amendCaps(r, map.get('caps')?.value ?? null, current.caps, id)
    : current.caps;
  if (!id || !effectiveFrom || !reason || !rules || !caps) return null;
  return { amendment: { id, effectiveFrom, reason }, keys: { rules, caps } };
}
