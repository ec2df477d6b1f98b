/**
 * The rules evaluated in memory for one participant, straight from the spec's definitions:
 * walk the candidate days in order and judge each by the rule in force on that day. This is
 * deliberately a different algorithm from the SQL compiler, so the tests can hold one
 * against the other; `explain` uses it to say why an outcome was or was not achieved.
 */
import type {
  AssessmentGainRule,
  Contract,
  EarningsThresholdRule,
  EmploymentStartRule,
  EmploymentSustainedRule,
  EventRule,
  Rule,
} from '../contract/contract.js';
import { versionOn } from '../contract/versions.js';
import { ceilHundredths, compareDecimals, type Decimal, shortText } from '../decimal.js';
import {
  formatMonth,
  fromDayNumber,
  type LocalDate,
  lastCompleteMonth,
  MAX_YEAR,
  monthEnd,
  monthIndex,
  toDayNumber,
} from '../local-date.js';
import { formatCents } from '../money.js';
import type { EventFact, ParticipantFacts } from './participant-facts.js';
import { type Reason, reason } from './reason.js';

export interface RuleOutcome {
  /** The achievement day, or null when not achieved by the as-of day. */
  readonly day: LocalDate | null;
  /** What counted (when achieved) or what was missing (when not). */
  readonly because: Reason[];
}

export function checkRule(
  contract: Contract,
  position: number,
  anchor: LocalDate,
  facts: ParticipantFacts,
  asOf: LocalDate,
): RuleOutcome {
  const ruleOn = (day: LocalDate) => versionOn(contract, day).outcomes[position] as Rule;
  const kind = ruleOn(asOf).kind;
  if (kind === 'event' || kind === 'assessment_gain') {
    const candidates = [...new Set(facts.events.map((e) => e.occurredOn))]
      .filter((d) => d >= anchor && d <= asOf)
      .sort();
    for (const day of candidates) {
      const because = satisfiedOnDay(ruleOn(day), anchor, facts, day);
      if (because) return { day, because };
    }
    return { day: null, because: whyNotByDay(ruleOn(asOf), anchor, facts) };
  }
  const last = lastCompleteMonth(asOf);
  for (let m = monthIndex(anchor); m <= last; m++) {
    const because = satisfiedInMonth(ruleOn(monthEnd(m)), anchor, facts, m);
    if (because) return { day: monthEnd(m), because };
  }
  return { day: null, because: whyNotByMonth(ruleOn(asOf), anchor, facts, last) };
}

/**
 * The last day of the window `anchor + within_days`, or null when it has no end: no limit,
 * or a limit past the last day any input can carry (MAX_YEAR), which a Date cannot always
 * hold (within_days may be up to 10⁹).
 */
function windowEnd(anchor: LocalDate, withinDays: number | undefined): LocalDate | null {
  if (withinDays === undefined) return null;
  const end = toDayNumber(anchor) + withinDays;
  return end > LAST_DAY ? null : fromDayNumber(end);
}

const LAST_DAY = toDayNumber(`${MAX_YEAR}-12-31` as LocalDate);

function inDayWindow(day: LocalDate, anchor: LocalDate, withinDays: number | undefined): boolean {
  const end = windowEnd(anchor, withinDays);
  return day >= anchor && (end === null || day <= end);
}

/** A day window in a reason: `from A to B`, or `from A` when it has no end. */
function windowOf(anchor: LocalDate, withinDays: number | undefined): Reason {
  const end = windowEnd(anchor, withinDays);
  return end === null
    ? reason('explain.window.from', { from: anchor })
    : reason('explain.window.from_to', { from: anchor, to: end });
}

function satisfiedOnDay(
  rule: Rule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  day: LocalDate,
): Reason[] | null {
  if (rule.kind === 'event') {
    const e = facts.events.find((x) => x.occurredOn === day && eventQualifies(rule, x, anchor));
    return e ? [eventCounted(rule.event, e)] : null;
  }
  if (rule.kind !== 'assessment_gain' || !inDayWindow(day, anchor, rule.withinDays)) return null;
  const pre = latestPre(rule, facts, day);
  for (const post of facts.events.filter(
    (e) => e.type === rule.post && e.occurredOn === day && e.value,
  )) {
    if (pre && gainReached(rule, pre.value, post.value as Decimal)) {
      return [
        reason('explain.gain_reached', {
          pre: rule.pre,
          pre_value: shortText(pre.value),
          pre_day: pre.day,
          post: rule.post,
          post_value: shortText(post.value as Decimal),
          day,
          min_gain: rule.minGain.text,
          max_score: rule.maxScore.text,
        }),
      ];
    }
  }
  return null;
}

