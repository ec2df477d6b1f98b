/**
 * What a programme's latest succeeded run says about each participant, held in memory so
 * that the participant search can filter a million participants by segment, eligibility
 * and outcome status in a few milliseconds: none of these is a column the database could
 * index. Segment and eligibility are not stored; they are the contract's (spec §3) on the
 * attributes at enrolment, read with the domain's `standingOf` as `resulta explain` and the
 * dashboard do. Outcome statuses are the run's achievements.
 *
 * A run never changes once it has succeeded, so the standings are read once per run (the
 * first search that needs them waits; others share the reading) and replaced when a newer
 * run succeeds. The reading costs one scan of the programme's participants and one of the
 * run's achievements, in batches so that no single answer holds them all.
 *
 * The standings are the whole programme's: the search narrows them to the caller's scope
 * and then reads the page's rows under row-level security (participant-search.ts).
 */
import { sql } from 'kysely';
import type { Contract } from '../domain/contract/contract.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { STATUSES } from '../domain/payment-status.js';
import type { Store } from '../store/database.js';
import { forEachAchieved, forEachEnrolled, standingOfRow } from './run-reading.js';

/** The run the standings are from. */
export interface StandingsRun {
  readonly id: string;
  readonly asOf: string;
  readonly contractVersion: number;
}

export interface Standings {
  readonly run: StandingsRun;
  readonly contract: Contract;
  /** Participant ids enrolled by the run's as-of day, in `compareIds` order. */
  readonly ids: readonly string[];
  /** Provider ids; `provider` indexes this. */
  readonly providers: readonly string[];
  readonly provider: Int32Array;
  /** Segment ids in contract order; `segment` indexes this, -1 for none. */
  readonly segments: readonly string[];
  readonly segment: Int16Array;
  /** 1 when eligible. */
  readonly eligible: Uint8Array;
  /** Outcome ids in contract order. */
  readonly outcomes: readonly string[];
  /**
   * Participant i's status on outcome k at `i * outcomes.length + k`: 0 when not achieved,
   * else 1 + its index in STATUSES.
   */
  readonly status: Uint8Array;
}

/** The order of ids in the standings (UTF-16 code units, as JavaScript compares strings). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position in `ids` (sorted by compareIds) whose id is not below `id`. */
export function lowerBound(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Standings of the latest run of each programme read so far, by programme id. */
const kept = new Map<string, { runId: string; standings: Promise<Standings> }>();

/** The latest succeeded run of the programme, or null before any. */
export async function latestSucceededRun(
  store: Store,
  programmeId: string,
): Promise<StandingsRun | null> {
  const run = await store.db
    .selectFrom('evaluation_runs')
    .select(['id', sql<string>`CAST(as_of AS text)`.as('as_of'), 'contract_version'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run
    ? { id: String(run.id), asOf: run.as_of, contractVersion: run.contract_version }
    : null;
}

/** The standings of `run` (the programme's latest), read once per run. */
export function standingsOf(
  store: Store,
  programmeId: string,
  run: StandingsRun,
): Promise<Standings> {
  const hit = kept.get(programmeId);
  if (hit && hit.runId === run.id) return hit.standings;
  const standings = readStandings(store, programmeId, run);
  kept.set(programmeId, { runId: run.id, standings });
  // A failed reading is not kept: the next search tries again.
  standings.catch(() => {
    if (kept.get(programmeId)?.standings === standings) kept.delete(programmeId);
  });
  return standings;
}

/** Parsed contract versions, by programme and version (a stored version never changes). */
const contracts = new Map<string, Promise<Contract>>();

/** The contract version a run evaluated, parsed once. */
export function runContract(store: Store, programmeId: string, version: number): Promise<Contract> {
  const key = `${programmeId}/${version}`;
  let found = contracts.get(key);
  if (!found) {
    found = store.db
      .selectFrom('contract_versions')
      .select('yaml')
      .where('programme_id', '=', programmeId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow()
      .then((row) => {
        const contract = parseContract(row.yaml).contract;
        if (!contract) throw new Error(`stored contract ${key} does not parse`);
        return contract;
      });
    contracts.set(key, found);
    found.catch(() => contracts.delete(key));
  }
  return found;
}

async function readStandings(
  store: Store,
  programmeId: string,
  run: StandingsRun,
): Promise<Standings> {
  const contract = await runContract(store, programmeId, run.contractVersion);
  const segments = contract.segments.map((s) => s.id);
  const outcomes = contract.versions[0]?.outcomes.map((o) => o.id) ?? [];
  const rows = await enrolledRows(store, programmeId, run.asOf, contract, segments);
  rows.sort((a, b) => compareIds(a.id, b.id));
  const n = rows.length;
  const providers = [...new Set(rows.map((r) => r.provider))].sort();
  const providerIndex = new Map(providers.map((p, i) => [p, i]));
  const ids = rows.map((r) => r.id);
  const provider = new Int32Array(n);
  const segment = new Int16Array(n);
  const eligible = new Uint8Array(n);
  rows.forEach((r, i) => {
    provider[i] = providerIndex.get(r.provider) ?? 0;
    segment[i] = r.segment;
    eligible[i] = r.eligible ? 1 : 0;
  });
  const status = await achievementStatuses(store, run.id, ids, outcomes);
  return { run, contract, ids, providers, provider, segments, segment, eligible, outcomes, status };
}

interface ReadRow {
  readonly id: string;
  readonly provider: string;
  readonly segment: number;
  readonly eligible: boolean;
}

/** The participants the run saw (enrolled by its as-of day). */
async function enrolledRows(
  store: Store,
  programmeId: string,
  asOf: string,
  contract: Contract,
  segments: readonly string[],
): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  await forEachEnrolled(store, programmeId, asOf, (row) => {
    const standing = standingOfRow(contract, row);
    out.push({
      id: row.participant_id,
      provider: row.provider_id,
      segment: standing.segment === null ? -1 : segments.indexOf(standing.segment),
      eligible: standing.eligible,
    });
  });
  return out;
}

/** Each participant's status per outcome in the run. */
async function achievementStatuses(
  store: Store,
  runId: string,
  ids: readonly string[],
  outcomes: readonly string[],
): Promise<Uint8Array> {
  const k = outcomes.length;
  const status = new Uint8Array(ids.length * k);
  const outcomeIndex = new Map(outcomes.map((o, i) => [o, i]));
  const statusCode = new Map<string, number>(STATUSES.map((s, i) => [s, i + 1]));
  await forEachAchieved(store, runId, (a) => {
    const i = lowerBound(ids, a.participant_id);
    const o = outcomeIndex.get(a.outcome_id);
    // An achievement of someone enrolled later than the as-of day cannot be; one of an
    // outcome the first version lacks neither (versions keep their outcomes).
    if (ids[i] !== a.participant_id || o === undefined) return;
    status[i * k + o] = statusCode.get(a.status) ?? 0;
  });
  return status;
}
