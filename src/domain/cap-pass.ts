/**
 * Pricing and the cap pass (spec §3, Pricing and Caps): one pass over achievements in cap
 * order, in integer cents. Columns are typed arrays so a national programme's millions of
 * achievements price in one tight loop.
 */
import { assertCapOrder, assertCut, assertWithinCaps } from './cap-pass-invariants.js';
import type { Contract, Rule, Tier, Version } from './contract/contract.js';
import { toDayNumber } from './local-date.js';
import { applyPercentBonus, type Cents, cents } from './money.js';
import {
  CAPPED_PARTICIPANT,
  CAPPED_TOTAL,
  CAPPED_VOLUME,
  NOT_CUT,
  OUT_OF_PERIOD,
  PAID,
  PARTIAL,
} from './payment-status.js';

export { NOT_CUT, STATUSES, type Status, statusName } from './payment-status.js';

/** Achievements of eligible participants, already sorted in cap order. */
export interface AchievementColumns {
  readonly count: number;
  /** Dense participant index, 0 … participantCount − 1. */
  readonly participant: Int32Array;
  /** Outcome position in the contract. */
  readonly outcome: Int32Array;
  /** Achievement day, as days since 1970-01-01. */
  readonly day: Int32Array;
  /** Version in force on the achievement day (index into contract.versions). */
  readonly version: Int32Array;
  /** Segment index into contract.segments, or −1 when the contract has none. */
  readonly segment: Int32Array;
  /** Sum of the percents of the bonuses whose condition holds, under that version. */
  readonly bonusPercent: Int32Array;
}

export interface PaymentColumns {
  /** Price before caps, after tiers and bonus, in cents. */
  readonly price: Float64Array;
  /** Amount payable after caps, in cents. */
  readonly amount: Float64Array;
  /** Index into STATUSES. */
  readonly status: Uint8Array;
  /** For a partially capped amount, the cap that cut it (as a STATUSES index), else 255. */
  readonly cutBy: Uint8Array;
}

/**
 * Prices and caps every achievement, in cap order. Throws InvariantError (an internal
 * error) if the input is not in strict cap order or a result breaks an invariant of
 * cap-pass-invariants.ts; nothing is returned half-checked.
 */
export function payAchievements(
  contract: Contract,
  a: AchievementColumns,
  participantCount: number,
): PaymentColumns {
  const price = new Float64Array(a.count);
  const amount = new Float64Array(a.count);
  const status = new Uint8Array(a.count);
  const cutBy = new Uint8Array(a.count).fill(NOT_CUT);
  const paidTo = new Float64Array(participantCount);
  const outcomeCount = contract.versions[0]?.outcomes.length ?? 0;
  const paidCount = new Int32Array(outcomeCount);
  const firstDay = toDayNumber(contract.startsOn);
  const lastDay = toDayNumber(contract.endsOn);
  const segmentIds = contract.segments.map((s) => s.id);
  let paidTotal = 0;
  for (let i = 0; i < a.count; i++) {
    assertCapOrder(a, i);
    const day = a.day[i] as number;
    if (day < firstDay || day > lastDay) {
      status[i] = OUT_OF_PERIOD;
      continue;
    }
    const version = contract.versions[a.version[i] as number] as Version;
    const o = a.outcome[i] as number;
    const p = a.participant[i] as number;
    const rule = version.outcomes[o] as Rule;
    const base = basePrice(rule, segmentIds[a.segment[i] as number], (paidCount[o] as number) + 1);
    const full = applyPercentBonus(base, a.bonusPercent[i] as number);
    const cut = applyCaps(
      version,
      rule.id,
      full,
      paidCount[o] as number,
      paidTo[p] as number,
      paidTotal,
    );
    assertCut(i, full, cut.amount, cut.status);
    price[i] = full;
    amount[i] = cut.amount;
    status[i] = cut.status;
    cutBy[i] = cut.cutBy;
    if (cut.amount > 0) {
      paidCount[o] = (paidCount[o] as number) + 1;
      paidTo[p] = (paidTo[p] as number) + cut.amount;
      paidTotal += cut.amount;
      assertWithinCaps(
        i,
        version.caps,
        rule.id,
        paidTo[p] as number,
        paidCount[o] as number,
        paidTotal,
      );
    }
  }
  return { price, amount, status, cutBy };
}

function basePrice(rule: Rule, segment: string | undefined, rank: number): Cents {
  const pricing = rule.pricing;
  if (pricing.kind === 'tiers') return tierPrice(pricing.tiers, rank);
  if (pricing.price.kind === 'flat') return pricing.price.amount;
  // Validation guarantees a by-segment price covers every segment.
  return pricing.price.amounts[segment as string] as Cents;
}

export function tierPrice(tiers: readonly Tier[], rank: number): Cents {
  const tier = tiers.find((t) => t.upTo === undefined || rank <= t.upTo) as Tier;
  return tier.price;
}

function applyCaps(
  version: Version,
  outcomeId: string,
  full: Cents,
  paidOfOutcome: number,
  paidToParticipant: number,
  paidTotal: number,
): { amount: Cents; status: number; cutBy: number } {
  const none = (amount: Cents, status: number) => ({ amount, status, cutBy: NOT_CUT });
  if (full === 0) return none(full, PAID);
  const caps = version.caps;
  const volume = caps.volume[outcomeId];
  if (volume !== undefined && paidOfOutcome >= volume) return none(cents(0), CAPPED_VOLUME);
  let amount: number = full;
  let cutBy = NOT_CUT;
  if (caps.perParticipant !== undefined) {
    amount = Math.max(0, Math.min(amount, caps.perParticipant - paidToParticipant));
    if (amount === 0) return none(cents(0), CAPPED_PARTICIPANT);
    if (amount < full) cutBy = CAPPED_PARTICIPANT;
  }
  if (caps.total !== undefined) {
    const before = amount;
    amount = Math.max(0, Math.min(amount, caps.total - paidTotal));
    if (amount === 0) return none(cents(0), CAPPED_TOTAL);
    if (amount < before && cutBy === NOT_CUT) cutBy = CAPPED_TOTAL;
  }
  return amount === full ? none(full, PAID) : { amount: cents(amount), status: PARTIAL, cutBy };
}
