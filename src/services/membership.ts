/**
 * Who takes part in which programme: its funder, and the organisations listed in
 * `programme_members`. Runs, bills and verification samples belong to one programme each,
 * and the same membership decides who may see them. The API asks once per request, before
 * it reads anything else (src/api/access.ts).
 */
import type { Store } from '../store/database.js';

/** Things addressed by their own id that belong to one programme. */
export type ProgrammeThing = 'run' | 'bill' | 'sample';

const TABLES = {
  run: 'evaluation_runs',
  bill: 'bills',
  sample: 'verification_samples',
} as const satisfies Record<ProgrammeThing, string>;

/** True when the programme exists and the organisation funds it or is a member. */
export async function takesPart(
  store: Store,
  organisationId: string,
  programmeId: string,
): Promise<boolean> {
  const found = await store.db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb('funder_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('programme_members')
            .select('organisation_id')
            .whereRef('programme_members.programme_id', '=', 'programmes.id')
            .where('programme_members.organisation_id', '=', organisationId),
        ),
      ]),
    )
    .executeTakeFirst();
  return found !== undefined;
}

/**
 * The programme a run, bill or sample belongs to; null when there is no such thing. Ids
 * are BIGINT: text that cannot be one names nothing, rather than failing in the database.
 */
export async function programmeOwning(
  store: Store,
  thing: ProgrammeThing,
  id: string,
): Promise<string | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await store.db
    .selectFrom(TABLES[thing])
    .select('programme_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.programme_id ?? null;
}
