/**
 * Reads `segments` (spec §2): an ordered list where a participant falls in the first segment
 * whose `when` holds; the last has no `when` and catches everyone else.
 */
import type { Node } from 'yaml';
import type { Segment } from './contract.js';
import { readCondition } from './read-condition.js';
import { subject, within } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

export interface SegmentsRead {
  /** The segments, or null when any is bad. */
  readonly segments: Segment[] | null;
  /**
   * Every segment id, also of segments with a bad `when`; null when an id cannot be read,
   * since prices can then not be checked against them without reporting that mistake again.
   */
  readonly ids: string[] | null;
}

export function readSegments(r: YamlReader, node: Node | null): SegmentsRead {
  const items = r.list(node, 'segments');
  if (!items) return { segments: null, ids: null };
  const segments: Segment[] = [];
  const ids: string[] = [];
  let ok = true;
  let idsKnown = true;
  for (const [i, item] of items.entries()) {
    const position = subject.segment(i + 1);
    const given = r.map(item, position);
    const map = given && r.keys(given, item, position, ['id'], ['when']);
    if (!map) {
      [ok, idsKnown] = [false, false];
      continue;
    }
    const id = r.string(map.get('id')?.value ?? null, within(position, 'id'));
    if (id === null) [ok, idsKnown] = [false, false];
    const segment = id ?? i + 1;
    const last = i === items.length - 1;
    const whenKey = map.get('when');
    if (last && whenKey) {
      r.report(whenKey.key, 'contract.segments.last_when', { segment });
      ok = false;
    }
    if (!last && !whenKey) {
      r.report(item, 'contract.segments.when_missing', { what: subject.segment(segment) });
      ok = false;
    }
    if (id !== null && ids.includes(id)) {
      r.report(map.get('id')?.value, 'contract.segments.duplicate', { id });
      ok = false;
    }
    if (id !== null) ids.push(id);
    const when = whenKey
      ? readCondition(r, whenKey.value, within(subject.segment(segment), 'when'))
      : undefined;
    if (id === null || when === null) ok = false;
    else segments.push(when ? { id, when } : { id });
  }
  return { segments: ok ? segments : null, ids: idsKnown ? ids : null };
}
