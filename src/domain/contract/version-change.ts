/**
 * What a new version of a programme's contract changes, compared as parsed (so layout,
 * comments and number spelling — `300` or `300.00` — change nothing), and whether the change
 * is one a contract may make at all (docs/decisions.md, "Contracts, corrections and bills").
 *
 * Never allowed: another contract id, currency or start date, other eligibility, segments or
 * enrolment start, and any change to the base terms or to an amendment already made (its id,
 * date, reason or what it changes). Prices and rules change only by appending amendments.
 * Allowed: appending amendments, moving `ends_on` or the enrolment's `to`, another title.
 * Each allowed change has a first day from which it can pay differently (`affectsFrom`); the
 * caller compares it with the periods already paid.
 */
import { compareDecimals, type Decimal } from '../decimal.js';
import { addDays, type LocalDate } from '../local-date.js';
import type { MessageCode } from '../messages/catalogue.js';
import { type Phrase, type Problem, phrase, problem } from '../problem.js';
import type { Amendment, Contract, Version } from './contract.js';

/** What makes a version pay differently from a day on. */
export type ChangeCause =
  | { readonly kind: 'amendment'; readonly id: string }
  | { readonly kind: 'ends_on' }
  | { readonly kind: 'enrolment_end' };

export interface VersionChange {
  /** Changes never allowed; empty when the new version may follow the old one. */
  readonly problems: readonly Problem[];
  /** The amendments the new version appends, oldest first. */
  readonly appended: readonly Amendment[];
  /** The first day paid differently; null when no term changes. */
  readonly affectsFrom: LocalDate | null;
  /** Why that day: "amendment X", "ends_on", "the end of enrolment" (English, for logs). */
  readonly affectedBy: string | null;
  /** The same, as data: for messages in every language. */
  readonly cause: ChangeCause | null;
}

/**
 * `versionChange(v1, v2)` where v2 only appends an amendment effective 2019-07-01 →
 * `{ problems: [], appended: [that amendment], affectsFrom: '2019-07-01', affectedBy: 'amendment …' }`.
 */
export function versionChange(before: Contract, after: Contract): VersionChange {
  const problems = [...fixedTerms(before, after), ...earlierTerms(before, after)];
  if (problems.length > 0)
    return { problems, appended: [], affectsFrom: null, affectedBy: null, cause: null };
  const appended = after.amendments.slice(before.amendments.length);
  const starts: [LocalDate, ChangeCause][] = appended.map((a) => [
    a.effectiveFrom,
    { kind: 'amendment', id: a.id },
  ]);
  // A moved end changes what is paid from the day after the earlier of the two ends.
  if (after.endsOn !== before.endsOn)
    starts.push([addDays(earlier(before.endsOn, after.endsOn), 1), { kind: 'ends_on' }]);
  if (after.enrolment.to !== before.enrolment.to)
    starts.push([
      addDays(earlier(before.enrolment.to, after.enrolment.to), 1),
      { kind: 'enrolment_end' },
    ]);
  starts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = starts[0];
  return {
    problems: [],
    appended,
    affectsFrom: first?.[0] ?? null,
    affectedBy: first ? causeName(first[1]) : null,
    cause: first?.[1] ?? null,
  };
}

function causeName(cause: ChangeCause): string {
  if (cause.kind === 'amendment') return `amendment ${cause.id}`;
  return cause.kind === 'ends_on' ? 'ends_on' : 'the end of enrolment';
}

const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

/** Terms fixed for the life of the programme. */
function fixedTerms(before: Contract, after: Contract): Problem[] {
  const problems: Problem[] = [];
  const fixed: [MessageCode, string, string][] = [
    ['contract.id_changed', before.id, after.id],
    ['contract.currency_changed', before.currency, after.currency],
    ['contract.starts_on_changed', before.startsOn, after.startsOn],
    ['contract.enrolment_from_changed', before.enrolment.from, after.enrolment.from],
  ];
  for (const [code, was, is] of fixed) {
    if (was !== is) problems.push(problem(code, { was, is }));
  }
  if (!sameTerms(before.eligibility, after.eligibility))
    problems.push(problem('contract.eligibility_changed'));
  if (!sameTerms(before.segments, after.segments))
    problems.push(problem('contract.segments_changed'));
  return problems;
}

/**
 * The base and every amendment already made, unchanged and in place. A version is the one
 * before with its amendment applied, so a change shows in every version after it: only the
 * first version that differs is reported, with any amendment whose id, date or reason did.
 */
function earlierTerms(before: Contract, after: Contract): Problem[] {
  const problems: Problem[] = [];
  const base = firstDifference(before.versions[0], after.versions[0]);
  if (base) problems.push(problem('contract.base_changed', { difference: base }));
  let reported = base !== null;
  for (const [i, was] of before.amendments.entries()) {
    const is = after.amendments[i];
    const named = { id: was.id, date: was.effectiveFrom };
    if (!is) {
      problems.push(problem('contract.amendment_removed', named));
      break;
    }
    const terms = reported ? null : firstDifference(before.versions[i + 1], after.versions[i + 1]);
    const changed = sameTerms(was, is) ? terms : phrase('contract.difference.header');
    if (!changed) continue;
    reported = true;
    problems.push(problem('contract.amendment_changed', { ...named, difference: changed }));
  }
  return problems;
}

/** What differs between two versions' terms, named for a message; null when nothing does. */
function firstDifference(a: Version | undefined, b: Version | undefined): Phrase | null {
  if (!a || !b) return a === b ? null : phrase('contract.difference.version');
  const ids = (v: Version) => v.outcomes.map((o) => o.id).join(',');
  if (ids(a) !== ids(b)) return phrase('contract.difference.outcome_list');
  const outcome = a.outcomes.find((o, i) => !sameTerms(o, b.outcomes[i]));
  if (outcome) return phrase('contract.difference.outcome', { id: outcome.id });
  return sameTerms(a.caps, b.caps) ? null : phrase('contract.difference.caps');
}

function isDecimal(v: object): v is Decimal {
  return 'units' in v && typeof (v as { units: unknown }).units === 'bigint' && 'scale' in v;
}

/**
 * Structural equality of parsed terms: the same keys (a key holding `undefined` is absent),
 * equal leaves, decimals equal by value (`0.3` and `0.30` are the same threshold).
 */
export function sameTerms(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isDecimal(a) && isDecimal(b)) return compareDecimals(a, b) === 0;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const entries = (o: object) =>
    Object.entries(o).filter(([, value]) => value !== undefined) as [string, unknown][];
  const [ea, eb] = [entries(a), entries(b)];
  if (ea.length !== eb.length) return false;
  const other = new Map(eb);
  return ea.every(([key, value]) => other.has(key) && sameTerms(value, other.get(key)));
}

/**
 * Whether a change reaches into a period already paid (through `paidThrough`, the end of the
 * latest paid bill): then it may only be made as an approved correction. Null when it does not.
 */
export function reachesPaidPeriod(
  change: VersionChange,
  paidThrough: LocalDate | null,
): Problem | null {
  const from = change.affectsFrom;
  const cause = change.cause;
  if (from === null || cause === null || paidThrough === null || from > paidThrough) return null;
  return problem('contract.retroactive', { cause: causePhrase(cause, from), paid: paidThrough });
}

function causePhrase(cause: ChangeCause, date: LocalDate): Phrase {
  if (cause.kind === 'amendment') return phrase('contract.cause.amendment', { id: cause.id, date });
  return cause.kind === 'ends_on'
    ? phrase('contract.cause.ends_on', { date })
    : phrase('contract.cause.enrolment_end', { date });
}
