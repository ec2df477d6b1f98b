/**
 * Bills and the payment ledger. A bill for a period pays, per participant and outcome, the
 * cumulative payable amount at the period's end minus what the ledger has already paid, so
 * late data or a reversed verification shows as an adjustment, never a silent change.
 * Workflow: draft → verified → approved → paid, or rejected with a reason. Paying appends
 * to the ledger once: the status change is a guarded update, ledger rows are unique per
 * bill and participant-outcome, a retry with the same idempotency key by the same caller
 * returns the first answer, and a bill drafted against an older ledger or contract is
 * refused. A period never ends before one already paid; lines that change a paid period are
 * adjustments, naming the correction of the contract that caused them, if one did.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { lineLabel, type OutstandingCorrection } from '../domain/bill-line-kind.js';
import { assertBillAddsUp, billLines } from '../domain/bill-lines.js';
import { invariant } from '../domain/invariant.js';
import { type LocalDate, parseLocalDate } from '../domain/local-date.js';
import { type Cents, centsFromInteger, formatCents, sumCents } from '../domain/money.js';
import { ProblemsError } from '../domain/problem.js';
import { appendAudit } from '../store/audit-log.js';
import type { Store } from '../store/database.js';
import type { BillStatus, Database } from '../store/schema.js';
import type { Actor } from './actor.js';
import { runEvaluation } from './evaluation-runs.js';
import { type PaidPeriod, paidPeriod } from './paid-period.js';
import { lockProgramme } from './programme-lock.js';
import { inForceVersion } from './programmes.js';
import { withoutHeld } from './shared-person-keys.js';

export interface BillSummary {
  readonly id: string;
  readonly status: BillStatus;
  readonly periodEnd: string;
  readonly totalCents: Cents;
  readonly lines: number;
  /** Lines changing a period already paid, and their sum. */
  readonly adjustments: { readonly lines: number; readonly totalCents: Cents };
  /** The adjustments caused by each correction of the contract the bill carries. */
  readonly corrections: readonly {
    readonly version: number;
    readonly lines: number;
    readonly totalCents: Cents;
  }[];
  /** Participants left out, their person key shared and undecided (shared-person-keys.ts). */
  readonly held: readonly string[];
}

/** The same Idempotency-Key, from the same caller, already paid another bill. */
export class PaymentKeyReused extends Error {
  constructor(readonly paidBill: string) {
    super(`this idempotency key paid bill ${paidBill}`);
    this.name = 'PaymentKeyReused';
  }
}

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

/**
 * Drafts the bill for a period: evaluates the programme as of its end, then bills per
 * participant-outcome what is payable minus what was paid. A period may end on the day the
 * latest paid one ended (late data) or later, never before: going back would claw back
 * everything achieved since, as lines nobody asked for.
 */
