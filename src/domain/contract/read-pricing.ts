/**
 * Reads how an outcome is priced (spec §3, Pricing): exactly one of `price` — flat, or one
 * amount per segment covering every segment — and `tiers`, priced by paid rank.
 */
import type { Node } from 'yaml';
import type { Cents } from '../money.js';
import type { Price, Pricing, Tier } from './contract.js';
import { didYouMean, meantName } from './did-you-mean.js';
import { type Subject, subject, within } from './subject.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

export interface PricingContext {
  /** Null when the segments could not all be read: names are then not checked. */
  readonly segmentIds: readonly string[] | null;
  /** Where a missing or doubled price is reported: the rule's node. */
  readonly at: Node | null;
}

/** `what` is the outcome (`outcome job`). */
export function readPricing(
  r: YamlReader,
  keys: NodeMap,
  what: Subject,
  ctx: PricingContext,
): Pricing | null {
  const hasPrice = keys.has('price');
  const hasTiers = keys.has('tiers');
  if (hasPrice === hasTiers) {
    r.report(ctx.at, 'contract.pricing.one_of', { what });
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
  outcome: Subject,
  segmentIds: readonly string[] | null,
): Price | null {
  const resolved = r.resolve(node);
  if (resolved && 'items' in resolved) return readSegmentPrices(r, node, outcome, segmentIds);
  const amount = r.amount(node, within(outcome, 'price'));
  return amount === null ? null : { kind: 'flat', amount };
}

function readSegmentPrices(
  r: YamlReader,
  node: Node | null,
  outcome: Subject,
  segmentIds: readonly string[] | null,
): Price | null {
  const what = within(outcome, 'price');
  const map = r.map(node, what);
  if (!map) return null;
  if (segmentIds?.length === 0) {
    // A map prices segments; with none defined it would price nobody (and pay nothing).
    r.report(node, 'contract.price.no_segments', { what });
    return null;
  }
  const amounts: Record<string, Cents> = {};
  const priced = new Set<string>();
  let ok = true;
  for (const [segment, { key, value }] of map) {
    if (segmentIds && !segmentIds.includes(segment)) {
      const hint = didYouMean(segment, segmentIds);
      r.report(key, 'contract.price.unknown_segment', { what, segment, hint });
      // A mistyped segment is not also reported unpriced under its right name.
      const meant = meantName(segment, segmentIds);
      if (meant !== undefined && !map.has(meant)) priced.add(meant);
      ok = false;
    }
    priced.add(segment);
    const amount = r.amount(value, within(outcome, subject.priceFor(segment)));
    if (amount === null) ok = false;
    else amounts[segment] = amount;
  }
  for (const segment of segmentIds ?? []) {
    if (!priced.has(segment)) {
      r.report(node, 'contract.price.unpriced', { what, segment });
      ok = false;
    }
  }
  return ok && segmentIds ? { kind: 'by_segment', amounts } : null;
}

/** Tiers rise strictly by `up_to`; only the last has none and prices every rank after. */
function readTiers(r: YamlReader, node: Node | null, outcome: Subject): Tier[] | null {
  const items = r.list(node, within(outcome, 'tiers'));
  if (!items) return null;
  if (items.length === 0) {
    r.report(node, 'contract.tiers.empty', { what: within(outcome, 'tiers') });
    return null;
  }
  const tiers: Tier[] = [];
  let ok = true;
  // The up_to of the tier before, or null when it could not be read (nothing to compare).
  let previous: number | null = 0;
  for (const [i, item] of items.entries()) {
    const tier = readTier(r, item, within(outcome, subject.tier(i + 1)), {
      last: i === items.length - 1,
      previous,
    });
    previous = tier?.upTo ?? null;
    if (tier) tiers.push(tier);
    else ok = false;
  }
  return ok ? tiers : null;
}

function readTier(
  r: YamlReader,
  item: Node,
  label: Subject,
  at: { last: boolean; previous: number | null },
): Tier | null {
  const given = r.map(item, label);
  if (!given) return null;
  const map = r.keys(given, item, label, ['price'], ['up_to']);
  const price = r.amount(map.get('price')?.value ?? null, within(label, 'price'));
  const upToKey = map.get('up_to');
  if (at.last && upToKey) {
    r.report(upToKey.key, 'contract.tiers.last_up_to', { what: label });
    return null;
  }
  if (!at.last && !upToKey) {
    r.report(item, 'contract.tiers.up_to_missing', { what: label });
    return null;
  }
  const upTo = upToKey ? r.wholeNumber(upToKey.value, within(label, 'up_to'), 1) : undefined;
  if (upTo !== undefined && upTo !== null && at.previous !== null && upTo <= at.previous) {
    r.report(upToKey?.value, 'contract.tiers.order', {
      what: within(label, 'up_to'),
      previous: String(at.previous),
    });
    return null;
  }
  if (price === null || upTo === null) return null;
  return upTo === undefined ? { price } : { upTo, price };
}
