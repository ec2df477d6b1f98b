/** Reads the `caps` map (spec §3, Caps): per_participant, total and volume per outcome. */
import type { Node } from 'yaml';
import type { Caps } from './contract.js';
import { didYouMean } from './did-you-mean.js';
import { subject, within } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export const CAP_KEYS = ['per_participant', 'total', 'volume'];

/** `outcomeIds` null: the outcomes could not all be read, so volume names are not checked. */
export function readCaps(
  r: YamlReader,
  given: NodeMap,
  at: Node | null,
  outcomeIds: readonly string[] | null,
): Caps | null {
  const keys = r.keys(given, at, 'caps', [], CAP_KEYS);
  const volume: Record<string, number> = {};
  let ok = true;
  const amount = (name: string) => {
    if (!keys.has(name)) return undefined;
    const cents = r.amount(keys.get(name)?.value ?? null, within('caps', name));
    if (cents === null) ok = false;
    return cents ?? undefined;
  };
  const perParticipant = amount('per_participant');
  const total = amount('total');
  if (keys.has('volume')) {
    const map = r.map(keys.get('volume')?.value ?? null, within('caps', 'volume'));
    if (!map) return null;
    for (const [outcome, { key, value }] of map) {
      if (outcomeIds && !outcomeIds.includes(outcome)) {
        const hint = didYouMean(outcome, outcomeIds);
        r.report(key, 'contract.caps.unknown_outcome', { outcome, hint });
        ok = false;
      }
      const count = r.wholeNumber(value, within('caps', subject.volumeFor(outcome)), 0);
      if (count === null) ok = false;
      else volume[outcome] = count;
    }
  }
  if (!ok || !outcomeIds) return null;
  return {
    volume,
    ...(perParticipant === undefined ? {} : { perParticipant }),
    ...(total === undefined ? {} : { total }),
  };
}
