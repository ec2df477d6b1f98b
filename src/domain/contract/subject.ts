/**
 * What a contract problem is about — `outcome job tier 2 price`, `segment 1 id`, `caps
 * volume for job` — as a phrase each language renders its own way ("resultado job › tramo 2
 * › price" in Spanish). Key names, ids and values stay as the contract writes them: they are
 * what the reader searches the file for.
 */
import { type Phrase, type ProblemParam, phrase } from '../problem.js';

/** A phrase, or a top-level key name as written (`currency`, `caps`). */
export type Subject = ProblemParam;

/** `of` followed by one more step: a key name or a phrase such as `tier 2`. */
export function within(of: Subject, step: Subject): Phrase {
  return phrase('contract.subject.path', { of, step });
}

export const subject = {
  contract: phrase('contract.subject.contract'),
  anOutcome: phrase('contract.subject.an_outcome'),
  outcomeId: phrase('contract.subject.outcome_id'),
  anAmendment: phrase('contract.subject.an_amendment'),
  amendmentId: phrase('contract.subject.amendment_id'),
  betweenLow: phrase('contract.subject.between_low'),
  betweenHigh: phrase('contract.subject.between_high'),
  outcome: (id: string) => phrase('contract.subject.outcome', { id }),
  /** A segment by id, or by position (1-based) when its id cannot be read. */
  segment: (segment: string | number) => phrase('contract.subject.segment', { segment }),
  condition: (n: number) => phrase('contract.subject.eligibility_condition', { n }),
  amendment: (id: string | number) => phrase('contract.subject.amendment', { id }),
  tier: (n: number) => phrase('contract.subject.tier', { n }),
  bonus: (n: number) => phrase('contract.subject.bonus', { n }),
  priceFor: (segment: string) => phrase('contract.subject.price_for', { segment }),
  volumeFor: (outcome: string) => phrase('contract.subject.volume_for', { outcome }),
};
