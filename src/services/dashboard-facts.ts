/**
 * What the dashboard's charts are drawn from: the latest succeeded run of a programme read
 * once into compact columns (each participant's provider, segment and enrolment month; each
 * achievement's participant, outcome, month, amount and status), so that any combination of
 * filters is one pass over arrays (dashboard-figures.ts) rather than a query per chart.
 *
 * A run never changes once it has succeeded, so its facts are kept per run id and read again
 * only when a newer run succeeds; the reading is shared by requests that arrive while it is
 * under way. The first reading costs one scan of the programme's participants and of the
 * run's achievements; later ones nothing.
 *
 * Segments are not stored: each participant's segment is the contract's (spec §3, the first
 * segment whose `when` holds on the attributes at enrolment), read as run-reading.ts reads it.
 */

import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { centsFromInteger } from '../domain/money.js';
import { STATUSES } from '../domain/payment-status.js';
import type { Store } from '../store/database.js';
import {
  type EnrolledRow,
  forEachAchieved,
  forEachEnrolled,
  standingOfRow,
} from './run-reading.js';

export interface DashboardFacts {
  readonly programmeId: string;
  readonly contract: Contract;
  readonly run: { readonly id: string; readonly asOf: string; readonly version: number } | null;
  /** Provider ids, sorted; participants' `provider` indexes this. */
  readonly providers: readonly string[];
  readonly providerNames: ReadonlyMap<string, string>;
  /** Segment ids in contract order, then '' for participants in none. */
  readonly segments: readonly string[];
  /** `YYYY-MM`, sorted; participants' `cohort` and achievements' `month` index this. */
  readonly months: readonly string[];
  readonly participants: {
    readonly count: number;
    readonly provider: Int32Array;
    readonly segment: Int32Array;
    readonly cohort: Int32Array;
  };
  /** Outcome ids in contract order; achievements' `outcome` indexes this. */
  readonly outcomes: readonly string[];
  readonly achievements: {
    readonly count: number;
    readonly participant: Int32Array;
    readonly outcome: Int32Array;
    readonly month: Int32Array;
    /** Cents (every amount is below 2^53 cents). */
    readonly amount: Float64Array;
    /** Index into STATUSES. */
    readonly status: Uint8Array;
  };
  /** Paid bills, by period end: what the ledger paid for each. */
  readonly paidBills: readonly { readonly periodEnd: string; readonly cents: number }[];
}

type Kept = Map<string, { runId: string; facts: Promise<DashboardFacts>; read: boolean }>;

/** Facts of the latest run of each programme read so far, per store, by programme id. */
const keptByStore = new WeakMap<Store, Kept>();

function keptOf(store: Store): Kept {
  let kept = keptByStore.get(store);
  if (!kept) {
    kept = new Map();
    keptByStore.set(store, kept);
  }
  return kept;
}

/** The facts of the programme's latest succeeded run (or of none), read once per run. */
export async function dashboardFacts(store: Store, programmeId: string): Promise<DashboardFacts> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['id', 'as_of', 'contract_version'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const runId = run?.id ?? null;
  const kept = keptOf(store);
  const hit = kept.get(programmeId);
  // Without a run the counts move with every import: those facts are never kept.
  if (hit && runId !== null && hit.runId === runId) return withPaidBills(store, await hit.facts);
  const facts = readFacts(store, programmeId, run ?? null);
  if (runId !== null) {
    const entry = { runId, facts, read: false };
    kept.set(programmeId, entry);
    facts.then(
      () => {
        entry.read = true;
      },
      () => kept.delete(programmeId),
    );
  }
  return withPaidBills(store, await facts);
}

/** The run whose facts are read and held for the programme, if any. */
export function runOfFactsHeld(store: Store, programmeId: string): string | null {
  const entry = keptOf(store).get(programmeId);
  return entry?.read ? entry.runId : null;
}

/** The programmes with a succeeded run, whose dashboards have facts to read ahead. */
export async function programmesWithRuns(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('evaluation_runs')
    .select('programme_id')
    .distinct()
    .where('status', '=', 'succeeded')
    .orderBy('programme_id')
    .execute();
  return rows.map((r) => r.programme_id);
}

type RunRow = { id: string; as_of: string; contract_version: number };

