/**
 * What a bill statement says (services/bill-statement.ts gathers it, files/statement-pdf.ts
 * and statement-xlsx.ts show it): for one bill, and one provider or all of them, the lines
 * grouped by outcome — payments for the period and adjustments to periods already paid —
 * with participant counts and amounts, the caps and the headroom left under them, every
 * approval with who and when, and the evidence the bill rests on (the run and the SHA-256 of
 * its evidence pack). Amounts are Cents; days LocalDate; nothing here is formatted.
 */
import { invariant } from './invariant.js';
import type { LocalDate } from './local-date.js';
import { type Cents, formatCents, sumCents } from './money.js';

export type StatementStatus = 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';

export type StatementAction = 'draft' | 'verify' | 'approve' | 'reject' | 'pay';

/** Lines of one outcome (and, for adjustments, one cause), added up. */
export interface StatementGroup {
  readonly outcomeId: string;
  /** Distinct participants with a line in the group. */
  readonly participants: number;
  readonly lines: number;
  readonly amount: Cents;
}

export interface StatementAdjustment extends StatementGroup {
  /** The contract correction that caused it; null when the data changed. */
  readonly correction: number | null;
}

export interface ProviderTotal {
  readonly providerId: string;
  readonly name: string;
  readonly participants: number;
  readonly amount: Cents;
}

export type CapHeadroom =
  | {
      readonly kind: 'total';
      readonly limit: Cents;
      readonly used: Cents;
      readonly headroom: Cents;
    }
  | {
      readonly kind: 'volume';
      readonly outcomeId: string;
      readonly limit: number;
      readonly used: number;
      readonly headroom: number;
    }
  | { readonly kind: 'participant'; readonly limit: Cents };

export interface Approval {
  readonly action: StatementAction;
  /** The person's name when known, else the actor as the audit log holds it. */
  readonly by: string;
  /** The person's e-mail or the API token, as the audit log holds it. */
  readonly actor: string;
  readonly organisation: string | null;
  readonly at: Date;
  readonly reason: string;
}

export interface BillStatement {
  readonly programme: { readonly id: string; readonly title: string };
  readonly currency: string;
  readonly bill: {
    readonly id: string;
    readonly status: StatementStatus;
    /** The first day not paid before this bill; null when it only revisits paid periods. */
    readonly periodStart: LocalDate | null;
    readonly periodEnd: LocalDate;
  };
  /** The provider the statement is for; null for the whole bill. */
  readonly provider: { readonly id: string; readonly name: string } | null;
  readonly payments: readonly StatementGroup[];
  readonly adjustments: readonly StatementAdjustment[];
  /** The whole bill's lines per provider; empty on one provider's statement. */
  readonly byProvider: readonly ProviderTotal[];
  readonly totals: {
    readonly payments: Cents;
    readonly adjustments: Cents;
    readonly total: Cents;
    /** Distinct participants with a line on the statement. */
    readonly participants: number;
  };
  /** Participants of the statement left out of the bill, their person key shared and undecided. */
  readonly held: number;
  readonly caps: { readonly asOf: LocalDate; readonly lines: readonly CapHeadroom[] };
  readonly approvals: readonly Approval[];
  readonly evidence: {
    readonly runId: string;
    readonly asOf: LocalDate;
    readonly contractVersion: number;
    readonly packSha256: string;
  };
}

/**
 * The statement's totals from its groups. `billTotal`, given for a whole-bill statement,
 * must equal their sum: a line lost on the way would otherwise show a bill that does not
 * add up.
 *
 * @example statementTotals([{ outcomeId: 'job', participants: 2, lines: 2, amount: 100000 }], [], 2)
 *   // → { payments: 100000, adjustments: 0, total: 100000, participants: 2 }
 */
export function statementTotals(
  payments: readonly StatementGroup[],
  adjustments: readonly StatementAdjustment[],
  participants: number,
  billTotal?: Cents,
): BillStatement['totals'] {
  const paid = sumCents(payments.map((g) => g.amount));
  const adjusted = sumCents(adjustments.map((g) => g.amount));
  const total = sumCents([paid, adjusted]);
  invariant(
    billTotal === undefined || billTotal === total,
    'statement.total',
    () =>
      `the statement's lines add up to ${formatCents(total)}, the bill to ${formatCents(billTotal ?? total)}`,
  );
  return { payments: paid, adjustments: adjusted, total, participants };
}
