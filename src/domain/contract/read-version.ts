/**
 * Reads one version of the contract from its key maps: every outcome rule, in order, with
 * the checks that span rules (unique ids, `after` naming an earlier outcome), then the caps.
 */
import type { Node } from 'yaml';
import { ENROLMENT, type Rule, type Version } from './contract.js';
import { readCaps } from './read-caps.js';
import { readRule } from './read-rule.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

/** An outcome's keys as written (or as amended), and the node that locates its problems. */
export interface RuleKeys {
  readonly at: Node;
  readonly keys: NodeMap;
}

/** The YAML of one version before it is read: the outcomes' keys and the caps' keys. */
export interface VersionKeys {
  readonly rules: readonly RuleKeys[];
  readonly caps: NodeMap;
}

export interface VersionSource {
  /** `base` or the amendment's id. */
  readonly id: string;
  readonly effectiveFrom: Version['effectiveFrom'];
  readonly keys: VersionKeys;
  /** Where problems about the caps as a whole are placed. */
  readonly capsAt: Node | null;
  readonly segmentIds: readonly string[];
  /** Duplicate ids are reported on the base only: amendments cannot change ids. */
  readonly isBase: boolean;
}

export function readVersion(r: YamlReader, source: VersionSource): Version | null {
  const outcomes: Rule[] = [];
  let ok = true;
  for (const { at, keys } of source.keys.rules) {
    const rule = readRule(r, keys, { segmentIds: source.segmentIds, at });
    if (!rule) {
      ok = false;
      continue;
    }
    if (source.isBase && outcomes.some((o) => o.id === rule.id)) {
      r.report(
        keys.get('id')?.value,
        'contract.duplicate',
        `outcome id "${rule.id}" is used twice`,
      );
      ok = false;
    }
    if (rule.after !== ENROLMENT && !outcomes.some((o) => o.id === rule.after)) {
      r.report(
        keys.get('after')?.value,
        'contract.after',
        `outcome ${rule.id} after "${rule.after}" must be "enrolment" or an outcome listed earlier`,
      );
      ok = false;
    }
    outcomes.push(rule);
  }
  const caps = readCaps(
    r,
    source.keys.caps,
    source.capsAt,
    outcomes.map((o) => o.id),
  );
  if (!ok || !caps) return null;
  return { id: source.id, effectiveFrom: source.effectiveFrom, outcomes, caps };
}
