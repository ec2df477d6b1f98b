/**
 * Reads one outcome rule from its keys (spec §2, "Rule keys by kind"). The same function
 * reads the base rule and every amended version of it, so each version validates on its own.
 */
import type { Node } from 'yaml';
import { type Decimal, fitsScore, SCORE_DECIMALS, SCORE_INTEGER_DIGITS } from '../decimal.js';
import type { Cents } from '../money.js';
import type { Bonus, Price, Pricing, Rule, RuleKind, Tier } from './contract.js';
import { readCondition } from './read-condition.js';
import type { NodeMap, YamlReader } from './yaml-reader.js';

const COMMON = ['id', 'kind', 'after', 'price', 'tiers', 'bonus'];

const KEYS: Record<RuleKind, { required: string[]; optional: string[] }> = {
  event: { required: ['event'], optional: ['within_days', 'verified_only', 'min_value'] },
  employment_start: { required: [], optional: ['within_days', 'min_earnings'] },
  employment_sustained: {
    required: ['months', 'of_months'],
    optional: ['skip_months', 'min_earnings'],
  },
  earnings_threshold: { required: ['within_months', 'total_earnings'], optional: [] },
  assessment_gain: {
    required: ['pre', 'post', 'max_score', 'min_gain'],
    optional: ['within_days'],
  },
};

export const RULE_KINDS = Object.keys(KEYS) as RuleKind[];

export const RULE_ID = /^[a-z0-9_]+$/;

export interface RuleContext {
  readonly segmentIds: readonly string[];
  readonly at: Node | null;
}

/** Reads a rule from its key map; null when any key is invalid (problems are reported). */
export function readRule(r: YamlReader, keys: NodeMap, ctx: RuleContext): Rule | null {
  const v = (k: string) => keys.get(k)?.value ?? null;
  const id = r.string(v('id'), 'outcome id', RULE_ID, 'lower-case letters, digits and _');
  const what = `outcome ${id ?? '?'}`;
  const kind = r.string(v('kind'), `${what} kind`);
  if (kind !== null && !RULE_KINDS.includes(kind as RuleKind)) {
    r.report(
      v('kind'),
      'contract.kind',
      `${what} kind "${kind}" must be one of ${RULE_KINDS.join(', ')}`,
    );
    return null;
  }
  if (!id || !kind) return null;
  const spec = KEYS[kind as RuleKind];
  r.keys(
    keys,
    ctx.at,
    what,
    ['id', 'kind', 'after', ...spec.required],
    [...COMMON, ...spec.optional],
  );
  const after = r.string(v('after'), `${what} after`);
  const pricing = readPricing(r, keys, what, ctx);
  const bonus = keys.has('bonus') ? readBonus(r, v('bonus'), what) : [];
  const body = readKindKeys(r, kind as RuleKind, keys, what);
  if (after === null || !pricing || !bonus || !body) return null;
  // The kind-specific keys were read and checked for this kind just above.
  return { id, after, pricing, bonus, ...body } as unknown as Rule;
}

type KindBody = Record<string, unknown>;

function readKindKeys(r: YamlReader, kind: RuleKind, keys: NodeMap, what: string): KindBody | null {
  const v = (k: string) => keys.get(k)?.value ?? null;
  const optionalWhole = (k: string, min: number) =>
    keys.has(k) ? r.wholeNumber(v(k), `${what} ${k}`, min) : undefined;
  const money = (k: string) => (keys.has(k) ? nonNegative(r, v(k), `${what} ${k}`) : undefined);
  const parts: Record<string, unknown> = { kind };
  const bad = (x: unknown) => x === null;
  switch (kind) {
    case 'event': {
      parts.event = r.string(v('event'), `${what} event`);
      parts.withinDays = optionalWhole('within_days', 0);
      parts.verifiedOnly = keys.has('verified_only')
        ? r.boolean(v('verified_only'), `${what} verified_only`)
        : false;
      parts.minValue = keys.has('min_value')
        ? score(r, v('min_value'), `${what} min_value`)
        : undefined;
      break;
    }
    case 'employment_start':
      parts.withinDays = optionalWhole('within_days', 0);
      parts.minEarnings = money('min_earnings') ?? ZERO_DECIMAL;
      break;
    case 'employment_sustained': {
      parts.skipMonths = optionalWhole('skip_months', 0) ?? 0;
      parts.months = r.wholeNumber(v('months'), `${what} months`, 1);
      parts.ofMonths = r.wholeNumber(v('of_months'), `${what} of_months`, 1);
      parts.minEarnings = money('min_earnings') ?? ZERO_DECIMAL;
      const { months, ofMonths } = parts as { months: number | null; ofMonths: number | null };
      if (months !== null && ofMonths !== null && months > ofMonths) {
        r.report(
          v('months'),
          'contract.months',
          `${what} months (${months}) must not exceed of_months (${ofMonths})`,
        );
        return null;
      }
      break;
    }
    case 'earnings_threshold': {
      parts.withinMonths = r.wholeNumber(v('within_months'), `${what} within_months`, 1);
      const total = nonNegative(r, v('total_earnings'), `${what} total_earnings`);
      if (total && total.units === 0n) {
        r.report(
          v('total_earnings'),
          'contract.positive',
          `${what} total_earnings must be above 0`,
        );
        return null;
      }
      parts.totalEarnings = total;
      break;
    }
    case 'assessment_gain':
      parts.pre = r.string(v('pre'), `${what} pre`);
      parts.post = r.string(v('post'), `${what} post`);
      parts.maxScore = score(r, v('max_score'), `${what} max_score`);
      parts.minGain = score(r, v('min_gain'), `${what} min_gain`);
      parts.withinDays = optionalWhole('within_days', 0);
      break;
  }
  if (Object.values(parts).some(bad)) return null;
  for (const k of Object.keys(parts)) if (parts[k] === undefined) delete parts[k];
  return parts;
}

const ZERO_DECIMAL: Decimal = { units: 0n, scale: 0, text: '0' };

function nonNegative(r: YamlReader, node: Node | null, what: string): Decimal | null {
  const d = r.decimal(node, what);
  if (d && d.units < 0n) {
    r.report(node, 'contract.negative', `${what} must not be negative (got ${d.text})`);
    return null;
  }
  return d;
}

function score(r: YamlReader, node: Node | null, what: string): Decimal | null {
  const d = r.decimal(node, what);
  if (d && !fitsScore(d)) {
    r.report(
      node,
      'contract.decimals',
      `${what} must have at most ${SCORE_INTEGER_DIGITS} digits before the point and ${SCORE_DECIMALS} after`,
    );
    return null;
  }
  return d;
}

function readPricing(r: YamlReader, keys: NodeMap, what: string, ctx: RuleContext): Pricing | null {
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
  if (resolved && 'items' in resolved) {
    const map = r.map(node, `${what} price`);
    if (!map) return null;
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
  const amount = r.amount(node, `${what} price`);
  return amount === null ? null : { kind: 'flat', amount };
}

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

function readBonus(r: YamlReader, node: Node | null, what: string): Bonus[] | null {
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
