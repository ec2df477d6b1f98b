/**
 * What changed between two sets of terms of a contract, part by part: the contract's own
 * terms (title, days, enrolment, eligibility, segments, amendments) when the two come from
 * different stored versions, then each outcome (added, removed, or its keys changed), its
 * prices and bonuses, and the caps, each change with the value before and after. Pure: the
 * view (contract-diff-view.tsx) words and formats the values.
 *
 *   diffTerms({ contract: v1, index: 0 }, { contract: v1, index: 1 })
 *   → [{ part: 'outcomes', subject: 'job_start', field: 'within_days', change: 'changed',
 *        before: { kind: 'days', n: 270 }, after: { kind: 'days', n: 365 } }]
 */
import type {
  Bonus,
  Caps,
  Condition,
  Contract,
  Pricing,
  Rule,
  Version,
} from '../../../../src/domain/contract/contract.js';

/** One side of a comparison: a contract and one of its versions of terms (0 is the base). */
export interface Terms {
  readonly contract: Contract;
  readonly index: number;
}

export type Value =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'date'; readonly day: string }
  | { readonly kind: 'days'; readonly n: number | null }
  | { readonly kind: 'months'; readonly n: number }
  | { readonly kind: 'count'; readonly n: number }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'amount'; readonly text: string }
  | { readonly kind: 'money'; readonly cents: number | null }
  | { readonly kind: 'yes_no'; readonly yes: boolean }
  | { readonly kind: 'condition'; readonly condition: Condition | null }
  | { readonly kind: 'pricing'; readonly pricing: Pricing }
  | {
      readonly kind: 'tier';
      readonly from: number;
      readonly upTo: number | null;
      readonly cents: number;
    }
  | { readonly kind: 'bonuses'; readonly bonuses: readonly Bonus[] }
  | { readonly kind: 'rule'; readonly rule: Rule }
  | { readonly kind: 'amendment'; readonly from: string; readonly reason: string };

export type Part = 'contract' | 'eligibility' | 'amendments' | 'outcomes' | 'prices' | 'caps';
export const PARTS: readonly Part[] = [
  'contract',
  'eligibility',
  'amendments',
  'outcomes',
  'prices',
  'caps',
];

export type Field =
  | 'title'
  | 'currency'
  | 'starts_on'
  | 'ends_on'
  | 'enrolment_from'
  | 'enrolment_to'
  | 'eligibility'
  | 'segment'
  | 'amendment'
  | 'outcome'
  | 'after'
  | 'event'
  | 'within_days'
  | 'verified_only'
  | 'min_value'
  | 'min_earnings'
  | 'skip_months'
  | 'months'
  | 'of_months'
  | 'within_months'
  | 'total_earnings'
  | 'pre'
  | 'post'
  | 'max_score'
  | 'min_gain'
  | 'price'
  | 'segment_price'
  | 'tier'
  | 'bonus'
  | 'per_participant'
  | 'total'
  | 'volume';

export interface Change {
  readonly part: Part;
  /** What changed: an outcome, a segment, a cap's outcome; '' for the contract itself. */
  readonly subject: string;
  readonly field: Field;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: Value | null;
  readonly after: Value | null;
}

export function diffTerms(a: Terms, b: Terms): Change[] {
  const changes: Change[] = [];
  if (a.contract !== b.contract) changes.push(...contractChanges(a.contract, b.contract));
  const va = a.contract.versions[a.index] as Version;
  const vb = b.contract.versions[b.index] as Version;
  changes.push(...outcomeChanges(va.outcomes, vb.outcomes));
  changes.push(...capChanges(va.caps, vb.caps));
  return changes;
}

/** Values are equal when they say the same: compared as plain data (decimals by text). */
export function same(x: unknown, y: unknown): boolean {
  return plain(x) === plain(y);
}

function plain(x: unknown): string {
  return JSON.stringify(x, (_key, value: unknown) => {
    if (typeof value === 'bigint') return undefined;
    return value;
  });
}

