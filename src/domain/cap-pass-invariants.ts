/**
 * What the cap pass asserts as it goes (spec §3, Caps): achievements arrive in strict cap
 * order, every amount is a whole number of cents between 0 and its price and agrees with its
 * status, and no payment takes a participant, an outcome or the programme past a cap of the
 * version it is paid under. Each check is a few comparisons on the happy path; a failure is
 * an InvariantError naming the achievement (its cap-order index).
 */
import type { AchievementColumns } from './cap-pass.js';
import type { Caps } from './contract/contract.js';
import { InvariantError } from './invariant.js';
import { CAPPED_TOTAL, CAPPED_VOLUME, OUT_OF_PERIOD, PAID, PARTIAL } from './payment-status.js';

/**
 * Achievement i follows i − 1 in strict cap order: by day, then participant, then outcome
 * (strict, because a participant achieves an outcome once). Tests cheapest first and builds
 * its message elsewhere, so the happy path stays small enough for V8 to inline.
 */
export function assertCapOrder(a: AchievementColumns, i: number): void {
  if (i === 0) return;
  const day = (a.day[i] as number) - (a.day[i - 1] as number);
  if (day > 0) return;
  if (day === 0) {
    const participant = (a.participant[i] as number) - (a.participant[i - 1] as number);
    if (participant > 0) return;
    if (participant === 0 && (a.outcome[i] as number) > (a.outcome[i - 1] as number)) return;
  }
  throw orderError(a, i);
}

function orderError(a: AchievementColumns, i: number): InvariantError {
  const at = (j: number) =>
    `(day ${a.day[j]}, participant ${a.participant[j]}, outcome ${a.outcome[j]})`;
  return new InvariantError(
    'cap_pass.order',
    `achievement ${i} ${at(i)} does not follow achievement ${i - 1} ${at(i - 1)} in cap order`,
  );
}

/**
 * 0 ≤ amount ≤ price, whole cents, and the status says which: paid, cut, or nothing.
 * Plain numbers rather than an object: this runs once per achievement and allocates nothing.
 */
export function assertCut(i: number, price: number, amount: number, status: number): void {
  const bounded =
    Number.isSafeInteger(price) && Number.isSafeInteger(amount) && amount >= 0 && amount <= price;
  const agrees =
    status === PAID
      ? amount === price
      : status === PARTIAL
        ? amount > 0 && amount < price
        : status === OUT_OF_PERIOD
          ? price === 0
          : status >= CAPPED_VOLUME && status <= CAPPED_TOTAL && amount === 0;
  if (bounded && agrees) return;
  throw new InvariantError(
    'cap_pass.amount',
    `achievement ${i}: amount ${amount} with price ${price} and status ${status} (an amount is whole cents, 0 ≤ amount ≤ price, and agrees with its status)`,
  );
}

/**
 * Once a payment (amount > 0) is counted, no running total — paid to its participant, paid
 * achievements of its outcome, paid in all — is past a cap of the version it was paid under.
 * A later amendment may lower a cap below what was already paid; that is no breach: the next
 * payment is capped to nothing. Positional numbers rather than an options object because
 * this runs once per paid achievement and must allocate nothing.
 */
export function assertWithinCaps(
  i: number,
  caps: Caps,
  outcomeId: string,
  toParticipant: number,
  ofOutcome: number,
  total: number,
): void {
  const volume = caps.volume[outcomeId];
  const broken =
    caps.perParticipant !== undefined && toParticipant > caps.perParticipant
      ? `paid to the participant ${toParticipant} > per_participant ${caps.perParticipant}`
      : caps.total !== undefined && total > caps.total
        ? `paid in total ${total} > total ${caps.total}`
        : volume !== undefined && ofOutcome > volume
          ? `paid achievements of ${outcomeId} ${ofOutcome} > volume ${volume}`
          : null;
  if (broken !== null) throw new InvariantError('cap_pass.cap', `achievement ${i}: ${broken}`);
}
