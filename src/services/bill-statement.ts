/**
 * Gathers a bill statement (domain/bill-statement.ts): for one bill, and one provider or the
 * whole bill, its lines by outcome, adjustments, caps headroom, approvals and evidence.
 *
 * Who sees what follows the bill's own rules: the API admits funders, verifiers and
 * providers of the bill's programme (access.ts checks membership by the bill), and a
 * provider gets its own statement only — asking for another provider's, or for the whole
 * bill, is "not found", as a bill of another programme is. The lines are read as the caller
 * (store/caller-scope.ts), so row-level security fences a provider to its own participants
 * even if this code forgot to; bill-level facts (the bill, its run and contract, the caps,
 * the audit entries of its approvals) are the programme's and read as such.
 */
import { sql, type Transaction } from 'kysely';
import {
  type Approval,
  type BillStatement,
  type CapHeadroom,
  type ProviderTotal,
  type StatementAction,
  type StatementAdjustment,
  type StatementGroup,
  statementTotals,
} from '../domain/bill-statement.js';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { versionOn } from '../domain/contract/versions.js';
import { addDays, type LocalDate } from '../domain/local-date.js';
import { centsFromInteger, maxCents, subtract, ZERO } from '../domain/money.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import type { ProviderScope } from './provider-scope.js';

/** The statement of bill `billId` for `provider` (all providers when absent); null: not found. */
export async function billStatement(
  store: Store,
  programmeId: string,
  billId: string,
  scope: ProviderScope,
  provider?: string,
): Promise<BillStatement | null> {
  // A provider sees its own statement and nothing else.
  if (scope.providerId !== undefined && provider !== undefined && provider !== scope.providerId)
    return null;
  const providerId = scope.providerId ?? provider;
  const bill = await billFacts(store, programmeId, billId);
  if (!bill) return null;
  const named = providerId === undefined ? null : await providerOf(store, programmeId, providerId);
  if (providerId !== undefined && !named) return null;
  const contract = await runContract(store, programmeId, bill.contract_version);
  const lines = await withCaller(store.db, scope.organisationId, (tx) =>
    statementLines(tx, programmeId, billId, providerId, bill.held_participants),
  );
  const order = outcomeOrder(contract);
  const asOf = bill.as_of as LocalDate;
  return {
    programme: { id: programmeId, title: bill.title },
    currency: contract.currency,
    bill: {
      id: billId,
      status: bill.status,
      periodStart: await periodStart(store, programmeId, bill, contract),
      periodEnd: bill.period_end as LocalDate,
    },
    provider: named,
    payments: lines.payments.sort(order),
    adjustments: lines.adjustments.sort(
      (a, b) => order(a, b) || (a.correction ?? 0) - (b.correction ?? 0),
    ),
    byProvider: await withNames(store, lines.byProvider),
    totals: statementTotals(
      lines.payments,
      lines.adjustments,
      lines.participants,
      // The whole bill's lines must add up to the bill as drafted.
      named ? undefined : centsFromInteger(bill.total_cents, 'bill total'),
    ),
    held: lines.held,
    caps: { asOf, lines: await capHeadroom(store, contract, bill.run_id, asOf, bill.paid_cents) },
    approvals: await approvals(store, billId),
    evidence: {
      runId: String(bill.run_id),
      asOf,
      contractVersion: bill.contract_version,
      packSha256: (bill.outputs as { pack?: string } | null)?.pack ?? '',
    },
  };
}

async function billFacts(store: Store, programmeId: string, billId: string) {
  return store.db
    .selectFrom('bills as b')
    .innerJoin('evaluation_runs as r', 'r.id', 'b.run_id')
    .innerJoin('programmes as g', 'g.id', 'b.programme_id')
    .select([
      'b.status',
      'b.total_cents',
      'b.created_at',
      'b.held_participants',
      'b.run_id',
      'r.contract_version',
      'r.outputs',
      'r.paid_cents',
      'g.title',
      sql<string>`CAST(b.period_end AS text)`.as('period_end'),
      sql<string>`CAST(r.as_of AS text)`.as('as_of'),
    ])
    .where('b.id', '=', billId)
    .where('b.programme_id', '=', programmeId)
    .executeTakeFirst();
}

type BillFacts = NonNullable<Awaited<ReturnType<typeof billFacts>>>;

