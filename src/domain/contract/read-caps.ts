/** Reads the `caps` map (spec §3, Caps): per_participant, total and volume per outcome. */
import type { Node } from 'yaml';
import type { Caps } from './contract.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export const CAP_KEYS = ['per_participant', 'total', 'volume'];

export function readCaps(
  r: YamlReader,
  keys: NodeMap,
  at: Node | null,
  outcomeIds: readonly string[],
): Caps | null {
  r.keys(keys, at, 'caps', [], CAP_KEYS);
  const caps: { perParticipant?: number; total?: number; volume: Record<string, number> } = {
    volume: {},
  };
  let ok = true;
  for (const [name, field] of [
    ['per_participant', 'perParticipant'],
    ['total', 'total'],
  ] as const) {
    if (!keys.has(name)) continue;
    const amount = r.amount(keys.get(name)?.value ?? null, `caps ${name}`);
    if (amount === null) ok = false;
    else caps[field] = amount;
  }
  if (keys.has('volume')) {
    const volume = r.map(keys.get('volume')?.value ?? null, 'caps volume');
    if (!volume) return null;
    for (const [outcome, { key, value }] of volume) {
      if (!outcomeIds.includes(outcome)) {
        r.report(key, 'contract.volume', `caps volume names unknown outcome "${outcome}"`);
        ok = false;
      }
      const count = r.wholeNumber(value, `caps volume for ${outcome}`, 0);
      if (count === null) ok = false;
      else caps.volume[outcome] = count;
    }
  }
  return ok ? (caps as Caps) : null;
}
