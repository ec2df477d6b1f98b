/**
 * The participant search behind the web app's list: a page of a programme's participants,
 * by id prefix, provider, segment, eligibility and outcome status, fast on a million
 * participants. Two ways to choose a page's ids:
 *
 * - by id prefix and provider only: straight from the participants table, keyset by id in
 *   byte order on the indexes of migration 0013, so a page is a short index scan and a
 *   participant imported a moment ago is found;
 * - with segment, eligibility or status: from the latest run's standings held in memory
 *   (participant-standings.ts), a scan of typed arrays from the cursor on.
 *
 * Either way the page's rows are then read under row-level security in the caller's scope
 * (a provider only its own), with each one's segment, eligibility and achievements in the
 * latest run, so a page never shows what the caller may not see, even if a filter forgot
 * the scope.
 *
 *   searchParticipants(store, 'demo', scope, { q: 'P00', status: 'capped' }, { limit: 50 })
 *   → { run: { id: '1', asOf: '2020-06-30', … }, participants: [...], next: 'P000731' }
 */
import { sql } from 'kysely';
import { type Cents, centsFromInteger } from '../domain/money.js';
import { STATUSES, type Status } from '../domain/payment-status.js';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import {
  latestSucceededRun,
  lowerBound,
  runContract,
  type Standings,
  type StandingsRun,
  standingsOf,
} from './participant-standings.js';
import type { ProviderScope } from './provider-scope.js';
import { type EnrolledRow, standingOfRow } from './run-reading.js';

/** What an outcome's status may be asked for: achieved or not, any cut by a cap, or exactly. */
export const STATUS_FILTERS = ['achieved', 'not_achieved', 'capped', ...STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface SearchFilters {
  /** The start of the participant id, as typed (case matters: ids are compared as text). */
  readonly q?: string | undefined;
  readonly provider?: string | undefined;
  readonly segment?: string | undefined;
  readonly eligible?: boolean | undefined;
  /** The outcome `status` is about; any outcome when absent. */
  readonly outcome?: string | undefined;
  /** `not_achieved` with no outcome: achieved nothing. Defaults to achieved with an outcome. */
  readonly status?: StatusFilter | undefined;
}

export interface SearchPage {
  /** The `next` of the page before. */
  readonly after?: string | undefined;
  readonly limit: number;
}

export interface FoundParticipant {
  readonly participantId: string;
  readonly providerId: string;
  readonly enrolledOn: string;
  /** Enrolled by the latest run's as-of day; the fields below are that run's. */
  readonly inRun: boolean;
  readonly segment: string | null;
  readonly eligible: boolean | null;
  readonly achievements: readonly {
    readonly outcomeId: string;
    readonly status: string;
    readonly amountCents: Cents;
  }[];
}

/** What the filters can be set to, and the currency amounts are in. */
export interface SearchFacets {
  /** The caller's providers in the programme: every one, or a provider itself. */
  readonly providers: readonly { readonly id: string; readonly name: string }[];
  /** From the contract the latest run evaluated (or the one in force before any run). */
  readonly segments: readonly string[];
  readonly outcomes: readonly string[];
  readonly currency: string | null;
}

export interface SearchAnswer {
  /** The run segment, eligibility and statuses are from; null before any run succeeded. */
  readonly run: StandingsRun | null;
  readonly facets: SearchFacets;
  readonly participants: readonly FoundParticipant[];
  /** The cursor of the next page, or null after the last one. */
  readonly next: string | null;
}

export async function searchParticipants(
  store: Store,
  programmeId: string,
  scope: ProviderScope,
  filters: SearchFilters,
  page: SearchPage,
): Promise<SearchAnswer> {
  const run = await latestSucceededRun(store, programmeId);
  const wanted = { ...filters, provider: scope.providerId ?? filters.provider };
  const byRun =
    wanted.segment !== undefined ||
    wanted.eligible !== undefined ||
    wanted.status !== undefined ||
    wanted.outcome !== undefined;
  const facets = facetsOf(store, programmeId, scope, run);
  // Awaited below; until then a failure must not count as unhandled.
  facets.catch(() => undefined);
  if (byRun && run === null) return { run, facets: await facets, participants: [], next: null };
  // Ids from the run's standings are chosen first; by prefix and provider, in the query.
  const chosen =
    byRun && run !== null
      ? chooseFromStandings(await standingsOf(store, programmeId, run), wanted, page)
      : null;
  const [found, facetsRead] = await Promise.all([
    readPage(store, programmeId, scope, run, chosen?.ids ?? { filters: wanted, page }),
    facets,
  ]);
  return {
    run,
    facets: facetsRead,
    participants: found.participants,
    next: chosen ? chosen.next : found.next,
  };
}

async function facetsOf(
  store: Store,
  programmeId: string,
  scope: ProviderScope,
  run: StandingsRun | null,
): Promise<SearchFacets> {
  let providers = store.db
    .selectFrom('programme_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.programme_id', '=', programmeId)
    .where('o.kind', '=', 'provider')
    .orderBy('o.id');
  if (scope.providerId !== undefined) providers = providers.where('o.id', '=', scope.providerId);
  const version = run?.contractVersion ?? (await inForceVersionOf(store, programmeId));
  const contract = version === null ? null : await runContract(store, programmeId, version);
  return {
    providers: await providers.execute(),
    segments: contract?.segments.map((s) => s.id) ?? [],
    outcomes: contract?.versions[0]?.outcomes.map((o) => o.id) ?? [],
    currency: contract?.currency ?? null,
  };
}

async function inForceVersionOf(store: Store, programmeId: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('contract_versions')
    .select('version')
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'in_force')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version ?? null;
}

