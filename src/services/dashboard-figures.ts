/**
 * The dashboard's figures from a run's facts (dashboard-facts.ts) under the reader's filters:
 * the pipeline as a funnel, outcomes achieved and payable by month, the ledger's payments,
 * headroom under every cap with a forecast, and the comparison by provider and by segment.
 * Aggregates only: nothing here names a participant, so every member (investors included)
 * may read it. No I/O: one pass over the participants and one over the achievements.
 *
 * Definitions (docs/web.md, "The dashboard"):
 * - Funnel stages by the kind of outcome: trained (event or assessment-gain outcomes), job
 *   start (employment start), retained (employment sustained). A participant is counted at
 *   a stage once, when any of its outcomes was achieved in the period.
 * - Payable: what the run pays after the caps; paid: what paid bills paid (the ledger).
 * - Cost per sustained job: payable ÷ participants retained, under the same filters.
 * - Caps are the programme's, whatever the filters: used, headroom, the monthly rate over the
 *   last six complete months before the as-of day, and the month the cap is reached at that
 *   rate (null when nothing is accruing).
 */
import type { Contract, RuleKind } from '../domain/contract/contract.js';
import { versionOn } from '../domain/contract/versions.js';
import {
  formatMonth,
  type LocalDate,
  lastCompleteMonth,
  parseMonth,
} from '../domain/local-date.js';
import { CAPPED_VOLUME, OUT_OF_PERIOD } from '../domain/payment-status.js';
import type { DashboardFacts } from './dashboard-facts.js';

