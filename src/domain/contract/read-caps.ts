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
  const volume: Record<string, number> = {};
  let ok = true;
  const amount = (name: string) => {
    if (!keys.has(name)) return undefined;
    const cents = r.amount(keys.get(name)?.value ?? null, `caps ${name}`);
    if (cents === null) ok = false;
    return cents ?? undefined;
  };
  const perParticipant = amount('per_participant');
  const total = amount('total');
  if (keys.has('volume')) {
    const given = r.map(keys.get('volume')?.value ?? null, 'caps volume');
    if (!given) return null;
    for (const [outcome, { key, value }] of given) {
      if (!outcomeIds.includes(outcome)) {
        r.report(key, 'contract.volume', `caps volume names unknown outcome "${outcome}"`);
        ok = false;
      }
      const count = r.wholeNumber(value, `caps volume for ${outcome}`, 0);
      if (count === null) ok = false;
      else volume[outcome] = count;
    }
  }
  if (!ok) return null;
  return {
    volume,
    ...(perParticipant === undefined ? {} : { perParticipant }),
    ...(total === undefined ? {} : { total }),
  };
}
