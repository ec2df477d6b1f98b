/**
 * The lines of a bill (docs/decisions.md, "Runs, bills and the ledger"): per participant
 * and outcome, what is payable now minus what the ledger has already paid, so a reversal
 * shows as a negative line rather than a silent change. The store finds the differences;
 * this module turns them into lines and a total, and asserts on the way that the money adds
 * up — a breach is an InvariantError and the bill is not drafted.
 */
import { invariant } from './invariant.js';
import { type Cents, formatCents, subtract, sumCents } from './money.js';

/** What is payable and what has been paid for one participant and outcome. */
export interface LedgerDifference {
  readonly participantId: string;
  readonly outcomeId: string;
  /** The cumulative amount payable as of the period's end; 0 if no longer payable. */
  readonly cumulative: Cents;
  /** What the ledger has paid for it so far. */
  readonly previouslyPaid: Cents;
}

export interface BillLine extends LedgerDifference {
  /** cumulative − previouslyPaid; never 0 (nothing to bill is no line). */
  readonly amount: Cents;
}

export interface DraftedLines {
  readonly lines: readonly BillLine[];
  /** The sum of the lines' amounts. */
  readonly total: Cents;
}

/**
 * `billLines([{ participantId: 'P01', outcomeId: 'job', cumulative: 50000, previouslyPaid: 20000 }])`
 * → one line of 30000, total 30000. Asserts: each participant-outcome appears once; what is
 * payable and what was paid are never negative (each paid bill brought the ledger up to a
 * cumulative amount, which is ≥ 0); no line is zero; the total is the sum of the lines.
 */
export function billLines(differences: readonly LedgerDifference[]): DraftedLines {
  const seen = new Set<string>();
  const lines = differences.map((d) => {
    const key = `${d.participantId}\u0000${d.outcomeId}`;
    invariant(!seen.has(key), 'bill.duplicate_line', () => `${where(d)} appears twice`);
    seen.add(key);
    invariant(d.cumulative >= 0, 'bill.negative_payable', () => `${where(d)}: ${money(d)}`);
    invariant(d.previouslyPaid >= 0, 'bill.negative_paid', () => `${where(d)}: ${money(d)}`);
    const amount = subtract(d.cumulative, d.previouslyPaid);
    invariant(amount !== 0, 'bill.empty_line', () => `${where(d)}: ${money(d)}`);
    return { ...d, amount };
  });
  const total = sumCents(lines.map((l) => l.amount));
  return { lines, total };
}

/** The bill's total as stored equals the sum of its stored lines, and so does their count. */
export function assertBillAddsUp(
  billId: string,
  drafted: DraftedLines,
  stored: { readonly total: Cents; readonly lines: number },
): void {
  invariant(
    stored.total === drafted.total && stored.lines === drafted.lines.length,
    'bill.total',
    () =>
      `bill ${billId}: ${drafted.lines.length} lines totalling ${formatCents(drafted.total)} were drafted, the store holds ${stored.lines} totalling ${formatCents(stored.total)}`,
  );
}

function where(d: LedgerDifference): string {
  return `participant ${d.participantId}, outcome ${d.outcomeId}`;
}

function money(d: LedgerDifference): string {
  return `payable ${formatCents(d.cumulative)}, previously paid ${formatCents(d.previouslyPaid)}`;
}
