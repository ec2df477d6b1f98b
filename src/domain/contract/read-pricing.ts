/**
 * Reads how an outcome is priced (spec §3, Pricing): exactly one of `price` — flat, or one
 * amount per segment covering every segment — and `tiers`, priced by paid rank.
 */
import type { Node } from 'yaml';
import type { Cents } from '../money.js';
import type { Price, Pricing, Tier } from './contract.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export interface PricingContext {
  readonly segmentIds: readonly string[];
  /** Where a missing or doubled price is reported: the rule's node. */
  readonly at: Node | null;
}

export function readPricing(
  r: YamlReader,
  keys: NodeMap,
  what: string,
  ctx: PricingContext,
): Pricing | null {
  const hasPrice = keys.has('price');
  const hasTiers = keys.has('tiers');
  if (hasPrice === hasTiers) {
    r.report(ctx.at, 'contract.pricing', `${what} needs exactly one of "price" and "tiers"`);
    return null;
  }
  if (hasTiers) {
    const tiers = readTiers(r, keys.get('tiers')?.value ?? null, what);
    return tiers && { kind: 'tiers', tiers };
  }
  const price = readPrice(r, keys.get('price')?.value ?? null, what, ctx.segmentIds);
  return price && { kind: 'price', price };
}

function readPrice(
  r: YamlReader,
  node: Node | null,
  what: string,
  segmentIds: readonly string[],
): Price | null {
  const resolved = r.resolve(node);
  if (resolved && 'items' in resolved) return readSegmentPrices(r, node, what, segmentIds);
  const amount = r.amount(node, `${what} price`);
  return amount === null ? null : { kind: 'flat', amount };
}

function readSegmentPrices(
  r: YamlReader,
  node: Node | null,
  what: string,
  segmentIds: readonly string[],
): Price | null {
  const map = r.map(node, `${what} price`);
  if (!map) return null;
  if (segmentIds.length === 0) {
    // A map prices segments; with none defined it would price nobody (and pay nothing).
    r.report(
      node,
      'contract.unpriced',
      `${what} price is a map by segment, but the contract defines no segments; give one amount`,
    );
    return null;
  }
  const amounts: Record<string, Cents> = {};
  let ok = true;
  for (const [segment, { key, value }] of map) {
    if (!segmentIds.includes(segment)) {
      r.report(key, 'contract.segment', `${what} price names unknown segment "${segment}"`);
      ok = false;
    }
    const amount = r.amount(value, `${what} price for ${segment}`);
    if (amount === null) ok = false;
    else amounts[segment] = amount;
  }
  for (const segment of segmentIds) {
    if (!map.has(segment)) {
      r.report(node, 'contract.unpriced', `${what} price leaves segment "${segment}" unpriced`);
      ok = false;
    }
  }
  return ok ? { kind: 'by_segment', amounts } : null;
}

/** Tiers rise strictly by `up_to`; only the last has none and prices every rank after. */
function readTiers(r: YamlReader, node: Node | null, what: string): Tier[] | null {
  const items = r.list(node, `${what} tiers`);
  if (!items) return null;
  if (items.length === 0) {
    r.report(node, 'contract.tiers', `${what} tiers must list at least one tier`);
    return null;
  }
  const tiers: Tier[] = [];
  let previous = 0;
  for (const [i, item] of items.entries()) {
    const label = `${what} tier ${i + 1}`;
    const map = r.map(item, label);
    if (!map) return null;
    const last = i === items.length - 1;
    r.keys(map, item, label, ['price'], ['up_to']);
    const price = r.amount(map.get('price')?.value ?? null, `${label} price`);
    if (last && map.has('up_to')) {
      r.report(map.get('up_to')?.key, 'contract.tiers', `${label}: the last tier has no up_to`);
      return null;
    }
    if (!last && !map.has('up_to')) {
      r.report(item, 'contract.tiers', `${label} needs up_to (only the last tier has none)`);
      return null;
    }
    const upTo = last
      ? undefined
      : r.wholeNumber(map.get('up_to')?.value ?? null, `${label} up_to`, 1);
    if (price === null || upTo === null) return null;
    if (upTo !== undefined && upTo <= previous) {
      r.report(
        map.get('up_to')?.value,
        'contract.tiers',
        `${label} up_to must be above ${previous}`,
      );
      return null;
    }
    if (upTo !== undefined) previous = upTo;
    tiers.push(upTo === undefined ? { price } : { upTo, price });
  }
  return tiers;
}
