/**
 * Reading bills: a programme's bills a page at a time, newest first; one bill with the run it
 * was drafted from, its totals by outcome and its approvals (every step of its workflow, from
 * the audit log, with who, when and why); and its lines a page at a time. Funders and
 * verifiers read bills (the API's roles); lines are read under row-level security all the same.
 */
import { sql } from 'kysely';
import { type Cents, centsFromInteger } from '../domain/money.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { BillStatus } from '../store/schema.js';
import { type BillSummary, readBill } from './bills.js';
import { type Page, type PageRequest, pageOf } from './page.js';
import type { ProviderScope } from './provider-scope.js';

export interface BillListed {
  readonly id: string;
  readonly status: BillStatus;
  readonly periodEnd: string;
  readonly totalCents: Cents;
  readonly runId: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
}

export interface BillFilter {
  readonly status?: BillStatus | undefined;
  /** Bills whose period ends on or after this day. */
  readonly from?: string | undefined;
  /** Bills whose period ends on or before this day. */
  readonly to?: string | undefined;
}

/** A programme's bills, newest first. */
export async function listBills(
  store: Store,
  programmeId: string,
  filter: BillFilter,
  page: PageRequest,
): Promise<Page<BillListed>> {
  let query = store.db
    .selectFrom('bills')
    .select([
      'id',
      'status',
      'total_cents',
      'run_id',
      'created_by',
      'created_at',
      'decided_by',
      'decided_at',
      sql<string>`CAST(period_end AS text)`.as('period_end'),
    ])
    .where('programme_id', '=', programmeId)
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.from !== undefined) query = query.where('period_end', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('period_end', '<=', filter.to);
  if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
  const rows = await query.execute();
  return pageOf(
    rows,
    page.limit,
    (r) => String(r.id),
    (r) => ({
      id: String(r.id),
      status: r.status,
      periodEnd: r.period_end,
      totalCents: centsFromInteger(r.total_cents, 'bill total'),
      runId: String(r.run_id),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      decidedBy: r.decided_by,
      decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
    }),
  );
}

/** One step of a bill's workflow as the audit log holds it. */
export interface BillStep {
  readonly action: 'draft' | 'verify' | 'approve' | 'reject' | 'pay' | string;
  readonly by: string;
  readonly at: Date;
  readonly reason: string;
}

export interface BillDetail extends BillSummary {
  readonly run: {
    readonly id: string;
    readonly asOf: string;
    readonly contractVersion: number;
    readonly paidCents: Cents | null;
  };
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Lines and their sum per outcome. */
  readonly byOutcome: readonly { outcomeId: string; lines: number; totalCents: Cents }[];
  /** Every step from draft on, oldest first. */
  readonly steps: readonly BillStep[];
}

/** A bill with its run, its totals by outcome and its workflow. */
export async function billDetail(store: Store, billId: string): Promise<BillDetail> {
  const summary = await readBill(store, billId);
  const bill = await store.db
    .selectFrom('bills as b')
    .innerJoin('evaluation_runs as r', 'r.id', 'b.run_id')
    .select([
      'b.created_by',
      'b.created_at',
      'r.id as run_id',
      'r.contract_version',
      'r.paid_cents',
      sql<string>`CAST(r.as_of AS text)`.as('as_of'),
    ])
    .where('b.id', '=', billId)
    .executeTakeFirstOrThrow();
  const outcomes = await store.db
    .selectFrom('bill_lines')
    .select((eb) => [
      'outcome_id',
      eb.fn.countAll<string>().as('lines'),
      eb.fn.sum<string>('amount_cents').as('total'),
    ])
    .where('bill_id', '=', billId)
    .groupBy('outcome_id')
    .orderBy('outcome_id')
    .execute();
  const steps = await store.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'at', 'reason'])
    .where('entity', '=', 'bill')
    .where('entity_id', '=', billId)
    .orderBy('id')
    .execute();
  return {
    ...summary,
    run: {
      id: String(bill.run_id),
      asOf: bill.as_of,
      contractVersion: bill.contract_version,
      paidCents: bill.paid_cents === null ? null : centsFromInteger(bill.paid_cents, 'run paid'),
    },
    createdBy: bill.created_by,
    createdAt: new Date(bill.created_at),
    byOutcome: outcomes.map((o) => ({
      outcomeId: o.outcome_id,
      lines: Number(o.lines),
      // Each group has at least one line, so its SUM is never NULL.
      totalCents: centsFromInteger(o.total, 'bill lines total'),
    })),
    steps: steps.map((s) => ({
      action: s.action,
      by: s.actor,
      at: new Date(s.at),
      reason: s.reason,
    })),
  };
}