/** A provider taking part in the programme, with its name; null for any other id. */
async function providerOf(
  store: Store,
  programmeId: string,
  providerId: string,
): Promise<{ id: string; name: string } | null> {
  const row = await store.db
    .selectFrom('programme_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.programme_id', '=', programmeId)
    .where('m.organisation_id', '=', providerId)
    .where('o.kind', '=', 'provider')
    .executeTakeFirst();
  return row ?? null;
}

/** The contract version the bill's run evaluated, as parsed. */
async function runContract(store: Store, programmeId: string, version: number): Promise<Contract> {
  const row = await store.db
    .selectFrom('contract_versions')
    .select('yaml')
    .where('programme_id', '=', programmeId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const { contract } = parseContract(row.yaml);
  // A version is stored only once it parses: one that no longer does is Resulta's own fault.
  if (!contract) throw new Error(`contract version ${version} of ${programmeId} does not parse`);
  return contract;
}

interface Lines {
  payments: StatementGroup[];
  adjustments: StatementAdjustment[];
  byProvider: ProviderTotal[];
  participants: number;
  held: number;
}

/** The bill's lines for the provider (all when undefined), grouped, as the caller sees them. */
async function statementLines(
  tx: Transaction<Database>,
  programmeId: string,
  billId: string,
  providerId: string | undefined,
  held: readonly string[],
): Promise<Lines> {
  const lines = () => {
    const query = tx
      .selectFrom('bill_lines as l')
      .innerJoin('participants as p', (join) =>
        join
          .onRef('p.participant_id', '=', 'l.participant_id')
          .on('p.programme_id', '=', programmeId),
      )
      .where('l.bill_id', '=', billId);
    return providerId === undefined ? query : query.where('p.provider_id', '=', providerId);
  };
  const groups = await lines()
    .select((eb) => [
      'l.outcome_id',
      'l.kind',
      'l.correction_version',
      eb.fn.count<string>('l.participant_id').distinct().as('participants'),
      eb.fn.countAll<string>().as('lines'),
      eb.fn.sum<string>('l.amount_cents').as('total'),
    ])
    .groupBy(['l.outcome_id', 'l.kind', 'l.correction_version'])
    .execute();
  const everyone = await lines()
    .select((eb) => eb.fn.count<string>('l.participant_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const group = (g: (typeof groups)[number]): StatementGroup => ({
    outcomeId: g.outcome_id,
    participants: Number(g.participants),
    lines: Number(g.lines),
    // Each group has at least one line, so its SUM is never NULL.
    amount: centsFromInteger(g.total, 'statement group total'),
  });
  return {
    payments: groups.filter((g) => g.kind === 'payment').map(group),
    adjustments: groups
      .filter((g) => g.kind === 'adjustment')
      .map((g) => ({ ...group(g), correction: g.correction_version })),
    byProvider: providerId === undefined ? await providerTotals(tx, programmeId, billId) : [],
    participants: Number(everyone.n),
    held: await heldCount(tx, programmeId, providerId, held),
  };
}

/** The whole bill per provider, without names (organisations are not the caller's to read). */
async function providerTotals(
  tx: Transaction<Database>,
  programmeId: string,
  billId: string,
): Promise<ProviderTotal[]> {
  const rows = await tx
    .selectFrom('bill_lines as l')
    .innerJoin('participants as p', (join) =>
      join
        .onRef('p.participant_id', '=', 'l.participant_id')
        .on('p.programme_id', '=', programmeId),
    )
    .select((eb) => [
      'p.provider_id',
      eb.fn.count<string>('l.participant_id').distinct().as('participants'),
      eb.fn.sum<string>('l.amount_cents').as('total'),
    ])
    .where('l.bill_id', '=', billId)
    .groupBy('p.provider_id')
    .orderBy('p.provider_id')
    .execute();
  return rows.map((r) => ({
    providerId: r.provider_id,
    name: r.provider_id,
    participants: Number(r.participants),
    amount: centsFromInteger(r.total, 'provider total'),
  }));
}

/** The providers' names, read as the programme (the caller's role may not read organisations). */
async function withNames(store: Store, totals: readonly ProviderTotal[]): Promise<ProviderTotal[]> {
  if (totals.length === 0) return [];
  const rows = await store.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      totals.map((t) => t.providerId),
    )
    .execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return totals.map((t) => ({ ...t, name: names.get(t.providerId) ?? t.providerId }));
}

