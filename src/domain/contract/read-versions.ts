/**
 * Reads the outcomes, the caps and the amendments into every version of the contract
 * (spec §3, Versions): the base first, then one per amendment, oldest first. Amendments are
 * applied key by key to the YAML of the version before, and each resulting version is read
 * and validated whole, so an amendment cannot leave a version that would not parse.
 */
import type { Node } from 'yaml';
import type { Amendment, Version } from './contract.js';
import { readAmendment } from './read-amendment.js';
import { readVersion, type VersionKeys } from './read-version.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export interface VersionsRead {
  readonly versions: Version[];
  readonly amendments: Amendment[];
}

export function readVersions(
  r: YamlReader,
  top: NodeMap,
  segmentIds: readonly string[],
): VersionsRead | null {
  const base = baseKeys(r, top);
  if (!base) return null;
  const capsNode = top.get('caps')?.value ?? null;
  const first = readVersion(r, {
    id: 'base',
    effectiveFrom: null,
    keys: base,
    capsAt: capsNode,
    segmentIds,
    isBase: true,
  });
  const versions: Version[] = first ? [first] : [];
  const amendments: Amendment[] = [];
  let current = base;
  const amendNode = top.get('amendments')?.value ?? null;
  const amendItems = top.has('amendments') ? r.list(amendNode, 'amendments') : [];
  for (const item of amendItems ?? []) {
    const amended = readAmendment(r, item, current, amendments);
    if (!amended) continue;
    amendments.push(amended.amendment);
    current = amended.keys;
    const version = readVersion(r, {
      id: amended.amendment.id,
      effectiveFrom: amended.amendment.effectiveFrom,
      keys: amended.keys,
      // Without a caps map in the file, missing-cap problems point at the amendment.
      capsAt: capsNode ?? item,
      segmentIds,
      isBase: false,
    });
    if (version) versions.push(version);
  }
  const expected = 1 + (amendItems?.length ?? 0);
  return versions.length === expected && amendItems ? { versions, amendments } : null;
}

/** The key maps of the base version: one per listed outcome, and the caps (empty if none). */
function baseKeys(r: YamlReader, top: NodeMap): VersionKeys | null {
  const outcomesNode = top.get('outcomes')?.value ?? null;
  const items = top.has('outcomes') ? r.list(outcomesNode, 'outcomes') : null;
  if (!items) return null;
  if (items.length === 0)
    r.report(outcomesNode, 'contract.outcomes', 'outcomes must list at least one outcome');
  const rules: { at: Node; keys: NodeMap }[] = [];
  for (const item of items) {
    const keys = r.map(item, 'an outcome');
    if (keys) rules.push({ at: item, keys });
  }
  const capsNode = top.get('caps')?.value ?? null;
  const caps: NodeMap | null = top.has('caps') ? r.map(capsNode, 'caps') : new Map();
  return caps && { rules, caps };
}
