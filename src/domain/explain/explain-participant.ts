/**
 * Answers a provider's first question, "why wasn't this paid?": for each outcome, whether
 * it was achieved and on what evidence, or what was missing, and what the caps did.
 */
import { type Contract, ENROLMENT } from '../contract/contract.js';
import type { LocalDate } from '../local-date.js';
import type { ParticipantFacts } from './participant-facts.js';
import { type Reason, reason } from './reason.js';
import { checkRule } from './rule-check.js';

/** One row of achievements.csv for this participant, as the engine computed it. */
export interface PaidAchievement {
  readonly outcome: string;
  readonly achievedOn: string;
  readonly version: string;
  readonly price: string;
  readonly amount: string;
  readonly status: string;
  /** For a partially capped amount: capped_participant or capped_total. */
  readonly cutBy?: string;
}

export interface OutcomeExplanation {
  readonly outcome: string;
  readonly achievedOn: LocalDate | null;
  readonly because: readonly Reason[];
  readonly payment?: PaidAchievement;
}

/** In-memory achievement days per outcome, anchors chained as in the contract. */
export function achievementDays(
  contract: Contract,
  facts: ParticipantFacts,
  asOf: LocalDate,
): Map<string, ReturnType<typeof checkRule>> {
  const rules = contract.versions[0]?.outcomes ?? [];
  const found = new Map<string, ReturnType<typeof checkRule>>();
  for (const [position, rule] of rules.entries()) {
    const anchor = rule.after === ENROLMENT ? facts.enrolledOn : found.get(rule.after)?.day;
    if (!anchor) {
      found.set(rule.id, {
        day: null,
        because: [reason('explain.needs_first', { outcome: rule.after })],
      });
      continue;
    }
    found.set(rule.id, checkRule(contract, position, anchor, facts, asOf));
  }
  return found;
}

export function explainParticipant(
  contract: Contract,
  facts: ParticipantFacts,
  asOf: LocalDate,
  payments: readonly PaidAchievement[],
): OutcomeExplanation[] {
  const days = achievementDays(contract, facts, asOf);
  return [...days].map(([outcome, result]) => {
    const payment = payments.find((p) => p.outcome === outcome);
    const because = [...result.because];
    if (payment) because.push(paymentReason(contract, payment));
    return { outcome, achievedOn: result.day, because, ...(payment ? { payment } : {}) };
  });
}

function paymentReason(contract: Contract, p: PaidAchievement): Reason {
  switch (p.status) {
    case 'paid':
      return reason('explain.paid', { amount: p.amount, price: p.price, version: p.version });
    case 'partially_capped':
      return reason(
        p.cutBy === 'capped_total' ? 'explain.cut_by_total_cap' : 'explain.cut_by_participant_cap',
        { price: p.price, amount: p.amount },
      );
    case 'capped_volume':
      return reason('explain.volume_cap_reached', { outcome: p.outcome });
    case 'capped_participant':
      return reason('explain.participant_cap_reached');
    case 'capped_total':
      return reason('explain.total_cap_reached');
    case 'out_of_period':
      return reason('explain.out_of_period', { from: contract.startsOn, to: contract.endsOn });
    default:
      return reason('explain.status', { status: p.status });
  }
}