function pair(
  part: Part,
  subject: string,
  field: Field,
  before: Value | null,
  after: Value | null,
): Change[] {
  if (same(before, after)) return [];
  const change = before === null ? 'added' : after === null ? 'removed' : 'changed';
  return [{ part, subject, field, change, before, after }];
}

function contractChanges(a: Contract, b: Contract): Change[] {
  const text = (t: string): Value => ({ kind: 'text', text: t });
  const day = (d: string): Value => ({ kind: 'date', day: d });
  return [
    ...pair('contract', '', 'title', text(a.title), text(b.title)),
    ...pair(
      'contract',
      '',
      'currency',
      { kind: 'code', text: a.currency },
      { kind: 'code', text: b.currency },
    ),
    ...pair('contract', '', 'starts_on', day(a.startsOn), day(b.startsOn)),
    ...pair('contract', '', 'ends_on', day(a.endsOn), day(b.endsOn)),
    ...pair('contract', '', 'enrolment_from', day(a.enrolment.from), day(b.enrolment.from)),
    ...pair('contract', '', 'enrolment_to', day(a.enrolment.to), day(b.enrolment.to)),
    ...listChanges(a.eligibility, b.eligibility),
    ...byId(a.segments, b.segments, (id, x, y) =>
      pair(
        'eligibility',
        id,
        'segment',
        x && { kind: 'condition', condition: x.when ?? null },
        y && { kind: 'condition', condition: y.when ?? null },
      ),
    ),
    ...byId(a.amendments, b.amendments, (id, x, y) =>
      pair(
        'amendments',
        id,
        'amendment',
        x && { kind: 'amendment', from: x.effectiveFrom, reason: x.reason },
        y && { kind: 'amendment', from: y.effectiveFrom, reason: y.reason },
      ),
    ),
  ];
}

/** Eligibility conditions have no ids: one dropped is removed, one new is added. */
function listChanges(a: readonly Condition[], b: readonly Condition[]): Change[] {
  const inList = (list: readonly Condition[], c: Condition) => list.some((x) => same(x, c));
  return [
    ...a
      .filter((c) => !inList(b, c))
      .flatMap((c) =>
        pair('eligibility', '', 'eligibility', { kind: 'condition', condition: c }, null),
      ),
    ...b
      .filter((c) => !inList(a, c))
      .flatMap((c) =>
        pair('eligibility', '', 'eligibility', null, { kind: 'condition', condition: c }),
      ),
  ];
}

function byId<T extends { readonly id: string }>(
  a: readonly T[],
  b: readonly T[],
  each: (id: string, x: T | null, y: T | null) => Change[],
): Change[] {
  const ids = [...new Set([...a.map((x) => x.id), ...b.map((y) => y.id)])];
  return ids.flatMap((id) =>
    each(id, a.find((x) => x.id === id) ?? null, b.find((y) => y.id === id) ?? null),
  );
}

function outcomeChanges(a: readonly Rule[], b: readonly Rule[]): Change[] {
  return byId(a, b, (id, x, y) => {
    if (x === null || y === null)
      return pair(
        'outcomes',
        id,
        'outcome',
        x && { kind: 'rule', rule: x },
        y && { kind: 'rule', rule: y },
      );
    return [
      ...ruleKeyChanges(id, x, y),
      ...pricingChanges(id, x.pricing, y.pricing),
      ...pair(
        'prices',
        id,
        'bonus',
        { kind: 'bonuses', bonuses: x.bonus },
        { kind: 'bonuses', bonuses: y.bonus },
      ),
    ];
  });
}

