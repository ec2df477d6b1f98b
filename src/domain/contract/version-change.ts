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
import type { Problem } from '../problem.js';
import type { Amendment, Contract, Version } from './contract.js';

export interface VersionChange {
  /** Changes never allowed; empty when the new version may follow the old one. */
  readonly problems: readonly Problem[];
  /** The amendments the new version appends, oldest first. */
  readonly appended: readonly Amendment[];
  /** The first day paid differently; null when no term changes. */
  readonly affectsFrom: LocalDate | null;
  /** Why that day: "amendment X", "ends_on", … — for messages. */
  readonly affectedBy: string | null;
}

/**
 * `versionChange(v1, v2)` where v2 only appends an amendment effective 2019-07-01 →
 * `{ problems: [], appended: [that amendment], affectsFrom: '2019-07-01', affectedBy: 'amendment …' }`.
 */
export function versionChange(before: Contract, after: Contract): VersionChange {
  const problems = [...fixedTerms(before, after), ...earlierTerms(before, after)];
  if (problems.length > 0) return { problems, appended: [], affectsFrom: null, affectedBy: null };
  const appended = after.amendments.slice(before.amendments.length);
  const starts: [LocalDate, string][] = appended.map((a) => [a.effectiveFrom, `amendment ${a.id}`]);
  // A moved end changes what is paid from the day after the earlier of the two ends.
  if (after.endsOn !== before.endsOn)
    starts.push([addDays(earlier(before.endsOn, after.endsOn), 1), 'ends_on']);
  if (after.enrolment.to !== before.enrolment.to)
    starts.push([
      addDays(earlier(before.enrolment.to, after.enrolment.to), 1),
      'the end of enrolment',
    ]);
  starts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const first = starts[0];
  return {
    problems: [],
    appended,
    affectsFrom: first?.[0] ?? null,
    affectedBy: first?.[1] ?? null,
  };
}

const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

const refusal = (code: string, message: string): Problem => ({
  code: `contract.${code}`,
  message,
});

/** Terms fixed for the life of the programme. */
function fixedTerms(before: Contract, after: Contract): Problem[] {
  const problems: Problem[] = [];
  const fixed: [string, string, unknown, unknown][] = [
    ['id', 'the contract id', before.id, after.id],
    ['currency', 'the currency', before.currency, after.currency],
    ['starts_on', 'starts_on', before.startsOn, after.startsOn],
    ['enrolment_from', 'the start of enrolment', before.enrolment.from, after.enrolment.from],
  ];
  for (const [code, name, was, is] of fixed) {
    if (was !== is)
      problems.push(
        refusal(
          `${code}_changed`,
          `${code === 'currency' ? 'currency' : name} cannot change: ${String(was)} in the contract in force, ${String(is)} in this version`,
        ),
      );
  }
  if (!sameTerms(before.eligibility, after.eligibility))
    problems.push(
      refusal(
        'eligibility_changed',
        'eligibility cannot change: it decides who was eligible in periods already evaluated',
      ),
    );
  if (!sameTerms(before.segments, after.segments))
    problems.push(
      refusal(
        'segments_changed',
        'segments cannot change: they decide the prices of periods already evaluated; change prices with a dated amendment',
      ),
    );
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
  if (base)
    problems.push(
      refusal(
        'base_changed',
        `the base contract cannot change (${base} differs); change prices and rules with a dated amendment`,
      ),
    );
  let reported = base !== null;
  for (const [i, was] of before.amendments.entries()) {
    const is = after.amendments[i];
    if (!is) {
      problems.push(
        refusal(
          'amendment_removed',
          `amendment ${was.id} (effective from ${was.effectiveFrom}) cannot be removed; amendments are only appended`,
        ),
      );
      break;
    }
    const terms = reported ? null : firstDifference(before.versions[i + 1], after.versions[i + 1]);
    const changed = sameTerms(was, is) ? terms : 'its id, date or reason';
    if (!changed) continue;
    reported = true;
    problems.push(
      refusal(
        'amendment_changed',
        `amendment ${was.id} (effective from ${was.effectiveFrom}) cannot change or move (${changed} differs); append a new amendment instead`,
      ),
    );
  }
  return problems;
}

/** What differs between two versions' terms, named for a message; null when nothing does. */
function firstDifference(a: Version | undefined, b: Version | undefined): string | null {
  if (!a || !b) return a === b ? null : 'the version';
  const ids = (v: Version) => v.outcomes.map((o) => o.id).join(',');
  if (ids(a) !== ids(b)) return 'the list of outcomes';
  const outcome = a.outcomes.find((o, i) => !sameTerms(o, b.outcomes[i]));
  if (outcome) return `outcome ${outcome.id}`;
  return sameTerms(a.caps, b.caps) ? null : 'the caps';
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
  if (from === null || paidThrough === null || from > paidThrough) return null;
  const what =
    change.affectedBy?.startsWith('amendment') === true
      ? `${change.affectedBy} is effective from ${from}`
      : `${change.affectedBy} changes what is paid from ${from}`;
  return refusal(
    'retroactive',
    `${what}, on or before ${paidThrough}, the end of the latest paid bill; a change to a period already paid must be sent as a correction (correction: {reason}) and approved by another person of the funder or by a verifier`,
  );
}
