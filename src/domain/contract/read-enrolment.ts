/** Reads the enrolment window (spec §2, `enrolment: { from, to }`), both days included. */
import type { Node } from 'yaml';
import type { Contract } from './contract.js';
import { within } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

export function readEnrolment(r: YamlReader, node: Node | null): Contract['enrolment'] | null {
  const given = r.map(node, 'enrolment');
  if (!given) return null;
  const map = r.keys(given, node, 'enrolment', ['from', 'to'], []);
  const from = r.date(map.get('from')?.value ?? null, within('enrolment', 'from'));
  const to = r.date(map.get('to')?.value ?? null, within('enrolment', 'to'));
  if (!from || !to) return null;
  if (to < from) {
    r.report(node, 'contract.enrolment.reversed', { from, to });
    return null;
  }
  return { from, to };
}