export async function draftBill(
  store: Store,
  actor: Actor,
  programmeId: string,
  periodEndText: string,
): Promise<BillSummary> {
  const periodEnd = parseLocalDate(periodEndText);
  if (!periodEnd)
    refuse('bill.period_end', `period end "${periodEndText}" must be a real day, YYYY-MM-DD`);
  // Checked before the run, which is the costly part, and again under the lock below.
  refuseBackwards(periodEnd, await paidPeriod(store.db, programmeId));
  const run = await runEvaluation(store, actor, programmeId, periodEnd);
  return store.db.transaction().execute(async (tx) => {
    await lockProgramme(tx, programmeId);
    const paid = await paidPeriod(tx, programmeId);
    refuseBackwards(periodEnd, paid);
    const position = await ledgerPosition(tx, programmeId);
    const corrections = await outstandingCorrections(tx, programmeId, run.runId, paid);
    const past = { paidThrough: paid?.paidThrough ?? null, corrections };
    const { lines, held } = await withoutHeld(
      tx,
      programmeId,
      await differences(tx, programmeId, run.runId, paid?.runId ?? null),
    );
    const drafted = billLines(
      lines.map((l) => ({
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
    const rows = drafted.lines.map((l, i) => {
      const facts = lines[i];
      invariant(
        facts?.participant_id === l.participantId && facts.outcome_id === l.outcomeId,
        'bill.line_order',
        () => `bill line ${i} is not the difference it was drafted from`,
      );
      const label = lineLabel(
        {
          previouslyPaid: l.previouslyPaid,
          achievedOn: facts.achieved_on as LocalDate | null,
          paidAchievedOn: facts.paid_achieved_on as LocalDate | null,
        },
        past,
      );
      return {
        bill_id: bill.id,
        participant_id: l.participantId,
        outcome_id: l.outcomeId,
        cumulative_cents: l.cumulative,
        previously_paid_cents: l.previouslyPaid,
        amount_cents: l.amount,
        kind: label.kind,
        correction_version: label.correction,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('bill_lines')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
    // Read back what was stored: the lines must add up to the bill before anyone sees it.
    assertBillAddsUp(bill.id, drafted, await storedLines(tx, bill.id));
    const summary = await billSummary(tx, bill.id);
    await appendAudit(tx, {
      actor: actor.id,
      action: 'draft',
      entity: 'bill',
      entityId: bill.id,
      reason: `bill for the period ending ${periodEnd}`,
      data: {
        run: run.runId,
        total_cents: total,
        lines: rows.length,
        adjustment_cents: summary.adjustments.totalCents,
        corrections: summary.corrections.map((c) => c.version),
        held: held.length,
      },
    });
    return summary;
  });
}

function refuseBackwards(periodEnd: LocalDate, paid: PaidPeriod | null): void {
  if (paid === null || periodEnd >= paid.paidThrough) return;
  refuse(
    'bill.period_before_paid',
    `the period cannot end on ${periodEnd}, before ${paid.paidThrough}, the end of the latest paid bill; bill a period ending on or after ${paid.paidThrough}`,
  );
}

interface Difference {
  participant_id: string;
  outcome_id: string;
  cumulative: string;
  paid: string;
  /** When achieved as of this run, and as of the run of the latest paid bill. */
  achieved_on: string | null;
  paid_achieved_on: string | null;
}

/** Per participant-outcome where the run's payable amount differs from what was paid. */
async function differences(
  tx: Transaction<Database>,
  programmeId: string,
  runId: string,
  paidRunId: string | null,
): Promise<Difference[]> {
  const result = await sql<Difference>`
    WITH payable AS (
      SELECT participant_id, outcome_id, amount_cents AS cumulative, achieved_on FROM run_achievements WHERE run_id = ${runId}
    ), paid AS (
      SELECT participant_id, outcome_id, SUM(amount_cents) AS paid FROM ledger_entries
      WHERE programme_id = ${programmeId} GROUP BY participant_id, outcome_id
    ), differing AS (
      SELECT COALESCE(p.participant_id, l.participant_id) AS participant_id, COALESCE(p.outcome_id, l.outcome_id) AS outcome_id,
        COALESCE(p.cumulative, 0) AS cumulative, COALESCE(l.paid, 0) AS paid, p.achieved_on
      FROM payable p FULL JOIN paid l ON l.participant_id = p.participant_id AND l.outcome_id = p.outcome_id
      WHERE COALESCE(p.cumulative, 0) <> COALESCE(l.paid, 0)
    )
    SELECT d.participant_id, d.outcome_id, CAST(d.cumulative AS text) AS cumulative, CAST(d.paid AS text) AS paid,
      CAST(d.achieved_on AS text) AS achieved_on, CAST(b.achieved_on AS text) AS paid_achieved_on
    FROM differing d LEFT JOIN run_achievements b
      ON b.run_id = ${paidRunId} AND b.participant_id = d.participant_id AND b.outcome_id = d.outcome_id
    ORDER BY 1, 2`.execute(tx);
  return result.rows;
}

/**
 * Corrections in force for this run that no paid bill has carried yet: approved after the
 * contract version of the latest paid bill, up to the version the run evaluated.
 */
async function outstandingCorrections(
  tx: Transaction<Database>,
  programmeId: string,
  runId: string,
  paid: PaidPeriod | null,
): Promise<OutstandingCorrection[]> {
  const run = await tx
    .selectFrom('evaluation_runs')
    .select('contract_version')
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  const rows = await tx
    .selectFrom('contract_versions')
    .select(['version', 'affects_from'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'in_force')
    .where('correction_reason', 'is not', null)
    .where('affects_from', 'is not', null)
    .where('version', '>', paid?.contractVersion ?? 0)
    .where('version', '<=', run.contract_version)
    .execute();
  return rows.map((r) => ({ version: r.version, affectsFrom: r.affects_from as LocalDate }));
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
 * Pays an approved bill: appends its lines to the ledger, once. The Idempotency-Key belongs
 * to its caller and names one bill: the same caller retrying with it on the same bill gets
 * the same answer; on another bill it is refused (PaymentKeyReused). Another caller's keys
 * are never looked at. Any other second attempt is refused.
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
    const used = await paymentKey(tx, actor, idempotencyKey);
    if (used !== null) {
      if (used === bill.id) return billSummary(tx, bill.id);
      throw new PaymentKeyReused(used);
    }
    if (bill.status !== 'approved')
      refuse('bill.status', `bill ${billId} is ${bill.status}; only an approved bill can be paid`);
    await lockProgramme(tx, bill.programme_id);
    if ((await ledgerPosition(tx, bill.programme_id)) !== String(bill.ledger_position)) {
      refuse('bill.stale', `bill ${billId} was drafted before later payments; draft it again`);
    }
    await refuseStaleContract(tx, bill);
    // Claimed before paying: a concurrent payment of another bill with the same key waits
    // here for this one and then finds the key taken.
    const claimed = await tx
      .insertInto('payment_keys')
      .values({ caller: actor.id, key: idempotencyKey, bill_id: billId })
      .onConflict((oc) => oc.columns(['caller', 'key']).doNothing())
      .returning('bill_id')
      .executeTakeFirst();
    if (!claimed) throw new PaymentKeyReused((await paymentKey(tx, actor, idempotencyKey)) ?? '?');
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
    return billSummary(tx, billId);
  });
}

/** The bill a caller's key paid, or null when this caller has not used it. */
async function paymentKey(
  tx: Transaction<Database>,
  actor: Actor,
  key: string,
): Promise<string | null> {
  const row = await tx
    .selectFrom('payment_keys')
    .select('bill_id')
    .where('caller', '=', actor.id)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.bill_id ?? null;
}

/** A bill pays under the contract version it was drafted with, which must still be in force. */
async function refuseStaleContract(
  tx: Transaction<Database>,
  bill: { id: string; run_id: string; programme_id: string },
): Promise<void> {
  const run = await tx
    .selectFrom('evaluation_runs')
    .select('contract_version')
    .where('id', '=', bill.run_id)
    .executeTakeFirstOrThrow();
  const inForce = await inForceVersion(tx, bill.programme_id);
  if (run.contract_version !== inForce)
    refuse(
      'bill.stale_contract',
      `bill ${bill.id} was drafted under contract version ${run.contract_version}; version ${inForce} is in force now; draft it again`,
    );
}

/** A bill as GET /bills/{id} shows it. */
export async function readBill(store: Store, billId: string): Promise<BillSummary> {
  return store.db.transaction().execute((tx) => billSummary(tx, billId));
}

/** A bill's status and period, its total and lines as stored, and its adjustments. */
async function billSummary(tx: Transaction<Database>, billId: string): Promise<BillSummary> {
  const bill = await tx
    .selectFrom('bills')
    .select(['status', 'held_participants', sql<string>`CAST(period_end AS text)`.as('period_end')])
    .where('id', '=', billId)
    .executeTakeFirstOrThrow();
  const groups = await tx
    .selectFrom('bill_lines')
    .select((eb) => [
      'kind',
      'correction_version',
      eb.fn.countAll<string>().as('lines'),
      eb.fn.sum<string>('amount_cents').as('total'),
    ])
    .where('bill_id', '=', billId)
    .groupBy(['kind', 'correction_version'])
    .orderBy('correction_version')
    .execute();
  const of = (g: (typeof groups)[number]) => ({
    lines: Number(g.lines),
    // Each group has at least one line, so its SUM is never NULL.
    totalCents: centsFromInteger(g.total, 'bill lines total'),
  });
  const adjustments = groups.filter((g) => g.kind === 'adjustment').map(of);
  const all = groups.map(of);
  const sum = (parts: { lines: number; totalCents: Cents }[]) => ({
    lines: parts.reduce((n, p) => n + p.lines, 0),
    totalCents: sumCents(parts.map((p) => p.totalCents)),
  });
  const total = sum(all);
  return {
    id: billId,
    status: bill.status,
    periodEnd: bill.period_end,
    totalCents: total.totalCents,
    lines: total.lines,
    adjustments: sum(adjustments),
    corrections: groups
      .filter((g) => g.correction_version !== null)
      .map((g) => ({ version: g.correction_version as number, ...of(g) })),
    held: bill.held_participants,
  };
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
