/**
 * Reads the outcomes, the caps and the amendments into every version of the contract
 * (spec §3, Versions): the base first, then one per amendment, oldest first. Amendments are
 * applied key by key to the YAML of the version before, and each resulting version is read
 * and validated whole, so an amendment cannot leave a version that would not parse.
 */
import type { Amendment, Version } from './contract.js';
import { readAmendment } from './read-amendment.js';
import { type RuleKeys, readVersion, type VersionKeys } from './read-version.js';
import { subject } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export interface VersionsRead {
  readonly versions: Version[];
  readonly amendments: Amendment[];
}

/** `segmentIds` null: the segments could not all be read, so prices are not checked against them. */
export function readVersions(
  r: YamlReader,
  top: NodeMap,
  segmentIds: readonly string[] | null,
): VersionsRead | null {
  const base = baseKeys(r, top);
  const capsNode = top.get('caps')?.value ?? null;
  const first = readVersion(r, {
    id: 'base',
    effectiveFrom: null,
    keys: base,
    capsAt: capsNode,
    segmentIds,
    isBase: true,
  });
  let ok = first !== null;
  const versions: Version[] = first ? [first] : [];
  const amendments: Amendment[] = [];
  const usedIds: string[] = [];
  let current = base;
  const amendNode = top.get('amendments')?.value ?? null;
  const amendItems = top.has('amendments') ? r.list(amendNode, 'amendments') : [];
  if (!amendItems) ok = false;
  for (const [i, item] of (amendItems ?? []).entries()) {
    const amended = readAmendment(r, item, current, { amendments, usedIds, position: i + 1 });
    // A bad amendment still makes the changes it can, so the versions after it are checked.
    current = amended.keys;
    if (!amended.amendment || !amended.ok) ok = false;
    const version = readVersion(r, {
      id: amended.amendment?.id ?? '?',
      effectiveFrom: amended.amendment?.effectiveFrom ?? null,
      keys: amended.keys,
      // Without a caps map in the file, missing-cap problems point at the amendment.
      capsAt: capsNode ?? item,
      segmentIds,
      isBase: false,
    });
    if (!version) ok = false;
    if (amended.amendment) amendments.push(amended.amendment);
    if (version) versions.push(version);
  }
  return ok ? { versions, amendments } : null;
}

/** The key maps of the base version: one per listed outcome, and the caps (empty if none). */
function baseKeys(r: YamlReader, top: NodeMap): VersionKeys {
  const outcomesNode = top.get('outcomes')?.value ?? null;
  const items = top.has('outcomes') ? r.list(outcomesNode, 'outcomes') : null;
  if (items?.length === 0) r.report(outcomesNode, 'contract.outcomes.empty');
  const rules: RuleKeys[] = [];
  for (const item of items ?? []) {
    const keys = r.map(item, subject.anOutcome);
    if (keys) rules.push({ at: item, keys });
  }
  const capsNode = top.get('caps')?.value ?? null;
  const caps: NodeMap | null = top.has('caps') ? r.map(capsNode, 'caps') : new Map();
  // An outcome that is not a map has no id: which names refer to it cannot be told.
  return { rules, allRules: items !== null && rules.length === items.length, caps };
}