export const STAGES = ['enrolled', 'trained', 'job_start', 'retained'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_OF_KIND: Readonly<Partial<Record<RuleKind, Stage>>> = {
  event: 'trained',
  assessment_gain: 'trained',
  employment_start: 'job_start',
  employment_sustained: 'retained',
};

/** Months over which the rate of a cap's use is measured. */
export const RATE_MONTHS = 6;

export interface DashboardFilters {
  readonly provider?: string;
  readonly segment?: string;
  /** Enrolment months, `YYYY-MM`, inclusive. */
  readonly cohortFrom?: string;
  readonly cohortTo?: string;
  /** Achievement months, `YYYY-MM`, inclusive. */
  readonly from?: string;
  readonly to?: string;
}

export interface Comparison {
  readonly id: string;
  readonly enrolled: number;
  readonly trained: number;
  readonly jobStart: number;
  readonly retained: number;
  readonly payableCents: number;
  readonly costPerSustainedJobCents: number | null;
}

export interface CapUse {
  readonly limit: number;
  readonly used: number;
  readonly monthlyRate: number;
  /** `YYYY-MM` the cap is reached at the current rate; null if never at that rate. */
  readonly forecastMonth: string | null;
  readonly reached: boolean;
}

export interface DashboardFigures {
  readonly currency: string;
  readonly asOf: string | null;
  readonly totals: {
    readonly enrolled: number;
    readonly achieved: number;
    readonly payableCents: number;
    readonly paidCents: number;
    readonly costPerSustainedJobCents: number | null;
  };
  readonly funnel: readonly { readonly stage: Stage; readonly participants: number }[];
  readonly outcomes: readonly {
    readonly id: string;
    readonly kind: RuleKind;
    readonly achieved: number;
    readonly payableCents: number;
  }[];
  readonly overTime: readonly {
    readonly month: string;
    /** Achievements per outcome, in the order of `outcomes`. */
    readonly achieved: readonly number[];
    readonly payableCents: number;
  }[];
  readonly paidOverTime: readonly { readonly periodEnd: string; readonly cents: number }[];
  readonly caps: {
    readonly total: CapUse | null;
    readonly perParticipant: { readonly limit: number; readonly atLimit: number } | null;
    readonly volume: readonly (CapUse & { readonly outcome: string })[];
  };
  readonly byProvider: readonly Comparison[];
  readonly bySegment: readonly Comparison[];
}

const STAGE_BIT: Readonly<Record<Stage, number>> = {
  enrolled: 0,
  trained: 1,
  job_start: 2,
  retained: 4,
};

/** Figures answered per run's facts (their arrays never change), by filters and paid bills. */
const answered = new WeakMap<DashboardFacts['achievements'], Map<string, DashboardFigures>>();
/** Views kept per run: the default and recent filters; the oldest goes first. */
const KEPT_VIEWS = 32;

/**
 * The figures under `filters`, computed once per run and view: a pass over millions of
 * achievements costs most of a second at national scale, and most readers open the same
 * default view.
 */
export function dashboardFigures(
  facts: DashboardFacts,
  filters: DashboardFilters = {},
): DashboardFigures {
  const views = answered.get(facts.achievements) ?? new Map<string, DashboardFigures>();
  answered.set(facts.achievements, views);
  const key = JSON.stringify([filters, facts.paidBills]);
  const kept = views.get(key);
  if (kept) return kept;
  const figures = computeFigures(facts, filters);
  views.set(key, figures);
  if (views.size > KEPT_VIEWS) views.delete(views.keys().next().value as string);
  return figures;
}

function computeFigures(facts: DashboardFacts, filters: DashboardFilters): DashboardFigures {
  const { participants, achievements, months } = facts;
  const included = includedParticipants(facts, filters);
  const period = monthRange(months, filters.from, filters.to);
  const kinds = outcomeKinds(facts.contract, facts.outcomes);
  const stageBits = Uint8Array.from(kinds, (k) => STAGE_BIT[STAGE_OF_KIND[k] ?? 'enrolled']);

  // Flat typed arrays: one pass over millions of achievements stays in machine numbers.
  const outcomeCount = facts.outcomes.length;
  const reached = new Uint8Array(participants.count);
  const outcomeAchieved = new Float64Array(outcomeCount);
  const outcomePayable = new Float64Array(outcomeCount);
  const monthAchieved = new Float64Array(months.length * outcomeCount);
  const monthPayable = new Float64Array(months.length);
  const payableOf = new Float64Array(participants.count);
  for (let i = 0; i < achievements.count; i++) {
    const p = achievements.participant[i] as number;
    const m = achievements.month[i] as number;
    if (included[p] === 0 || m < period.first || m > period.last) continue;
    const o = achievements.outcome[i] as number;
    const amount = achievements.amount[i] as number;
    reached[p] = (reached[p] as number) | (stageBits[o] as number);
    outcomeAchieved[o] = (outcomeAchieved[o] as number) + 1;
    outcomePayable[o] = (outcomePayable[o] as number) + amount;
    const cell = m * outcomeCount + o;
    monthAchieved[cell] = (monthAchieved[cell] as number) + 1;
    monthPayable[m] = (monthPayable[m] as number) + amount;
    payableOf[p] = (payableOf[p] as number) + amount;
  }
  const achievedIn = (m: number) => [
    ...monthAchieved.subarray(m * outcomeCount, (m + 1) * outcomeCount),
  ];

  const byProvider = compare(facts.providers, participants.provider, included, reached, payableOf);
  const bySegment = compare(facts.segments, participants.segment, included, reached, payableOf);
  const all = sum(byProvider);
  const stagesPresent = new Set(kinds.map((k) => STAGE_OF_KIND[k]).filter(Boolean));
  const shown = months.map((_, m) => m).filter((m) => m >= period.first && m <= period.last);
  const withData = shown.filter((m) => achievedIn(m).some((n) => n > 0));
  const firstShown = Math.min(...withData);
  const lastShown = Math.max(...withData);
  return {
    currency: facts.contract.currency,
    asOf: facts.run?.asOf ?? null,
    totals: {
      enrolled: all.enrolled,
      achieved: outcomeAchieved.reduce((a, b) => a + b, 0),
      payableCents: all.payableCents,
      paidCents: facts.paidBills.reduce((a, b) => a + b.cents, 0),
      costPerSustainedJobCents: all.costPerSustainedJobCents,
    },
    funnel: STAGES.filter((s) => s === 'enrolled' || stagesPresent.has(s)).map((stage) => ({
      stage,
      participants: stageCount(all, stage),
    })),
    outcomes: facts.outcomes.map((id, o) => ({
      id,
      kind: kinds[o] as RuleKind,
      achieved: outcomeAchieved[o] as number,
      payableCents: outcomePayable[o] as number,
    })),
    overTime: Number.isFinite(firstShown)
      ? months.slice(firstShown, lastShown + 1).map((month, k) => ({
          month,
          achieved: achievedIn(firstShown + k),
          payableCents: monthPayable[firstShown + k] as number,
        }))
      : [],
    paidOverTime: facts.paidBills,
    caps: capUse(facts),
    byProvider: byProvider.filter((c) => c.enrolled > 0 || c.payableCents !== 0),
    bySegment: bySegment.filter((c) => c.enrolled > 0),
  };
}

/** Participants that pass the provider, segment and cohort filters. */
function includedParticipants(facts: DashboardFacts, filters: DashboardFilters): Uint8Array {
  const { participants, months } = facts;
  const provider = filters.provider === undefined ? -1 : facts.providers.indexOf(filters.provider);
  const segment = filters.segment === undefined ? -1 : facts.segments.indexOf(filters.segment);
  const cohorts = monthRange(months, filters.cohortFrom, filters.cohortTo);
  const out = new Uint8Array(participants.count);
  // A filter naming nothing the programme has matches nobody (not everybody).
  if (
    (filters.provider !== undefined && provider < 0) ||
    (filters.segment !== undefined && segment < 0)
  )
    return out;
  for (let p = 0; p < participants.count; p++) {
    const c = participants.cohort[p] as number;
    out[p] =
      (provider < 0 || participants.provider[p] === provider) &&
      (segment < 0 || participants.segment[p] === segment) &&
      c >= cohorts.first &&
      c <= cohorts.last
        ? 1
        : 0;
  }
  return out;
}

/** The indexes into `months` from `from` to `to` inclusive (months are sorted text). */
function monthRange(months: readonly string[], from?: string, to?: string) {
  let first = 0;
  let last = months.length - 1;
  if (from !== undefined) first = months.findIndex((m) => m >= from);
  if (to !== undefined) while (last >= 0 && (months[last] as string) > to) last--;
  if (first < 0) first = months.length;
  return { first, last };
}

function outcomeKinds(contract: Contract, outcomes: readonly string[]): RuleKind[] {
  const rules = contract.versions[0]?.outcomes ?? [];
  return outcomes.map((id) => rules.find((r) => r.id === id)?.kind ?? 'event');
}

function compare(
  ids: readonly string[],
  groupOf: Int32Array,
  included: Uint8Array,
  reached: Uint8Array,
  payableOf: Float64Array,
): Comparison[] {
  const rows = ids.map((id) => ({
    id,
    enrolled: 0,
    trained: 0,
    jobStart: 0,
    retained: 0,
    payable: 0,
  }));
  for (let p = 0; p < included.length; p++) {
    if (!included[p]) continue;
    const row = rows[groupOf[p] as number];
    if (!row) continue;
    const bits = reached[p] as number;
    row.enrolled++;
    if (bits & STAGE_BIT.trained) row.trained++;
    if (bits & STAGE_BIT.job_start) row.jobStart++;
    if (bits & STAGE_BIT.retained) row.retained++;
    row.payable += payableOf[p] as number;
  }
  return rows.map((r) =>
    comparison(r.id, r.enrolled, r.trained, r.jobStart, r.retained, r.payable),
  );
}

function comparison(
  id: string,
  enrolled: number,
  trained: number,
  jobStart: number,
  retained: number,
  payableCents: number,
): Comparison {
  return {
    id,
    enrolled,
    trained,
    jobStart,
    retained,
    payableCents,
    costPerSustainedJobCents: retained > 0 ? Math.round(payableCents / retained) : null,
  };
}

function sum(rows: readonly Comparison[]): Comparison {
  const total = (key: 'enrolled' | 'trained' | 'jobStart' | 'retained' | 'payableCents') =>
    rows.reduce((a, r) => a + r[key], 0);
  return comparison(
    '',
    total('enrolled'),
    total('trained'),
    total('jobStart'),
    total('retained'),
    total('payableCents'),
  );
}

function stageCount(c: Comparison, stage: Stage): number {
  switch (stage) {
    case 'enrolled':
      return c.enrolled;
    case 'trained':
      return c.trained;
    case 'job_start':
      return c.jobStart;
    case 'retained':
      return c.retained;
  }
}

/** Caps do not depend on the filters: computed once per run's facts. */
const capsOfFacts = new WeakMap<DashboardFacts, DashboardFigures['caps']>();

/** Every cap of the version in force on the as-of day: its use, rate and forecast. */
function capUse(facts: DashboardFacts): DashboardFigures['caps'] {
  const known = capsOfFacts.get(facts);
  if (known) return known;
  const caps = computeCaps(facts);
  capsOfFacts.set(facts, caps);
  return caps;
}

function computeCaps(facts: DashboardFacts): DashboardFigures['caps'] {
  const asOf = facts.run?.asOf;
  if (!asOf) return { total: null, perParticipant: null, volume: [] };
  const caps = versionOn(facts.contract, asOf as LocalDate).caps;
  const { achievements, months } = facts;
  const lastMonth = lastCompleteMonth(asOf as LocalDate);
  // Whether each month is in the rate's window, decided once per month, not per achievement.
  const recent = Uint8Array.from(months, (m) => {
    const index = parseMonth(m) ?? Number.NaN;
    return index > lastMonth - RATE_MONTHS && index <= lastMonth ? 1 : 0;
  });
  let totalUsed = 0;
  let totalRecent = 0;
  const volumeUsed = new Array<number>(facts.outcomes.length).fill(0);
  const volumeRecent = new Array<number>(facts.outcomes.length).fill(0);
  const perParticipant = new Float64Array(facts.participants.count);
  for (let i = 0; i < achievements.count; i++) {
    const amount = achievements.amount[i] as number;
    const inWindow = recent[achievements.month[i] as number] === 1;
    totalUsed += amount;
    if (inWindow) totalRecent += amount;
    const p = achievements.participant[i] as number;
    perParticipant[p] = (perParticipant[p] as number) + amount;
    const status = achievements.status[i] as number;
    if (status === CAPPED_VOLUME || status === OUT_OF_PERIOD) continue;
    const o = achievements.outcome[i] as number;
    volumeUsed[o] = (volumeUsed[o] as number) + 1;
    if (inWindow) volumeRecent[o] = (volumeRecent[o] as number) + 1;
  }
  const limitPerParticipant = caps.perParticipant;
  let atLimit = 0;
  if (limitPerParticipant !== undefined)
    for (const paid of perParticipant) if (paid >= limitPerParticipant) atLimit++;
  return {
    total:
      caps.total === undefined
        ? null
        : use(caps.total, totalUsed, totalRecent / RATE_MONTHS, lastMonth),
    perParticipant:
      limitPerParticipant === undefined ? null : { limit: limitPerParticipant, atLimit },
    volume: Object.entries(caps.volume).map(([outcome, limit]) => {
      const o = facts.outcomes.indexOf(outcome);
      const used = volumeUsed[o] ?? 0;
      return { outcome, ...use(limit, used, (volumeRecent[o] ?? 0) / RATE_MONTHS, lastMonth) };
    }),
  };
}

function use(limit: number, used: number, monthlyRate: number, lastMonth: number): CapUse {
  const reached = used >= limit;
  const months = reached || monthlyRate <= 0 ? null : Math.ceil((limit - used) / monthlyRate);
  return {
    limit,
    used,
    monthlyRate,
    reached,
    forecastMonth: months === null ? null : formatMonth(lastMonth + months),
  };
}
