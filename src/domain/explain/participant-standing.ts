/**
 * A participant's standing in memory, straight from spec §3: eligible or why not, the
 * segment fixed at enrolment, and the bonus percent an achievement earns. The engine
 * computes the same in SQL; the property tests hold one against the other.
 */
import { type Attributes, conditionHolds } from '../attributes.js';
import {
  AGE_AT_ENROLMENT,
  type Condition,
  type Contract,
  type Rule,
} from '../contract/contract.js';
import { versionOn } from '../contract/versions.js';
import { type LocalDate, parseLocalDate, wholeYearsBetween } from '../local-date.js';

export interface Standing {
  /** Null when eligible; otherwise the first reason, worded as in participants.csv. */
  readonly ineligibleBecause: string | null;
  /** The first segment whose `when` holds; null when the contract has no segments. */
  readonly segment: string | null;
}

/**
 * A participant's attributes as conditions read them: each column's cell (an empty cell is
 * missing) and `age_at_enrolment`, computed from `birth_date` when there is one. Built
 * without a prototype, so a column named like an object method is just a column.
 */
export function attributesOf(cells: Readonly<Record<string, string>>): Attributes {
  const out: Record<string, string | undefined> = Object.create(null);
  for (const [column, cell] of Object.entries(cells)) out[column] = cell === '' ? undefined : cell;
  const born = parseLocalDate(cells.birth_date ?? '');
  const enrolled = parseLocalDate(cells.enrolled_on ?? '');
  out[AGE_AT_ENROLMENT] = born && enrolled ? String(wholeYearsBetween(born, enrolled)) : undefined;
  return out;
}

export function standingOf(
  contract: Contract,
  enrolledOn: LocalDate,
  attributes: Attributes,
): Standing {
  return {
    ineligibleBecause: ineligibility(contract, enrolledOn, attributes),
    segment: contract.segments.find((s) => holds(s.when, attributes))?.id ?? null,
  };
}

function ineligibility(
  contract: Contract,
  enrolledOn: LocalDate,
  attributes: Attributes,
): string | null {
  const { from, to } = contract.enrolment;
  if (enrolledOn < from || enrolledOn > to) return 'enrolled outside the enrolment window';
  const failed = contract.eligibility.find((c) => !holds(c, attributes));
  return failed ? `fails eligibility on ${failed.attribute}` : null;
}

/** A segment without `when` catches everyone. */
function holds(condition: Condition | undefined, attributes: Attributes): boolean {
  return condition === undefined || conditionHolds(condition, attributes);
}

/** Σ percent of the outcome's bonuses whose `when` holds, under the version in force on the day. */
export function bonusPercent(
  contract: Contract,
  position: number,
  day: LocalDate,
  attributes: Attributes,
): number {
  const rule = versionOn(contract, day).outcomes[position] as Rule;
  return rule.bonus
    .filter((b) => conditionHolds(b.when, attributes))
    .reduce((sum, b) => sum + b.percent, 0);
}
