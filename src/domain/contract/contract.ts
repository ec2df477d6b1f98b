/**
 * The typed, immutable model of an outcome contract (docs/contract-format.md §2).
 * Parsing and validation live in parse-contract.ts; the engine and the cap pass read only
 * these types.
 */
import type { Decimal } from '../decimal.js';
import type { LocalDate } from '../local-date.js';
import type { Cents } from '../money.js';

export type Condition =
  | { readonly attribute: string; readonly op: 'in'; readonly values: readonly string[] }
  | { readonly attribute: string; readonly op: 'equals'; readonly value: string }
  | {
      readonly attribute: string;
      readonly op: 'between';
      readonly lo: Decimal;
      readonly hi: Decimal;
    };

export interface Segment {
  readonly id: string;
  readonly when?: Condition;
}

export type Price =
  | { readonly kind: 'flat'; readonly amount: Cents }
  | { readonly kind: 'by_segment'; readonly amounts: Readonly<Record<string, Cents>> };

export interface Tier {
  /** Ranks up to and including this one; absent on the last tier. */
  readonly upTo?: number;
  readonly price: Cents;
}

export type Pricing =
  | { readonly kind: 'price'; readonly price: Price }
  | { readonly kind: 'tiers'; readonly tiers: readonly Tier[] };

export interface Bonus {
  readonly when: Condition;
  readonly percent: number;
}

/** What every rule has, whatever its kind; each kind adds its own keys (read-rule-kinds.ts). */
export interface RuleCommon {
  readonly id: string;
  /** `enrolment` or the id of an outcome listed earlier. */
  readonly after: string;
  readonly pricing: Pricing;
  readonly bonus: readonly Bonus[];
}

export interface EventRule extends RuleCommon {
  readonly kind: 'event';
  readonly event: string;
  readonly withinDays?: number;
  readonly verifiedOnly: boolean;
  readonly minValue?: Decimal;
}

export interface EmploymentStartRule extends RuleCommon {
  readonly kind: 'employment_start';
  readonly withinDays?: number;
  readonly minEarnings: Decimal;
}

export interface EmploymentSustainedRule extends RuleCommon {
  readonly kind: 'employment_sustained';
  readonly skipMonths: number;
  readonly months: number;
  readonly ofMonths: number;
  readonly minEarnings: Decimal;
}

export interface EarningsThresholdRule extends RuleCommon {
  readonly kind: 'earnings_threshold';
  readonly withinMonths: number;
  readonly totalEarnings: Decimal;
}

export interface AssessmentGainRule extends RuleCommon {
  readonly kind: 'assessment_gain';
  readonly pre: string;
  readonly post: string;
  readonly maxScore: Decimal;
  readonly minGain: Decimal;
  readonly withinDays?: number;
}

export type Rule =
  | EventRule
  | EmploymentStartRule
  | EmploymentSustainedRule
  | EarningsThresholdRule
  | AssessmentGainRule;

export type RuleKind = Rule['kind'];

/** The rule type of one kind: `RuleOf<'event'>` is `EventRule`. */
export type RuleOf<K extends RuleKind> = Extract<Rule, { readonly kind: K }>;

export interface Caps {
  readonly perParticipant?: Cents;
  readonly total?: Cents;
  readonly volume: Readonly<Record<string, number>>;
}

/** The contract as in force over an interval of days: the base, or after an amendment. */
export interface Version {
  /** `base` or the id of the last amendment applied. */
  readonly id: string;
  /** First day in force; null for the base, which is in force before any amendment. */
  readonly effectiveFrom: LocalDate | null;
  readonly outcomes: readonly Rule[];
  readonly caps: Caps;
}

export interface Amendment {
  readonly id: string;
  readonly effectiveFrom: LocalDate;
  readonly reason: string;
}

export interface Contract {
  readonly id: string;
  readonly title: string;
  readonly currency: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly enrolment: { readonly from: LocalDate; readonly to: LocalDate };
  readonly eligibility: readonly Condition[];
  readonly segments: readonly Segment[];
  readonly amendments: readonly Amendment[];
  /** Base first, then one per amendment, oldest first. */
  readonly versions: readonly Version[];
}

export const ENROLMENT = 'enrolment';
export const AGE_AT_ENROLMENT = 'age_at_enrolment';

export function baseVersion(contract: Contract): Version {
  return contract.versions[0] as Version;
}

/** Outcome ids in contract order; the position is the cap-order tie-break. */
export function outcomeIds(contract: Contract): string[] {
  return baseVersion(contract).outcomes.map((r) => r.id);
}
