/**
 * Reads `segments` (spec §2): an ordered list where a participant falls in the first segment
 * whose `when` holds; the last has no `when` and catches everyone else.
 */
import type { Node } from 'yaml';
import type { Segment } from './contract.js';
import { readCondition } from './read-condition.js';
import type { YamlReader } from './yaml-reader.js';

export function readSegments(r: YamlReader, node: Node | null): Segment[] | null {
  const items = r.list(node, 'segments');
  if (!items) return null;
  const out: Segment[] = [];
  let ok = true;
  for (const [i, item] of items.entries()) {
    const label = `segment ${i + 1}`;
    const map = r.map(item, label);
    if (!map) return null;
    r.keys(map, item, label, ['id'], ['when']);
    const id = r.string(map.get('id')?.value ?? null, `${label} id`);
    const last = i === items.length - 1;
    if (last && map.has('when')) {
      r.report(
        map.get('when')?.key,
        'contract.segments',
        `the last segment (${id}) must have no "when": it catches everyone else`,
      );
      ok = false;
    }
    if (!last && !map.has('when')) {
      r.report(
        item,
        'contract.segments',
        `segment ${id} needs "when" (only the last segment has none)`,
      );
      ok = false;
    }
    if (id && out.some((s) => s.id === id)) {
      r.report(map.get('id')?.value, 'contract.duplicate', `segment id "${id}" is used twice`);
      ok = false;
    }
    const when = map.has('when')
      ? readCondition(r, map.get('when')?.value ?? null, `segment ${id} when`)
      : undefined;
    if (!id || when === null) ok = false;
    else out.push(when ? { id, when } : { id });
  }
  return ok ? out : null;
}