/** The keys a rule of any kind may have, as values; absent keys are null. */
function ruleKeys(rule: Rule): Partial<Record<Field, Value | null>> {
  const days = (n: number | undefined): Value => ({ kind: 'days', n: n ?? null });
  const amount = (d: { readonly text: string }): Value => ({ kind: 'amount', text: d.text });
  const number = (d: { readonly text: string } | undefined): Value | null =>
    d ? { kind: 'number', text: d.text } : null;
  const keys: Partial<Record<Field, Value | null>> = { after: { kind: 'code', text: rule.after } };
  switch (rule.kind) {
    case 'event':
      return {
        ...keys,
        event: { kind: 'code', text: rule.event },
        within_days: days(rule.withinDays),
        verified_only: { kind: 'yes_no', yes: rule.verifiedOnly },
        min_value: number(rule.minValue),
      };
    case 'employment_start':
      return {
        ...keys,
        within_days: days(rule.withinDays),
        min_earnings: amount(rule.minEarnings),
      };
    case 'employment_sustained':
      return {
        ...keys,
        skip_months: { kind: 'months', n: rule.skipMonths },
        months: { kind: 'months', n: rule.months },
        of_months: { kind: 'months', n: rule.ofMonths },
        min_earnings: amount(rule.minEarnings),
      };
    case 'earnings_threshold':
      return {
        ...keys,
        within_months: { kind: 'months', n: rule.withinMonths },
        total_earnings: amount(rule.totalEarnings),
      };
    case 'assessment_gain':
      return {
        ...keys,
        pre: { kind: 'code', text: rule.pre },
        post: { kind: 'code', text: rule.post },
        max_score: number(rule.maxScore),
        min_gain: number(rule.minGain),
        within_days: days(rule.withinDays),
      };
  }
}

function ruleKeyChanges(id: string, x: Rule, y: Rule): Change[] {
  const kx = ruleKeys(x);
  const ky = ruleKeys(y);
  const fields = [...new Set([...Object.keys(kx), ...Object.keys(ky)])] as Field[];
  return fields.flatMap((f) => pair('outcomes', id, f, kx[f] ?? null, ky[f] ?? null));
}

function pricingChanges(id: string, x: Pricing, y: Pricing): Change[] {
  if (x.kind === 'price' && y.kind === 'price') {
    const px = x.price;
    const py = y.price;
    if (px.kind === 'flat' && py.kind === 'flat')
      return pair(
        'prices',
        id,
        'price',
        { kind: 'money', cents: px.amount },
        { kind: 'money', cents: py.amount },
      );
    if (px.kind === 'by_segment' && py.kind === 'by_segment') {
      const segments = [...new Set([...Object.keys(px.amounts), ...Object.keys(py.amounts)])];
      return segments.flatMap((s) =>
        pair(
          'prices',
          `${id} · ${s}`,
          'segment_price',
          s in px.amounts ? { kind: 'money', cents: px.amounts[s] ?? 0 } : null,
          s in py.amounts ? { kind: 'money', cents: py.amounts[s] ?? 0 } : null,
        ),
      );
    }
  }
  if (x.kind === 'tiers' && y.kind === 'tiers') {
    const tiers = (p: typeof x): Value[] => {
      let from = 1;
      return p.tiers.map((t) => {
        const value: Value = { kind: 'tier', from, upTo: t.upTo ?? null, cents: t.price };
        from = (t.upTo ?? from) + 1;
        return value;
      });
    };
    const tx = tiers(x);
    const ty = tiers(y);
    const n = Math.max(tx.length, ty.length);
    return Array.from({ length: n }, (_, i) =>
      pair('prices', `${id} · ${i + 1}`, 'tier', tx[i] ?? null, ty[i] ?? null),
    ).flat();
  }
  return pair(
    'prices',
    id,
    'price',
    { kind: 'pricing', pricing: x },
    { kind: 'pricing', pricing: y },
  );
}

function capChanges(a: Caps, b: Caps): Change[] {
  const money = (c: number | undefined): Value | null =>
    c === undefined ? null : { kind: 'money', cents: c };
  const outcomes = [...new Set([...Object.keys(a.volume), ...Object.keys(b.volume)])];
  return [
    ...pair('caps', '', 'per_participant', money(a.perParticipant), money(b.perParticipant)),
    ...pair('caps', '', 'total', money(a.total), money(b.total)),
    ...outcomes.flatMap((o) =>
      pair(
        'caps',
        o,
        'volume',
        o in a.volume ? { kind: 'count', n: a.volume[o] ?? 0 } : null,
        o in b.volume ? { kind: 'count', n: b.volume[o] ?? 0 } : null,
      ),
    ),
  ];
}
