/**
 * What a bill line is (docs/decisions.md, "Contracts, corrections and bills"): a `payment`
 * for an achievement of the period being billed, paid for the first time, or an `adjustment`
 * to a period already paid — late data, a reversed verification, or a correction of the
 * contract. An adjustment inside the period a correction reaches names that correction.
 */
import type { LocalDate } from './local-date.js';
import type { Cents } from './money.js';

export type LineKind = 'payment' | 'adjustment';

/** A correction in force that no paid bill has carried yet, and the first day it changes. */
export interface OutstandingCorrection {
  readonly version: number;
  readonly affectsFrom: LocalDate;
}

/** What the programme has paid: up to which day, and the corrections not yet billed. */
export interface PaidPosition {
  /** The end of the latest paid bill's period; null before the first payment. */
  readonly paidThrough: LocalDate | null;
  readonly corrections: readonly OutstandingCorrection[];
}

export interface LineFacts {
  readonly previouslyPaid: Cents;
  /** When the outcome is achieved as of this bill; null when it no longer is. */
  readonly achievedOn: LocalDate | null;
  /** When it was achieved as of the latest paid bill; null when it was not. */
  readonly paidAchievedOn: LocalDate | null;
}

export interface LineLabel {
  readonly kind: LineKind;
  /** The correction that caused the adjustment, if one did. */
  readonly correction: number | null;
}

/**
 * `lineLabel({ previouslyPaid: 0, achievedOn: '2019-01-31', paidAchievedOn: '2019-01-31' },
 * { paidThrough: '2019-06-30', corrections: [{ version: 2, affectsFrom: '2019-01-15' }] })`
 * → `{ kind: 'adjustment', correction: 2 }`: achieved in a paid period, on a day the
 * correction reaches. A change for an achievement dated before every outstanding
 * correction's first day is an adjustment without one (the data changed, not the contract).
 */
export function lineLabel(line: LineFacts, past: PaidPosition): LineLabel {
  const day = earliest(line.achievedOn, line.paidAchievedOn);
  const inPaidPeriod = past.paidThrough !== null && day !== null && day <= past.paidThrough;
  if (line.previouslyPaid === 0 && !inPaidPeriod) return { kind: 'payment', correction: null };
  let correction: OutstandingCorrection | null = null;
  for (const c of past.corrections) {
    if (day === null || c.affectsFrom > day) continue;
    if (
      correction === null ||
      c.affectsFrom > correction.affectsFrom ||
      (c.affectsFrom === correction.affectsFrom && c.version > correction.version)
    )
      correction = c;
  }
  return { kind: 'adjustment', correction: correction?.version ?? null };
}

function earliest(a: LocalDate | null, b: LocalDate | null): LocalDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
