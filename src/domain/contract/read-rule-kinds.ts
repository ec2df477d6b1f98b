/**
 * One typed reader per rule kind (spec §2, "Rule keys by kind"): the keys each kind
 * requires and allows, and how they become that kind's fields. Adding a kind is adding an
 * entry here and its type in contract.ts; the compiler then asks for its SQL and explain.
 */
import type { Decimal } from '../decimal.js';
import type { RuleCommon, RuleKind, RuleOf } from './contract.js';
import type { RuleFields } from './rule-fields.js';

/** A kind's own fields: its rule type without what every rule has. */
export type KindFields<K extends RuleKind> = Omit<RuleOf<K>, keyof RuleCommon>;

export interface KindReader<K extends RuleKind> {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Null when a key is bad (its problem is reported). */
  read(f: RuleFields): KindFields<K> | null;
}

/** No minimum earnings means any earnings above zero count (spec §2). */
const ZERO_DECIMAL: Decimal = { units: 0n, scale: 0, text: '0' };

const event: KindReader<'event'> = {
  required: ['event'],
  optional: ['within_days', 'verified_only', 'min_value'],
  read(f) {
    const event = f.string('event');
    const withinDays = f.optionalWhole('within_days', 0);
    const verifiedOnly = f.has('verified_only') ? f.boolean('verified_only') : false;
    const minValue = f.optionalScore('min_value');
    if (event === null || withinDays === null || verifiedOnly === null || minValue === null)
      return null;
    return {
      kind: 'event',
      event,
      ...(withinDays === undefined ? {} : { withinDays }),
      verifiedOnly,
      ...(minValue === undefined ? {} : { minValue }),
    };
  },
};

const employmentStart: KindReader<'employment_start'> = {
  required: [],
  optional: ['within_days', 'min_earnings'],
  read(f) {
    const withinDays = f.optionalWhole('within_days', 0);
    const minEarnings = f.optionalNonNegative('min_earnings');
    if (withinDays === null || minEarnings === null) return null;
    return {
      kind: 'employment_start',
      ...(withinDays === undefined ? {} : { withinDays }),
      minEarnings: minEarnings ?? ZERO_DECIMAL,
    };
  },
};

const employmentSustained: KindReader<'employment_sustained'> = {
  required: ['months', 'of_months'],
  optional: ['skip_months', 'min_earnings'],
  read(f) {
    const skipMonths = f.optionalWhole('skip_months', 0);
    const months = f.whole('months', 1);
    const ofMonths = f.whole('of_months', 1);
    const minEarnings = f.optionalNonNegative('min_earnings');
    if (months === null || ofMonths === null) return null;
    if (months > ofMonths) {
      f.report('months', 'contract.months.exceed', {
        months: String(months),
        of: String(ofMonths),
      });
      return null;
    }
    if (skipMonths === null || minEarnings === null) return null;
    return {
      kind: 'employment_sustained',
      skipMonths: skipMonths ?? 0,
      months,
      ofMonths,
      minEarnings: minEarnings ?? ZERO_DECIMAL,
    };
  },
};

const earningsThreshold: KindReader<'earnings_threshold'> = {
  required: ['within_months', 'total_earnings'],
  optional: [],
  read(f) {
    const withinMonths = f.whole('within_months', 1);
    const totalEarnings = f.nonNegative('total_earnings');
    if (totalEarnings && totalEarnings.units === 0n) {
      f.report('total_earnings', 'contract.earnings.zero');
      return null;
    }
    if (withinMonths === null || totalEarnings === null) return null;
    return { kind: 'earnings_threshold', withinMonths, totalEarnings };
  },
};

const assessmentGain: KindReader<'assessment_gain'> = {
  required: ['pre', 'post', 'max_score', 'min_gain'],
  optional: ['within_days'],
  read(f) {
    const pre = f.string('pre');
    const post = f.string('post');
    const maxScore = f.score('max_score');
    const minGain = f.score('min_gain');
    const withinDays = f.optionalWhole('within_days', 0);
    if (pre === null || post === null || maxScore === null || minGain === null) return null;
    if (withinDays === null) return null;
    return {
      kind: 'assessment_gain',
      pre,
      post,
      maxScore,
      minGain,
      ...(withinDays === undefined ? {} : { withinDays }),
    };
  },
};

export const KIND_READERS: { readonly [K in RuleKind]: KindReader<K> } = {
  event,
  employment_start: employmentStart,
  employment_sustained: employmentSustained,
  earnings_threshold: earningsThreshold,
  assessment_gain: assessmentGain,
};

export function isRuleKind(text: string): text is RuleKind {
  return Object.hasOwn(KIND_READERS, text);
}

/** Every kind, in the order the spec lists them (for messages). */
export const RULE_KINDS: readonly RuleKind[] = Object.keys(KIND_READERS).filter(isRuleKind);
