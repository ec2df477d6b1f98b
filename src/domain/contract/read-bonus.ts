/** Reads an outcome's `bonus` list (spec §3, Pricing): a percent added when a condition holds. */
import type { Node } from 'yaml';
import type { Bonus } from './contract.js';
import { readCondition } from './read-condition.js';
import { type Subject, subject, within } from './subject.js';
import type { YamlReader } from './yaml-reader.js';

/** `what` is the outcome (`outcome job`); every bonus is read, so each bad one is reported. */
export function readBonus(r: YamlReader, node: Node | null, what: Subject): Bonus[] | null {
  const items = r.list(node, within(what, 'bonus'));
  if (!items) return null;
  const read = items.map((item, i) => readOne(r, item, within(what, subject.bonus(i + 1))));
  const bonuses = read.filter((b): b is Bonus => b !== null);
  return bonuses.length === read.length ? bonuses : null;
}

function readOne(r: YamlReader, item: Node, label: Subject): Bonus | null {
  const given = r.map(item, label);
  if (!given) return null;
  const map = r.keys(given, item, label, ['when', 'percent'], []);
  const when = readCondition(r, map.get('when')?.value ?? null, within(label, 'when'));
  const percent = r.wholeNumber(map.get('percent')?.value ?? null, within(label, 'percent'), 0);
  return when && percent !== null ? { when, percent } : null;
}
