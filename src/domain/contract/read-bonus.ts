/** Reads an outcome's `bonus` list (spec §3, Pricing): a percent added when a condition holds. */
import type { Node } from 'yaml';
import type { Bonus } from './contract.js';
import { readCondition } from './read-condition.js';
import type { YamlReader } from './yaml-reader.js';

export function readBonus(r: YamlReader, node: Node | null, what: string): Bonus[] | null {
  const items = r.list(node, `${what} bonus`);
  if (!items) return null;
  const out: Bonus[] = [];
  for (const [i, item] of items.entries()) {
    const label = `${what} bonus ${i + 1}`;
    const map = r.map(item, label);
    if (!map) return null;
    r.keys(map, item, label, ['when', 'percent'], []);
    const when = readCondition(r, map.get('when')?.value ?? null, `${label} when`);
    const percent = r.wholeNumber(map.get('percent')?.value ?? null, `${label} percent`, 0);
    if (!when || percent === null) return null;
    out.push({ when, percent });
  }
  return out;
}