export interface BillLine {
  readonly participantId: string;
  readonly providerId: string;
  readonly outcomeId: string;
  readonly cumulativeCents: Cents;
  readonly previouslyPaidCents: Cents;
  readonly amountCents: Cents;
  readonly kind: 'payment' | 'adjustment';
  readonly correctionVersion: number | null;
}

export interface LineFilter {
  readonly kind?: 'payment' | 'adjustment' | undefined;
  readonly provider?: string | undefined;
}

/**
 * A bill's lines in participant and outcome order, a page at a time; the cursor names the
 * last line shown (keyset on the lines' primary key).
 */
export async function billLines(
  store: Store,
  billId: string,
  scope: ProviderScope,
  filter: LineFilter,
  page: PageRequest,
): Promise<Page<BillLine>> {
  const after = page.cursor === undefined ? undefined : lineCursor(page.cursor);
  // The API checks cursors before it calls (a made-up one is 400): none arrives here.
  if (page.cursor !== undefined && after === undefined) throw new Error('bad bill line cursor');
  const rows = await withCaller(store.db, scope.organisationId, (tx) => {
    let query = tx
      .selectFrom('bill_lines as l')
      .innerJoin('bills as b', 'b.id', 'l.bill_id')
      .innerJoin('participants as p', (join) =>
        join
          .onRef('p.programme_id', '=', 'b.programme_id')
          .onRef('p.participant_id', '=', 'l.participant_id'),
      )
      .select([
        'l.participant_id',
        'p.provider_id',
        'l.outcome_id',
        'l.cumulative_cents',
        'l.previously_paid_cents',
        'l.amount_cents',
        'l.kind',
        'l.correction_version',
      ])
      .where('l.bill_id', '=', billId)
      .orderBy('l.participant_id')
      .orderBy('l.outcome_id')
      .limit(page.limit + 1);
    if (filter.kind !== undefined) query = query.where('l.kind', '=', filter.kind);
    const provider = scope.providerId ?? filter.provider;
    if (provider !== undefined) query = query.where('p.provider_id', '=', provider);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('l.participant_id', '>', after.participant),
          eb.and([
            eb('l.participant_id', '=', after.participant),
            eb('l.outcome_id', '>', after.outcome),
          ]),
        ]),
      );
    return query.execute();
  });
  return pageOf(
    rows,
    page.limit,
    (r) => encodeLineCursor(r.participant_id, r.outcome_id),
    (r) => ({
      participantId: r.participant_id,
      providerId: r.provider_id,
      outcomeId: r.outcome_id,
      cumulativeCents: centsFromInteger(r.cumulative_cents, 'line cumulative'),
      previouslyPaidCents: centsFromInteger(r.previously_paid_cents, 'line paid before'),
      amountCents: centsFromInteger(r.amount_cents, 'line amount'),
      kind: r.kind,
      correctionVersion: r.correction_version,
    }),
  );
}

/** A line cursor is opaque to clients: base64url of the JSON pair [participant, outcome]. */
function encodeLineCursor(participant: string, outcome: string): string {
  return Buffer.from(JSON.stringify([participant, outcome])).toString('base64url');
}

/** The pair a cursor names; undefined for text that is no line cursor. */
export function lineCursor(cursor: string): { participant: string; outcome: string } | undefined {
  try {
    const pair: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
      return { participant: pair[0], outcome: pair[1] };
  } catch {
    // Not JSON: the caller made it up.
  }
  return undefined;
}
