/**
 * Reads one amendment (spec §3, Amendments): its id, effective date and reason, and the
 * key maps of the version it makes from the one before. Amendments are listed oldest first.
 */
import type { Node } from 'yaml';
import { amendCaps, amendRules } from './amend-keys.js';
import type { Amendment } from './contract.js';
import type { VersionKeys } from './read-version.js';
import { subject, within } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

export interface Amended {
  /** Null when the id, date or reason is bad (reported). */
  readonly amendment: Amendment | null;
  /** The version's keys once the changes that could be made are made. */
  readonly keys: VersionKeys;
  /** False when a change could not be made (reported). */
  readonly ok: boolean;
}

export interface AmendmentsSoFar {
  /** The good amendments before this one, oldest first. */
  readonly amendments: readonly Amendment[];
  /** Every id used so far, also by bad amendments (a repeat is reported once). */
  readonly usedIds: string[];
  /** 1-based position in the list, naming an amendment whose id cannot be read. */
  readonly position: number;
}

export function readAmendment(
  r: YamlReader,
  node: Node,
  current: VersionKeys,
  before: AmendmentsSoFar,
): Amended {
  const given = r.map(node, subject.anAmendment);
  if (!given) return { amendment: null, keys: current, ok: false };
  const map = r.keys(
    given,
    node,
    subject.anAmendment,
    ['id', 'effective_from', 'reason'],
    ['outcomes', 'caps'],
  );
  const idNode = map.get('id')?.value ?? null;
  const id = r.string(idNode, subject.amendmentId);
  const name = subject.amendment(id ?? r.peek(idNode) ?? before.position);
  const dateNode = map.get('effective_from')?.value ?? null;
  const effectiveFrom = r.date(dateNode, within(name, 'effective_from'));
  const reason = r.string(map.get('reason')?.value ?? null, within(name, 'reason'));
  let header = true;
  if (!map.has('outcomes') && !map.has('caps')) {
    r.report(node, 'contract.amendment.empty', { what: name });
  }
  if (id === 'base') {
    r.report(idNode, 'contract.amendment.base_id');
    header = false;
  } else if (id !== null && before.usedIds.includes(id)) {
    r.report(idNode, 'contract.amendment.duplicate', { id });
    header = false;
  }
  if (id !== null) before.usedIds.push(id);
  const previous = before.amendments.at(-1);
  if (effectiveFrom && previous && effectiveFrom <= previous.effectiveFrom) {
    r.report(dateNode, 'contract.amendment.order', {
      what: within(name, 'effective_from'),
      date: effectiveFrom,
      previous: previous.effectiveFrom,
    });
    header = false;
  }
  const rules = map.has('outcomes')
    ? amendRules(r, map.get('outcomes')?.value ?? null, current, name)
    : { rules: current.rules, ok: true };
  const caps = map.has('caps')
    ? amendCaps(r, map.get('caps')?.value ?? null, current.caps, name)
    : { caps: current.caps, ok: true };
  const keys = { rules: rules.rules, allRules: current.allRules, caps: caps.caps };
  const amendment = header && id && effectiveFrom && reason ? { id, effectiveFrom, reason } : null;
  const ok = rules.ok && caps.ok && (map.has('outcomes') || map.has('caps'));
  return { amendment, keys, ok };
}
