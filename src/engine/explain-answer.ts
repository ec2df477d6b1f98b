/**
 * The engine's explanation of one participant as JSON an API client reads: per outcome,
 * achieved or not and when, the reasons (the in-memory reading's, as catalogue codes), the evidence
 * the rule looked at (the events of the types it reads, or the employment months), and the
 * payment with the cap that cut it, if one did. Plain data only (no bigint, no Map), so it
 * crosses a process boundary as JSON.
 */
import type { Contract, Rule } from '../domain/contract/contract.js';
import { versionOn } from '../domain/contract/versions.js';
import { shortText } from '../domain/decimal.js';
import type { PaidAchievement } from '../domain/explain/explain-participant.js';
import type { ParticipantFacts } from '../domain/explain/participant-facts.js';
import type { Reason } from '../domain/explain/reason.js';
import { formatMonth, type LocalDate } from '../domain/local-date.js';
import { formatCents, parseCentsOrThrow } from '../domain/money.js';
import type { ParticipantExplanation } from './explain.js';

export interface EvidenceEvent {
  readonly type: string;
  readonly occurred_on: string;
  readonly value: string | null;
  readonly verified: boolean;
}

export interface EvidenceMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Earnings summed over employers, two-decimal text. */
  readonly earnings: string;
}

/** Which cap cut a payment: all of it or part of it. */
export type CapName = 'volume' | 'participant' | 'total';

export interface OutcomeAnswer {
  readonly outcome: string;
  readonly kind: Rule['kind'];
  readonly achieved: boolean;
  readonly achieved_on: string | null;
  /** Worded where a person reads them (the API's answer in the request's language). */
  readonly reasons: Reason[];
  readonly evidence: {
    readonly events: EvidenceEvent[];
    readonly months: EvidenceMonth[];
  };
  readonly payment: {
    readonly version: string;
    readonly price_cents: number;
    readonly amount_cents: number;
    readonly status: string;
    readonly cut_by: CapName | null;
  } | null;
}

export interface ExplainAnswer {
  readonly participant_id: string;
  readonly provider_id: string;
  readonly as_of: string;
  readonly segment: string | null;
  readonly eligible: boolean;
  readonly ineligible_because: string | null;
  readonly outcomes: OutcomeAnswer[];
}

export function explainAnswer(
  contract: Contract,
  asOf: LocalDate,
  explanation: ParticipantExplanation,
  facts: ParticipantFacts | null,
): ExplainAnswer {
  const rules = versionOn(contract, asOf).outcomes;
  return {
    participant_id: explanation.participantId,
    provider_id: explanation.providerId,
    as_of: asOf,
    segment: explanation.segment,
    eligible: explanation.ineligibleBecause === null,
    ineligible_because: explanation.ineligibleBecause,
    outcomes: explanation.outcomes.map((o) => {
      const rule = rules.find((r) => r.id === o.outcome);
      return {
        outcome: o.outcome,
        kind: rule?.kind ?? 'event',
        achieved: o.achievedOn !== null,
        achieved_on: o.achievedOn,
        reasons: [...o.because],
        evidence: rule && facts ? evidenceOf(rule, facts) : { events: [], months: [] },
        payment: o.payment ? paymentOf(o.payment) : null,
      };
    }),
  };
}

/** What the rule reads: events of its types, or the employment months. */
function evidenceOf(rule: Rule, facts: ParticipantFacts): OutcomeAnswer['evidence'] {
  const types =
    rule.kind === 'event'
      ? [rule.event]
      : rule.kind === 'assessment_gain'
        ? [rule.pre, rule.post]
        : [];
  const events = facts.events
    .filter((e) => types.includes(e.type))
    .map((e) => ({
      type: e.type,
      occurred_on: e.occurredOn,
      value: e.value === null ? null : shortText(e.value),
      verified: e.verified,
    }));
  const readsMonths = types.length === 0;
  const months =
    readsMonths && facts.hasPersonKey
      ? [...facts.months]
          .sort(([a], [b]) => a - b)
          .map(([m, cents]) => ({ month: formatMonth(m), earnings: formatCents(cents) }))
      : [];
  return { events, months };
}

const CAPS: Readonly<Record<string, CapName>> = {
  capped_volume: 'volume',
  capped_participant: 'participant',
  capped_total: 'total',
};

function paymentOf(p: PaidAchievement): NonNullable<OutcomeAnswer['payment']> {
  const cut = p.status === 'partially_capped' ? p.cutBy : p.status;
  return {
    version: p.version,
    price_cents: parseCentsOrThrow(p.price, 'explained price'),
    amount_cents: parseCentsOrThrow(p.amount, 'explained amount'),
    status: p.status,
    cut_by: (cut !== undefined ? CAPS[cut] : undefined) ?? null,
  };
}
