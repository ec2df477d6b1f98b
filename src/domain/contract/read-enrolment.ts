/** Reads the enrolment window (spec §2, `enrolment: { from, to }`), both days included. */
import type { Node } from 'yaml';
import type { Contract } from './contract.js';
import type { YamlReader } from './yaml-reader.js';

export function readEnrolment(r: YamlReader, node: Node | null): Contract['enrolment'] | null {
  const map = r.map(node, 'enrolment');
  if (!map) return null;
  r.keys(map, node, 'enrolment', ['from', 'to'], []);
  const from = r.date(map.get('from')?.value ?? null, 'enrolment from');
  const to = r.date(map.get('to')?.value ?? null, 'enrolment to');
  if (!from || !to) return null;
  if (to < from) {
    r.report(
      node,
      'contract.enrolment',
      `the enrolment window is reversed: to ${to} is before from ${from}`,
    );
    return null;
  }
  return { from, to };
}
