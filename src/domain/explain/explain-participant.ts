/**
 * Answers a provider's first question, "why wasn't this paid?": for each outcome, whether
 * it was achieved and on what evidence, or what was missing, and what the caps did.
 */
import { type Contract, ENROLMENT } from '../contract/contract.js';
import type { LocalDate } from '../local-date.js';
import type { ParticipantFacts } from './participant-facts.js';
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
  readonly because: readonly string[];
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
        because: [`needs ${rule.after} first, which was not achieved`],
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
    if (payment) because.push(paymentSentence(contract, payment));
    return { outcome, achievedOn: result.day, because, ...(payment ? { payment } : {}) };
  });
}

function paymentSentence(contract: Contract, p: PaidAchievement): string {
  switch (p.status) {
    case 'paid':
      return `paid ${p.amount} (price ${p.price}, version ${p.version})`;
    case 'partially_capped':
      return `price ${p.price} cut to ${p.amount} by the ${p.cutBy === 'capped_total' ? 'total cap of the contract' : 'per-participant cap'}`;
    case 'capped_volume':
      return `not paid: the volume cap for ${p.outcome} was already reached`;
    case 'capped_participant':
      return 'not paid: the per-participant cap was already reached';
    case 'capped_total':
      return 'not paid: the total cap of the contract was already reached';
    case 'out_of_period':
      return `not payable: achieved outside the contract period ${contract.startsOn} – ${contract.endsOn}`;
    default:
      return `status ${p.status}`;
  }
}