interface Chosen {
  readonly ids: readonly string[];
  readonly next: string | null;
}

/** Ids passing every filter, scanned from the cursor in the standings' order. */
function chooseFromStandings(s: Standings, filters: SearchFilters, page: SearchPage): Chosen {
  const pass = participantTest(s, filters);
  if (pass === null) return { ids: [], next: null };
  let from = 0;
  let to = s.ids.length;
  if (filters.q) {
    from = lowerBound(s.ids, filters.q);
    const end = prefixEnd(filters.q);
    if (end !== null) to = lowerBound(s.ids, end);
  }
  if (page.after !== undefined) {
    const at = lowerBound(s.ids, page.after);
    from = Math.max(from, s.ids[at] === page.after ? at + 1 : at);
  }
  const ids: string[] = [];
  for (let i = from; i < to && ids.length <= page.limit; i++) {
    if (pass(i)) ids.push(s.ids[i] as string);
  }
  return pageOfIds(ids, page.limit);
}

/** A test of participant i against the filters; null when none can pass (an unknown name). */
function participantTest(s: Standings, f: SearchFilters): ((i: number) => boolean) | null {
  const provider = f.provider === undefined ? -1 : s.providers.indexOf(f.provider);
  const segment = f.segment === undefined ? -1 : s.segments.indexOf(f.segment);
  const outcome = f.outcome === undefined ? -1 : s.outcomes.indexOf(f.outcome);
  if (
    (f.provider !== undefined && provider < 0) ||
    (f.segment !== undefined && segment < 0) ||
    (f.outcome !== undefined && outcome < 0)
  )
    return null;
  const eligible = f.eligible === undefined ? -1 : f.eligible ? 1 : 0;
  const statusOk = statusTest(
    s,
    outcome,
    f.status ?? (f.outcome === undefined ? undefined : 'achieved'),
  );
  return (i) =>
    (provider < 0 || s.provider[i] === provider) &&
    (segment < 0 || s.segment[i] === segment) &&
    (eligible < 0 || s.eligible[i] === eligible) &&
    (statusOk === null || statusOk(i));
}

/** Status codes in the standings: 0 not achieved, else 1 + the index in STATUSES. */
const CAPPED_CODES = new Set(
  (['partially_capped', 'capped_volume', 'capped_participant', 'capped_total'] as const).map(
    (s) => STATUSES.indexOf(s) + 1,
  ),
);

function statusTest(
  s: Standings,
  outcome: number,
  status: StatusFilter | undefined,
): ((i: number) => boolean) | null {
  if (status === undefined) return null;
  const codeOk: (code: number) => boolean =
    status === 'achieved'
      ? (c) => c > 0
      : status === 'not_achieved'
        ? (c) => c === 0
        : status === 'capped'
          ? (c) => CAPPED_CODES.has(c)
          : (
              (exact) => (c: number) =>
                c === exact
            )(STATUSES.indexOf(status as Status) + 1);
  const k = s.outcomes.length;
  if (outcome >= 0) return (i) => codeOk(s.status[i * k + outcome] ?? 0);
  // Any outcome; "not achieved" with no outcome means achieved nothing at all.
  if (status === 'not_achieved') {
    return (i) => {
      for (let o = 0; o < k; o++) if ((s.status[i * k + o] ?? 0) !== 0) return false;
      return true;
    };
  }
  return (i) => {
    for (let o = 0; o < k; o++) if (codeOk(s.status[i * k + o] ?? 0)) return true;
    return false;
  };
}