function eventCounted(event: string, e: EventFact): Reason {
  const params = { event, day: e.occurredOn };
  if (e.value === null)
    return reason(e.verified ? 'explain.event_counted_verified' : 'explain.event_counted', params);
  const withValue = { ...params, value: shortText(e.value) };
  return reason(
    e.verified ? 'explain.event_counted_value_verified' : 'explain.event_counted_value',
    withValue,
  );
}

function eventQualifies(rule: EventRule, e: EventFact, anchor: LocalDate): boolean {
  if (e.type !== rule.event || !inDayWindow(e.occurredOn, anchor, rule.withinDays)) return false;
  if (rule.minValue && (!e.value || compareDecimals(e.value, rule.minValue) < 0)) return false;
  return !rule.verifiedOnly || e.verified;
}

function latestPre(
  rule: AssessmentGainRule,
  facts: ParticipantFacts,
  day: LocalDate,
): { day: LocalDate; value: Decimal } | null {
  const pres = facts.events.filter((e) => e.type === rule.pre && e.value && e.occurredOn <= day);
  if (pres.length === 0) return null;
  const latest = pres.reduce((a, b) => (b.occurredOn > a.occurredOn ? b : a)).occurredOn;
  const best = pres
    .filter((e) => e.occurredOn === latest)
    .map((e) => e.value as Decimal)
    .reduce((a, b) => (compareDecimals(b, a) > 0 ? b : a));
  return { day: latest, value: best };
}

/** `(post − pre) ≥ min_gain × (max_score − pre)`, exactly, in scaled integers. */
function gainReached(rule: AssessmentGainRule, pre: Decimal, post: Decimal): boolean {
  if (compareDecimals(pre, rule.maxScore) >= 0) return false;
  const scale = Math.max(pre.scale, post.scale, rule.maxScore.scale);
  const at = (d: Decimal) => d.units * 10n ** BigInt(scale - d.scale);
  const gain = at(post) - at(pre);
  const room = at(rule.maxScore) - at(pre);
  return gain * 10n ** BigInt(rule.minGain.scale) >= rule.minGain.units * room;
}

function employed(facts: ParticipantFacts, m: number, minEarnings: Decimal): boolean {
  const cents = facts.hasPersonKey ? facts.months.get(m) : undefined;
  return cents !== undefined && cents >= ceilHundredths(minEarnings);
}

function satisfiedInMonth(
  rule: Rule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  m: number,
): Reason[] | null {
  const ma = monthIndex(anchor);
  switch (rule.kind) {
    case 'employment_start': {
      const end = windowEnd(anchor, rule.withinDays);
      const inWindow = m > ma && (end === null || m <= monthIndex(end));
      return inWindow && employed(facts, m, rule.minEarnings)
        ? [reason('explain.employed_in', { months: formatMonth(m) })]
        : null;
    }
    case 'employment_sustained': {
      const first = ma + rule.skipMonths;
      if (m < first || m > first + rule.ofMonths - 1) return null;
      const months = range(first, m).filter((x) => employed(facts, x, rule.minEarnings));
      return months.length >= rule.months
        ? [reason('explain.employed_in', { months: months.map(formatMonth).join(', ') })]
        : null;
    }
    case 'earnings_threshold': {
      if (m < ma + 1 || m > ma + rule.withinMonths) return null;
      const total = sumEarnings(facts, ma + 1, m);
      return total >= ceilHundredths(rule.totalEarnings)
        ? [
            reason('explain.earnings_reached', {
              amount: formatCents(total),
              from: formatMonth(ma + 1),
              to: formatMonth(m),
            }),
          ]
        : null;
    }
    default:
      return null;
  }
}