async function readFacts(
  store: Store,
  programmeId: string,
  run: RunRow | null,
): Promise<DashboardFacts> {
  const contract = await contractOf(store, programmeId, run?.contract_version);
  const providerRows = await store.db
    .selectFrom('programme_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.programme_id', '=', programmeId)
    .where('o.kind', '=', 'provider')
    .execute();
  const segments = [...contract.segments.map((s) => s.id), ''];
  const outcomes = contract.versions[0]?.outcomes.map((o) => o.id) ?? [];
  // Read a batch at a time, each row reduced to numbers as it comes: holding a million
  // participants and a few million achievements as row objects would take gigabytes.
  // Providers and months get their final (sorted) indexes once everything is read.
  const providerSeen = new Seen(providerRows.map((p) => p.id));
  const monthSeen = new Seen([]);
  const participantIndex = new Map<string, number>();
  const p = { provider: [] as number[], segment: [] as number[], cohort: [] as number[] };
  await forEachEnrolled(store, programmeId, run?.as_of, (r) => {
    participantIndex.set(r.participant_id, p.provider.length);
    p.provider.push(providerSeen.id(r.provider_id));
    p.cohort.push(monthSeen.id(r.enrolled_on.slice(0, 7)));
    p.segment.push(segmentOf(contract, segments, r));
  });
  const outcomeIndex = new Map(outcomes.map((o, i) => [o, i]));
  const statusIndex = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
  const a = {
    participant: [] as number[],
    outcome: [] as number[],
    month: [] as number[],
    amount: [] as number[],
    status: [] as number[],
  };
  if (run)
    await forEachAchieved(store, run.id, (row) => {
      const participant = participantIndex.get(row.participant_id);
      if (participant === undefined) return;
      a.participant.push(participant);
      a.outcome.push(outcomeIndex.get(row.outcome_id) ?? 0);
      a.month.push(monthSeen.id(row.achieved_on.slice(0, 7)));
      a.amount.push(centsFromInteger(row.amount_cents, 'achievement amount'));
      a.status.push(statusIndex.get(row.status) ?? 0);
    });
  const providers = providerSeen.sorted();
  const months = monthSeen.sorted();
  return {
    programmeId,
    contract,
    run: run ? { id: run.id, asOf: run.as_of, version: run.contract_version } : null,
    providers,
    providerNames: new Map(providerRows.map((row) => [row.id, row.name])),
    segments,
    months,
    participants: {
      count: p.provider.length,
      provider: Int32Array.from(p.provider, providerSeen.toSorted),
      segment: Int32Array.from(p.segment),
      cohort: Int32Array.from(p.cohort, monthSeen.toSorted),
    },
    outcomes,
    achievements: {
      count: a.participant.length,
      participant: Int32Array.from(a.participant),
      outcome: Int32Array.from(a.outcome),
      month: Int32Array.from(a.month, monthSeen.toSorted),
      amount: Float64Array.from(a.amount),
      status: Uint8Array.from(a.status),
    },
    paidBills: [],
  };
}

/** Distinct values numbered as they are first seen, renumbered in sorted order at the end. */
class Seen {
  private readonly ids = new Map<string, number>();
  private order: Int32Array | null = null;

  constructor(initial: readonly string[]) {
    for (const value of initial) this.id(value);
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  /** The values, sorted; after this, `toSorted` maps a first-seen number to its position. */
  sorted(): string[] {
    const values = [...this.ids.keys()].sort();
    this.order = new Int32Array(values.length);
    values.forEach((value, position) => {
      (this.order as Int32Array)[this.ids.get(value) as number] = position;
    });
    return values;
  }

  readonly toSorted = (id: number): number => this.order?.[id] ?? 0;
}

/** The contract a run evaluated (or, without a run, the one in force). */
async function contractOf(
  store: Store,
  programmeId: string,
  version: number | undefined,
): Promise<Contract> {
  let query = store.db
    .selectFrom('contract_versions')
    .select(['version', 'yaml'])
    .where('programme_id', '=', programmeId);
  query =
    version === undefined
      ? query.where('status', '=', 'in_force').orderBy('version', 'desc').limit(1)
      : query.where('version', '=', version);
  const row = await query.executeTakeFirstOrThrow();
  const contract = parseContract(row.yaml).contract;
  if (!contract) throw new Error(`stored contract ${programmeId}/${row.version} does not parse`);
  return contract;
}

/** The index in `segments` of the participant's segment; the last ('') for none. */
function segmentOf(contract: Contract, segments: readonly string[], row: EnrolledRow): number {
  const segment = standingOfRow(contract, row).segment;
  const index = segment === null ? -1 : segments.indexOf(segment);
  return index < 0 ? segments.length - 1 : index;
}

/** Paid bills change without a new run (a bill is paid): read each time, a few rows. */
async function withPaidBills(store: Store, facts: DashboardFacts): Promise<DashboardFacts> {
  const bills = await store.db
    .selectFrom('bills')
    .select(['period_end', 'total_cents'])
    .where('programme_id', '=', facts.programmeId)
    .where('status', '=', 'paid')
    .orderBy('period_end')
    .execute();
  return {
    ...facts,
    paidBills: bills.map((b) => ({
      periodEnd: b.period_end,
      cents: centsFromInteger(b.total_cents, 'bill total'),
    })),
  };
}
