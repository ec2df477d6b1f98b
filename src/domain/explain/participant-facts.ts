/** Everything known about one participant in a snapshot, for in-memory evaluation. */
import type { Attributes } from '../attributes.js';
import type { Decimal } from '../decimal.js';
import type { LocalDate } from '../local-date.js';

export interface EventFact {
  readonly type: string;
  readonly occurredOn: LocalDate;
  readonly value: Decimal | null;
  /** Verified, or reported by an admin or verifier source. */
  readonly verified: boolean;
}

export interface ParticipantFacts {
  readonly participantId: string;
  readonly enrolledOn: LocalDate;
  readonly hasPersonKey: boolean;
  readonly attributes: Attributes;
  /** Events dated up to the as-of day. */
  readonly events: readonly EventFact[];
  /** Summed earnings in cents per complete month index up to the as-of day. */
  readonly months: ReadonlyMap<number, bigint>;
}