function sumEarnings(facts: ParticipantFacts, from: number, to: number): bigint {
  if (!facts.hasPersonKey) return 0n;
  return range(from, to).reduce((sum, m) => sum + (facts.months.get(m) ?? 0n), 0n);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function whyNotByDay(rule: Rule, anchor: LocalDate, facts: ParticipantFacts): Reason[] {
  if (rule.kind === 'event') {
    const ofType = facts.events.filter((e) => e.type === rule.event);
    if (ofType.length === 0) return [reason('explain.no_event', { event: rule.event })];
    return ofType.map((e) =>
      reason('explain.event_not_counted', {
        event: rule.event,
        day: e.occurredOn,
        fault: eventFault(rule, e, anchor),
      }),
    );
  }
  const r = rule as AssessmentGainRule;
  const posts = facts.events.filter((e) => e.type === r.post && e.value);
  if (posts.length === 0) return [reason('explain.no_post_value', { post: r.post })];
  return posts.map((e) => gainFault(r, anchor, facts, e));
}

function gainFault(
  r: AssessmentGainRule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  e: EventFact,
): Reason {
  const day = e.occurredOn;
  if (!inDayWindow(day, anchor, r.withinDays))
    return reason('explain.post_outside_window', {
      post: r.post,
      day,
      window: windowOf(anchor, r.withinDays),
    });
  const pre = latestPre(r, facts, day);
  if (!pre) return reason('explain.no_pre', { pre: r.pre, day });
  if (compareDecimals(pre.value, r.maxScore) >= 0)
    return reason('explain.pre_at_max', {
      pre: r.pre,
      value: shortText(pre.value),
      day: pre.day,
      max_score: r.maxScore.text,
    });
  return reason('explain.gain_below', {
    pre: r.pre,
    pre_value: shortText(pre.value),
    post: r.post,
    post_value: shortText(e.value as Decimal),
    day,
    min_gain: r.minGain.text,
    max_score: r.maxScore.text,
  });
}

function eventFault(rule: EventRule, e: EventFact, anchor: LocalDate): Reason {
  if (!inDayWindow(e.occurredOn, anchor, rule.withinDays)) {
    return reason('explain.fault.outside_window', {
      window: windowOf(anchor, rule.withinDays),
    });
  }
  if (rule.minValue && (!e.value || compareDecimals(e.value, rule.minValue) < 0))
    return reason('explain.fault.value_below', { min: rule.minValue.text });
  return reason('explain.fault.not_verified');
}

function whyNotByMonth(
  rule: Rule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  last: number,
): Reason[] {
  if (!facts.hasPersonKey) return [reason('explain.no_person_key')];
  const ma = monthIndex(anchor);
  switch (
    rule.kind as (EmploymentStartRule | EmploymentSustainedRule | EarningsThresholdRule)['kind']
  ) {
    case 'employment_start': {
      const r = rule as EmploymentStartRule;
      const windowLast = windowEnd(anchor, r.withinDays);
      const end = windowLast === null ? last : Math.min(last, monthIndex(windowLast));
      return [
        reason('explain.no_month_employed', {
          from: formatMonth(ma + 1),
          to: formatMonth(end),
          min_earnings: r.minEarnings.text,
        }),
      ];
    }
    case 'employment_sustained': {
      const r = rule as EmploymentSustainedRule;
      const first = ma + r.skipMonths;
      const end = Math.min(last, first + r.ofMonths - 1);
      const months = range(first, end).filter((x) => employed(facts, x, r.minEarnings));
      const params = {
        count: months.length,
        needed: r.months,
        from: formatMonth(first),
        to: formatMonth(first + r.ofMonths - 1),
      };
      return [
        end < first + r.ofMonths - 1
          ? reason('explain.employed_months_known_to', { ...params, last: formatMonth(last) })
          : reason('explain.employed_months', params),
      ];
    }
    default: {
      const r = rule as EarningsThresholdRule;
      const end = Math.min(last, ma + r.withinMonths);
      return [
        reason('explain.earnings_short', {
          amount: formatCents(sumEarnings(facts, ma + 1, end)),
          needed: r.totalEarnings.text,
          from: formatMonth(ma + 1),
          to: formatMonth(ma + r.withinMonths),
        }),
      ];
    }
  }
}
