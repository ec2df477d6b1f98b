/**
 * Bills and the payment ledger. A bill for a period pays, per participant and outcome, the
 * cumulative payable amount at the period's end minus what the ledger has already paid, so
 * late data or a reversed verification shows as an adjustment, never a silent change.
 * Workflow: draft → verified → approved → paid, or rejected with a reason. Paying appends
 * to the ledger once: the status change is a guarded update, ledger rows are unique per
 * bill and participant-outcome, a retry with the same idempotency key returns the first
 * answer, and a bill drafted against an older ledger is refused.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { assertBillAddsUp, billLines } from '../domain/bill-lines.js';
import { invariant } from '../domain/invariant.js';
import { type Cents, centsFromInteger, formatCents } from '../domain/money.js';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { BillStatus, Database } from '../store/schema.js';
import type { Actor } from './actor.js';
import { runEvaluation } from './evaluation-runs.js';
import { withoutHeld } from './shared-person-keys.js';

export interface BillSummary {
  readonly id: string;
  readonly status: BillStatus;
  readonly totalCents: Cents;
  readonly lines: number;
  /** Participants left out, their person key shared and undecided (shared-person-keys.ts). */
  readonly held: readonly string[];
}

const PROGRAMME_LOCK = 7_240_520;

function refuse(code: string, message: string): never {
  throw new ProblemsError([{ code, message }]);
}

/** Current ledger position: the id of the last entry, 0 when empty. */
async function ledgerPosition(
  db: Kysely<Database> | Transaction<Database>,
  programmeId: string,
): Promise<string> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.max('id').as('position'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return String(row?.position ?? 0);
}