/** How many of the bill's held participants are the provider's (all of them for the whole bill). */
async function heldCount(
  tx: Transaction<Database>,
  programmeId: string,
  providerId: string | undefined,
  held: readonly string[],
): Promise<number> {
  if (held.length === 0) return 0;
  if (providerId === undefined) return held.length;
  const row = await tx
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_id', '=', programmeId)
    .where('provider_id', '=', providerId)
    .where('participant_id', 'in', [...held])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Outcomes in the contract's order; any other after them, by id. */
function outcomeOrder(contract: Contract) {
  const ids = (contract.versions[0]?.outcomes ?? []).map((o) => o.id);
  const rank = (id: string) => (ids.includes(id) ? ids.indexOf(id) : ids.length);
  return (a: { outcomeId: string }, b: { outcomeId: string }) =>
    rank(a.outcomeId) - rank(b.outcomeId) || a.outcomeId.localeCompare(b.outcomeId);
}

/**
 * The first day this bill pays for: the day after the period of the latest bill paid before
 * it was drafted, or the contract's first day. Null when that is after the period's end: the
 * bill then only adjusts periods already paid (late data, a correction).
 */
async function periodStart(
  store: Store,
  programmeId: string,
  bill: BillFacts,
  contract: Contract,
): Promise<LocalDate | null> {
  const before = await store.db
    .selectFrom('bills')
    .select(sql<string | null>`CAST(MAX(period_end) AS text)`.as('period_end'))
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'paid')
    .where('decided_at', '<', new Date(bill.created_at))
    .executeTakeFirst();
  const previous = before?.period_end ?? null;
  const start = previous === null ? contract.startsOn : addDays(previous as LocalDate, 1);
  return start <= bill.period_end ? start : null;
}

/**
 * The caps in force on the run's as-of day and what the run used of them, as the run's
 * summary.json computes headroom (domain/summary.ts): the total against what the run pays
 * in all, each volume cap against the achievements of its outcome paid more than nothing.
 */
async function capHeadroom(
  store: Store,
  contract: Contract,
  runId: string,
  asOf: LocalDate,
  paidCents: string | null,
): Promise<CapHeadroom[]> {
  const caps = versionOn(contract, asOf).caps;
  const lines: CapHeadroom[] = [];
  if (caps.total !== undefined) {
    const used = paidCents === null ? ZERO : centsFromInteger(paidCents, 'run paid');
    lines.push({
      kind: 'total',
      limit: caps.total,
      used,
      headroom: maxCents(ZERO, subtract(caps.total, used)),
    });
  }
  const volume = Object.entries(caps.volume);
  if (volume.length > 0) {
    const counts = await store.db
      .selectFrom('run_achievements')
      .select((eb) => ['outcome_id', eb.fn.countAll<string>().as('n')])
      .where('run_id', '=', runId)
      .where('amount_cents', '>', sql<string>`0`)
      .groupBy('outcome_id')
      .execute();
    const paid = new Map(counts.map((c) => [c.outcome_id, Number(c.n)]));
    for (const [outcomeId, limit] of volume) {
      const used = paid.get(outcomeId) ?? 0;
      lines.push({ kind: 'volume', outcomeId, limit, used, headroom: Math.max(0, limit - used) });
    }
  }
  if (caps.perParticipant !== undefined)
    lines.push({ kind: 'participant', limit: caps.perParticipant });
  return lines;
}

const ACTIONS: readonly string[] = ['draft', 'verify', 'approve', 'reject', 'pay'];

/** Every step of the bill from its draft, oldest first, from the audit log: who, when, why. */
async function approvals(store: Store, billId: string): Promise<Approval[]> {
  const rows = await store.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.email', 'a.actor')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['a.action', 'a.actor', 'a.at', 'a.reason', 'u.name', 'o.name as organisation'])
    .where('a.entity', '=', 'bill')
    .where('a.entity_id', '=', billId)
    .orderBy('a.id')
    .execute();
  return rows
    .filter((r) => ACTIONS.includes(r.action))
    .map((r) => ({
      action: r.action as StatementAction,
      by: r.name ?? r.actor,
      actor: r.actor,
      organisation: r.organisation,
      at: new Date(r.at),
      reason: r.reason,
    }));
}
