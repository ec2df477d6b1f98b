/**
 * One way to read what a run saw, for the services that hold a run in memory (the dashboard's
 * facts, the participants' standings): the participants enrolled by its as-of day and its
 * achievements, each a batch at a time by keyset, so that no answer holds a national
 * programme's rows at once; and each participant's standing (segment, eligibility) as the
 * contract gives it on the attributes at enrolment (spec §3), read with the domain's
 * `standingOf` as `resulta explain` does (segments and eligibility are not stored).
 */
import { sql } from 'kysely';
import type { Contract } from '../domain/contract/contract.js';
import { attributesOf, standingOf } from '../domain/explain/participant-standing.js';
import { parseLocalDate } from '../domain/local-date.js';
import type { Store } from '../store/database.js';

const BATCH = 20_000;

/** A participant row as the run readers read it. */
export interface EnrolledRow {
  readonly participant_id: string;
  readonly provider_id: string;
  readonly enrolled_on: string;
  readonly birth_date: string | null;
  readonly attributes: Readonly<Record<string, string>> | null;
}

/** An achievement row of a run. */
export interface AchievedRow {
  readonly participant_id: string;
  readonly outcome_id: string;
  readonly achieved_on: string;
  /** BIGINT as the driver gives it; read with centsFromInteger. */
  readonly amount_cents: unknown;
  readonly status: string;
}

/**
 * The programme's participants enrolled by `asOf` (all of them without it), in byte order of
 * their ids, a batch at a time.
 */
export async function forEachEnrolled(
  store: Store,
  programmeId: string,
  asOf: string | undefined,
  visit: (row: EnrolledRow) => void,
): Promise<void> {
  const byteOrder = sql<string>`participant_id COLLATE "C"`;
  let after: string | null = null;
  for (;;) {
    let query = store.db
      .selectFrom('participants')
      .select([
        'participant_id',
        'provider_id',
        sql<string>`CAST(enrolled_on AS text)`.as('enrolled_on'),
        sql<string | null>`CAST(birth_date AS text)`.as('birth_date'),
        'attributes',
      ])
      .where('programme_id', '=', programmeId)
      .orderBy(byteOrder)
      .limit(BATCH);
    if (asOf !== undefined) query = query.where('enrolled_on', '<=', asOf);
    if (after !== null) query = query.where(byteOrder, '>', after);
    const batch = (await query.execute()) as EnrolledRow[];
    for (const row of batch) visit(row);
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = last.participant_id;
  }
}

/** The run's achievements in the order of their primary key, a batch at a time. */
export async function forEachAchieved(
  store: Store,
  runId: string,
  visit: (row: AchievedRow) => void,
): Promise<void> {
  let after: { participant: string; outcome: string } | null = null;
  for (;;) {
    let query = store.db
      .selectFrom('run_achievements')
      .select([
        'participant_id',
        'outcome_id',
        sql<string>`CAST(achieved_on AS text)`.as('achieved_on'),
        'amount_cents',
        'status',
      ])
      .where('run_id', '=', runId)
      .orderBy('participant_id')
      .orderBy('outcome_id')
      .limit(BATCH * 2);
    if (after !== null) {
      const { participant, outcome } = after;
      query = query.where(
        sql<boolean>`(participant_id, outcome_id) > (${participant}, ${outcome})`,
      );
    }
    const batch = await query.execute();
    for (const row of batch) visit(row);
    const last = batch.at(-1);
    if (!last || batch.length < BATCH * 2) return;
    after = { participant: last.participant_id, outcome: last.outcome_id };
  }
}

/** Segment and eligibility of one participant, as the contract gives them. */
export function standingOfRow(
  contract: Contract,
  row: EnrolledRow,
): { readonly segment: string | null; readonly eligible: boolean } {
  const enrolled = parseLocalDate(row.enrolled_on);
  if (!enrolled) return { segment: null, eligible: false };
  const cells: Record<string, string> = { ...(row.attributes ?? {}), enrolled_on: row.enrolled_on };
  if (row.birth_date) cells.birth_date = row.birth_date;
  const standing = standingOf(contract, enrolled, attributesOf(cells));
  return { segment: standing.segment, eligible: standing.ineligibleBecause === null };
}
