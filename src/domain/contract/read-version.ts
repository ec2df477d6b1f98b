/**
 * Reads one version of the contract from its key maps: every outcome rule, in order, with
 * the checks that span rules (unique ids, `after` naming an earlier outcome), then the caps.
 * Those checks use the ids as written, also of outcomes that are bad in another way, so an
 * outcome with a bad price does not make every later `after` naming it a second problem.
 */
import type { Node } from 'yaml';
import { ENROLMENT, type Rule, type Version } from './contract.js';
import { didYouMean } from './did-you-mean.js';
import { readCaps } from './read-caps.js';
import { RULE_ID, readRule } from './read-rule.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

/** An outcome's keys as written (or as amended), and the node that locates its problems. */
export interface RuleKeys {
  readonly at: Node;
  readonly keys: NodeMap;
}

/** The YAML of one version before it is read: the outcomes' keys and the caps' keys. */
export interface VersionKeys {
  readonly rules: readonly RuleKeys[];
  /**
   * False when `outcomes` is not a list or an outcome is not a map (both reported): the
   * version is bad, and names of outcomes can then not be checked.
   */
  readonly allRules: boolean;
  /** Null when `caps` is not a map (reported). */
  readonly caps: NodeMap | null;
}

export interface VersionSource {
  /** `base` or the amendment's id. */
  readonly id: string;
  readonly effectiveFrom: Version['effectiveFrom'];
  readonly keys: VersionKeys;
  /** Where problems about the caps as a whole are placed. */
  readonly capsAt: Node | null;
  /** Null when the segments could not all be read. */
  readonly segmentIds: readonly string[] | null;
  /** Duplicate ids are reported on the base only: amendments cannot change ids. */
  readonly isBase: boolean;
}

export function readVersion(r: YamlReader, source: VersionSource): Version | null {
  const outcomes: Rule[] = [];
  let ok = source.keys.allRules;
  const ids: string[] = [];
  for (const { at, keys: given } of source.keys.rules) {
    const { rule, keys } = readRule(r, given, { segmentIds: source.segmentIds, at });
    if (!rule) ok = false;
    else outcomes.push(rule);
    const idNode = keys.get('id')?.value;
    const id = r.peek(idNode);
    if (source.isBase && id !== null && RULE_ID.test(id) && ids.includes(id)) {
      r.report(idNode, 'contract.outcomes.duplicate', { id });
      ok = false;
    }
    if (source.keys.allRules && !checkAfter(r, keys, id, ids)) ok = false;
    if (id !== null) ids.push(id);
  }
  const outcomeIds = source.keys.allRules ? ids : null;
  const caps = source.keys.caps && readCaps(r, source.keys.caps, source.capsAt, outcomeIds);
  if (!ok || !caps) return null;
  return { id: source.id, effectiveFrom: source.effectiveFrom, outcomes, caps };
}

/** `after` is `enrolment` or an outcome listed earlier; false when it is neither (reported). */
function checkAfter(
  r: YamlReader,
  keys: NodeMap,
  id: string | null,
  earlier: readonly string[],
): boolean {
  const node = keys.get('after')?.value;
  const after = r.peek(node);
  if (after === null || after === ENROLMENT || earlier.includes(after)) return true;
  r.report(node, 'contract.after.unknown', {
    id: id ?? '?',
    after,
    hint: didYouMean(after, [ENROLMENT, ...earlier]),
  });
  return false;
}
