/** Reads `eligibility` (spec §2): a list of conditions that must all hold at enrolment. */
import type { Node } from 'yaml';
import type { Condition } from './contract.js';
import { readCondition } from './read-condition.js';
import { subject } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

export function readEligibility(r: YamlReader, node: Node | null): Condition[] | null {
  const items = r.list(node, 'eligibility');
  if (!items) return null;
  // Every condition is read, so each bad one is reported, before any null fails the list.
  const read = items.map((item, i) => readCondition(r, item, subject.condition(i + 1)));
  const conditions = read.filter((c): c is Condition => c !== null);
  return conditions.length === read.length ? conditions : null;
}