export async function draftBill(
  store: Store,
  actor: Actor,
  programmeId: string,
  periodEnd: string,
): Promise<BillSummary> {
  const run = await runEvaluation(store, actor, programmeId, periodEnd);
  return store.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROGRAMME_LOCK}, hashtext(${programmeId}))`.execute(
      tx,
    );
    const position = await ledgerPosition(tx, programmeId);
    const lines = await sql<{
      participant_id: string;
      outcome_id: string;
      cumulative: string;
      paid: string;
    }>`
      WITH payable AS (
        SELECT participant_id, outcome_id, amount_cents AS cumulative FROM run_achievements WHERE run_id = ${run.runId}
      ), paid AS (
        SELECT participant_id, outcome_id, SUM(amount_cents) AS paid FROM ledger_entries
        WHERE programme_id = ${programmeId} GROUP BY participant_id, outcome_id
      )
      SELECT COALESCE(p.participant_id, l.participant_id) AS participant_id, COALESCE(p.outcome_id, l.outcome_id) AS outcome_id,
        CAST(COALESCE(p.cumulative, 0) AS text) AS cumulative, CAST(COALESCE(l.paid, 0) AS text) AS paid
      FROM payable p FULL JOIN paid l ON l.participant_id = p.participant_id AND l.outcome_id = p.outcome_id
      WHERE COALESCE(p.cumulative, 0) <> COALESCE(l.paid, 0)
      ORDER BY 1, 2`.execute(tx);
    const { lines: billable, held } = await withoutHeld(tx, programmeId, lines.rows);
    const drafted = billLines(
      billable.map((l) => ({
        participantId: l.participant_id,
        outcomeId: l.outcome_id,
        cumulative: centsFromInteger(l.cumulative, 'payable amount'),
        previouslyPaid: centsFromInteger(l.paid, 'amount paid'),
      })),
    );
    const total = drafted.total;
    const bill = await tx
      .insertInto('bills')
      .values({
        programme_id: programmeId,
        period_end: periodEnd,
        run_id: run.runId,
        total_cents: total,
        ledger_position: position,
        created_by: actor.id,
        held_participants: JSON.stringify(held),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = drafted.lines.map((l) => ({
      bill_id: bill.id,
      participant_id: l.participantId,
      outcome_id: l.outcomeId,
      cumulative_cents: l.cumulative,
      previously_paid_cents: l.previouslyPaid,
      amount_cents: l.amount,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('bill_lines')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
    // Read back what was stored: the lines must add up to the bill before anyone sees it.
    assertBillAddsUp(bill.id, drafted, await storedLines(tx, bill.id));
    await appendAudit(tx, {
      actor: actor.id,
      action: 'draft',
      entity: 'bill',
      entityId: bill.id,
      reason: `bill for the period ending ${periodEnd}`,
      data: { run: run.runId, total_cents: total, lines: rows.length, held: held.length },
    });
    return { id: bill.id, status: 'draft', totalCents: total, lines: rows.length, held };
  });
}

const NEXT: Record<'verify' | 'approve' | 'reject', { from: BillStatus[]; to: BillStatus }> = {
  verify: { from: ['draft'], to: 'verified' },
  approve: { from: ['verified'], to: 'approved' },
  reject: { from: ['draft', 'verified', 'approved'], to: 'rejected' },
};

/** Moves a bill one step; only one of several concurrent callers can make each move. */
export async function decideBill(
  store: Store,
  actor: Actor,
  billId: string,
  decision: keyof typeof NEXT,
  reason: string,
): Promise<BillStatus> {
  if (decision === 'reject' && reason.trim() === '')
    refuse('bill.reason', 'a rejection needs a reason');
  const step = NEXT[decision];
  return store.db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('bills')
      .set({ status: step.to, decided_by: actor.id, decided_at: new Date(), reason })
      .where('id', '=', billId)
      .where('status', 'in', step.from)
      .returning('status')
      .executeTakeFirst();
    if (!moved)
      refuse('bill.status', `bill ${billId} cannot be moved to ${step.to} from its current status`);
    await appendAudit(tx, {
      actor: actor.id,
      action: decision,
      entity: 'bill',
      entityId: billId,
      reason,
      data: { status: step.to },
    });
    return step.to;
  });
}

/**
 * Pays an approved bill: appends its lines to the ledger, once. A retry with the same
 * idempotency key gets the same answer; any other second attempt is refused.
 */
export async function payBill(
  store: Store,
  actor: Actor,
  billId: string,
  idempotencyKey: string,
): Promise<BillSummary> {
  return store.db.transaction().execute(async (tx) => {
    const bill = await tx
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', billId)
      .forUpdate()
      .executeTakeFirst();
    if (!bill) refuse('bill.unknown', `no bill ${billId}`);
    if (bill.status === 'paid' && bill.paid_idempotency_key === idempotencyKey)
      return summary(tx, bill.id, 'paid');
    if (bill.status !== 'approved')
      refuse('bill.status', `bill ${billId} is ${bill.status}; only an approved bill can be paid`);
    await sql`SELECT pg_advisory_xact_lock(${PROGRAMME_LOCK}, hashtext(${bill.programme_id}))`.execute(
      tx,
    );
    if ((await ledgerPosition(tx, bill.programme_id)) !== String(bill.ledger_position)) {
      refuse('bill.stale', `bill ${billId} was drafted before later payments; draft it again`);
    }
    await tx
      .updateTable('bills')
      .set({
        status: 'paid',
        paid_idempotency_key: idempotencyKey,
        decided_by: actor.id,
        decided_at: new Date(),
      })
      .where('id', '=', billId)
      .execute();
    await sql`INSERT INTO ledger_entries (programme_id, bill_id, participant_id, outcome_id, amount_cents, created_by)
      SELECT ${bill.programme_id}, bill_id, participant_id, outcome_id, amount_cents, ${actor.id}
      FROM bill_lines WHERE bill_id = ${billId} ORDER BY participant_id, outcome_id`.execute(tx);
    const totalCents = centsFromInteger(bill.total_cents, 'bill total');
    const entered = await ledgerOfBill(tx, billId);
    invariant(
      entered === totalCents,
      'ledger.bill_total',
      () =>
        `bill ${billId} totals ${formatCents(totalCents)} but ${formatCents(entered)} entered the ledger`,
    );
    await appendAudit(tx, {
      actor: actor.id,
      action: 'pay',
      entity: 'bill',
      entityId: billId,
      reason: `payment of the bill for the period ending ${bill.period_end}`,
      data: { total_cents: totalCents, idempotency_key: idempotencyKey },
    });
    return summary(tx, billId, 'paid');
  });
}

async function summary(
  tx: Transaction<Database>,
  billId: string,
  status: BillStatus,
): Promise<BillSummary> {
  const stored = await storedLines(tx, billId);
  const { held_participants: held } = await tx
    .selectFrom('bills')
    .select('held_participants')
    .where('id', '=', billId)
    .executeTakeFirstOrThrow();
  return { id: billId, status, totalCents: stored.total, lines: stored.lines, held };
}

/** The count and sum of a bill's lines as stored. */
async function storedLines(
  tx: Transaction<Database>,
  billId: string,
): Promise<{ total: Cents; lines: number }> {
  const row = await tx
    .selectFrom('bill_lines')
    .select((eb) => [
      eb.fn.countAll<string>().as('lines'),
      eb.fn.sum<string>('amount_cents').as('total'),
    ])
    .where('bill_id', '=', billId)
    .executeTakeFirstOrThrow();
  // SUM over no lines is NULL: a bill with no lines totals zero.
  return {
    total: centsFromInteger(row.total ?? '0', 'bill lines total'),
    lines: Number(row.lines),
  };
}

/** What a bill's payment put in the ledger. */
async function ledgerOfBill(tx: Transaction<Database>, billId: string): Promise<Cents> {
  const row = await tx
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<string>('amount_cents').as('total'))
    .where('bill_id', '=', billId)
    .executeTakeFirstOrThrow();
  return centsFromInteger(row.total ?? '0', 'ledger total of a bill');
}

/** What the ledger has paid in total for a programme. */
export async function ledgerTotal(store: Store, programmeId: string): Promise<Cents> {
  const row = await store.db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<string>('amount_cents').as('total'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  // SUM over no entries is NULL: an empty ledger has paid nothing.
  return centsFromInteger(row?.total ?? '0', 'ledger total');
}