/** The page of `ids` (read with `limit + 1`), its cursor the last id shown. */
function pageOfIds(ids: readonly string[], limit: number): Chosen {
  const shown = ids.slice(0, limit);
  return { ids: shown, next: ids.length > limit ? (shown.at(-1) ?? null) : null };
}

/**
 * The least text above every text starting with `prefix`, in byte order (which is code
 * point order): the prefix with its last character moved one up. Null when there is none.
 */
export function prefixEnd(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = (chars.pop() as string).codePointAt(0) as number;
    if (last < 0x10ffff) {
      // Code points D800–DFFF are not characters; the next after D7FF is E000.
      const next = last === 0xd7ff ? 0xe000 : last + 1;
      return chars.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}

type PageQuery = { readonly filters: SearchFilters; readonly page: SearchPage };

/**
 * The page's participants, read in the caller's scope in one transaction, with their
 * standing and achievements in the run: the ids chosen from the standings, or a keyset page
 * by prefix and provider in byte order (migration 0013's indexes).
 */
async function readPage(
  store: Store,
  programmeId: string,
  scope: ProviderScope,
  run: StandingsRun | null,
  which: readonly string[] | PageQuery,
): Promise<{ participants: FoundParticipant[]; next: string | null }> {
  const byIds = Array.isArray(which);
  if (byIds && which.length === 0) return { participants: [], next: null };
  const contract = run ? await runContract(store, programmeId, run.contractVersion) : null;
  const read = await withCaller(store.db, scope.organisationId, async (tx) => {
    let query = tx
      .selectFrom('participants')
      .select([
        'participant_id',
        'provider_id',
        sql<string>`CAST(enrolled_on AS text)`.as('enrolled_on'),
        sql<string | null>`CAST(birth_date AS text)`.as('birth_date'),
        'attributes',
      ])
      .where('programme_id', '=', programmeId);
    if (scope.providerId !== undefined) query = query.where('provider_id', '=', scope.providerId);
    let limit = 0;
    if (Array.isArray(which)) query = query.where('participant_id', 'in', [...which]);
    else {
      const { filters, page } = which as PageQuery;
      const byteOrder = sql<string>`participant_id COLLATE "C"`;
      limit = page.limit;
      query = query.orderBy(byteOrder).limit(page.limit + 1);
      if (filters.provider !== undefined) query = query.where('provider_id', '=', filters.provider);
      if (filters.q) {
        query = query.where(byteOrder, '>=', filters.q);
        const end = prefixEnd(filters.q);
        if (end !== null) query = query.where(byteOrder, '<', end);
      }
      if (page.after !== undefined) query = query.where(byteOrder, '>', page.after);
    }
    const rows = (await query.execute()) as EnrolledRow[];
    const shown = byIds ? rows : rows.slice(0, limit);
    const ids = shown.map((r) => r.participant_id);
    const achievements =
      run === null || ids.length === 0
        ? []
        : await tx
            .selectFrom('run_achievements')
            .select(['participant_id', 'outcome_id', 'status', 'amount_cents'])
            .where('run_id', '=', run.id)
            .where('participant_id', 'in', ids)
            .execute();
    const next = !byIds && rows.length > limit ? (shown.at(-1)?.participant_id ?? null) : null;
    return { rows: shown, achievements, next };
  });
  const order = Array.isArray(which) ? which : read.rows.map((r) => r.participant_id);
  const byId = new Map(read.rows.map((p) => [p.participant_id, p]));
  const outcomeOrder = contract?.versions[0]?.outcomes.map((o) => o.id) ?? [];
  const participants = order.flatMap((id): FoundParticipant[] => {
    const p = byId.get(id);
    if (!p) return [];
    const inRun = run !== null && p.enrolled_on <= run.asOf;
    const standing = contract && inRun ? standingOfRow(contract, p) : null;
    return [
      {
        participantId: p.participant_id,
        providerId: p.provider_id,
        enrolledOn: p.enrolled_on,
        inRun,
        segment: standing?.segment ?? null,
        eligible: standing?.eligible ?? null,
        achievements: read.achievements
          .filter((a) => a.participant_id === id)
          .sort((a, b) => outcomeOrder.indexOf(a.outcome_id) - outcomeOrder.indexOf(b.outcome_id))
          .map((a) => ({
            outcomeId: a.outcome_id,
            status: a.status,
            amountCents: centsFromInteger(a.amount_cents, 'achievement amount'),
          })),
      },
    ];
  });
  return { participants, next: read.next };
}
