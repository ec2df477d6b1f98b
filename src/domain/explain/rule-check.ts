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

export interface RuleOutcome {
  /** The achievement day, or null when not achieved by the as-of day. */
  readonly day: LocalDate | null;
  /** What counted (when achieved) or what was missing (when not). */
  readonly because: string[];
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

/** How a day window reads in a sentence: `from A to B`, or `from A` when it has no end. */
function windowText(anchor: LocalDate, withinDays: number | undefined): string {
  const end = windowEnd(anchor, withinDays);
  return `from ${anchor}${end === null ? '' : ` to ${end}`}`;
}

function satisfiedOnDay(
  rule: Rule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  day: LocalDate,
): string[] | null {
  if (rule.kind === 'event') {
    const e = facts.events.find((x) => x.occurredOn === day && eventQualifies(rule, x, anchor));
    return e
      ? [
          `${rule.event} on ${day}${e.value ? ` (value ${shortText(e.value)})` : ''}${e.verified ? ', verified' : ''}`,
        ]
      : null;
  }
  if (rule.kind !== 'assessment_gain' || !inDayWindow(day, anchor, rule.withinDays)) return null;
  const pre = latestPre(rule, facts, day);
  for (const post of facts.events.filter(
    (e) => e.type === rule.post && e.occurredOn === day && e.value,
  )) {
    if (pre && gainReached(rule, pre.value, post.value as Decimal)) {
      return [
        `${rule.pre} ${shortText(pre.value)} on ${pre.day}, ${rule.post} ${shortText(post.value as Decimal)} on ${day}: gain reaches ${rule.minGain.text} of the room to ${rule.maxScore.text}`,
      ];
    }
  }
  return null;
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
): string[] | null {
  const ma = monthIndex(anchor);
  switch (rule.kind) {
    case 'employment_start': {
      const end = windowEnd(anchor, rule.withinDays);
      const inWindow = m > ma && (end === null || m <= monthIndex(end));
      return inWindow && employed(facts, m, rule.minEarnings)
        ? [`employed in ${formatMonth(m)}`]
        : null;
    }
    case 'employment_sustained': {
      const first = ma + rule.skipMonths;
      if (m < first || m > first + rule.ofMonths - 1) return null;
      const months = range(first, m).filter((x) => employed(facts, x, rule.minEarnings));
      return months.length >= rule.months
        ? [`employed in ${months.map(formatMonth).join(', ')}`]
        : null;
    }
    case 'earnings_threshold': {
      if (m < ma + 1 || m > ma + rule.withinMonths) return null;
      const total = sumEarnings(facts, ma + 1, m);
      return total >= ceilHundredths(rule.totalEarnings)
        ? [`earnings ${formatCents(total)} from ${formatMonth(ma + 1)} to ${formatMonth(m)}`]
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

function whyNotByDay(rule: Rule, anchor: LocalDate, facts: ParticipantFacts): string[] {
  if (rule.kind === 'event') {
    const ofType = facts.events.filter((e) => e.type === rule.event);
    if (ofType.length === 0) return [`no ${rule.event} event`];
    return ofType.map(
      (e) => `${rule.event} on ${e.occurredOn} does not count: ${eventFault(rule, e, anchor)}`,
    );
  }
  const r = rule as AssessmentGainRule;
  const posts = facts.events.filter((e) => e.type === r.post && e.value);
  if (posts.length === 0) return [`no ${r.post} event with a value`];
  return posts.map((e) => {
    if (!inDayWindow(e.occurredOn, anchor, r.withinDays))
      return `${r.post} on ${e.occurredOn} is outside the window ${windowText(anchor, r.withinDays)}`;
    const pre = latestPre(r, facts, e.occurredOn);
    if (!pre) return `no ${r.pre} with a value on or before ${e.occurredOn}`;
    if (compareDecimals(pre.value, r.maxScore) >= 0)
      return `${r.pre} ${shortText(pre.value)} on ${pre.day} is already at max_score ${r.maxScore.text}: no room to gain`;
    return `${r.pre} ${shortText(pre.value)} → ${r.post} ${shortText(e.value as Decimal)} on ${e.occurredOn}: gain below ${r.minGain.text} of the room to ${r.maxScore.text}`;
  });
}

function eventFault(rule: EventRule, e: EventFact, anchor: LocalDate): string {
  if (!inDayWindow(e.occurredOn, anchor, rule.withinDays)) {
    return `outside the window ${windowText(anchor, rule.withinDays)}`;
  }
  if (rule.minValue && (!e.value || compareDecimals(e.value, rule.minValue) < 0))
    return `value below ${rule.minValue.text}`;
  return 'not verified (the rule counts verified events only)';
}

function whyNotByMonth(
  rule: Rule,
  anchor: LocalDate,
  facts: ParticipantFacts,
  last: number,
): string[] {
  if (!facts.hasPersonKey) return ['no person_key, so no employment records can be matched'];
  const ma = monthIndex(anchor);
  switch (
    rule.kind as (EmploymentStartRule | EmploymentSustainedRule | EarningsThresholdRule)['kind']
  ) {
    case 'employment_start': {
      const r = rule as EmploymentStartRule;
      const windowLast = windowEnd(anchor, r.withinDays);
      const end = windowLast === null ? last : Math.min(last, monthIndex(windowLast));
      return [
        `no month from ${formatMonth(ma + 1)} to ${formatMonth(end)} with earnings ≥ ${r.minEarnings.text}`,
      ];
    }
    case 'employment_sustained': {
      const r = rule as EmploymentSustainedRule;
      const first = ma + r.skipMonths;
      const end = Math.min(last, first + r.ofMonths - 1);
      const months = range(first, end).filter((x) => employed(facts, x, r.minEarnings));
      return [
        `employed ${months.length} of the ${r.months} months needed in ${formatMonth(first)}–${formatMonth(first + r.ofMonths - 1)}${end < first + r.ofMonths - 1 ? ` (complete months known up to ${formatMonth(last)})` : ''}`,
      ];
    }
    default: {
      const r = rule as EarningsThresholdRule;
      const end = Math.min(last, ma + r.withinMonths);
      return [
        `earnings ${formatCents(sumEarnings(facts, ma + 1, end))} of ${r.totalEarnings.text} needed in ${formatMonth(ma + 1)}–${formatMonth(ma + r.withinMonths)}`,
      ];
    }
  }
}
