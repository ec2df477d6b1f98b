/**
 * A programme's verification samples, a page at a time, newest first: seed, population,
 * size and how many of its events are decided, verified and rejected. Sampled events and
 * their decisions are read under row-level security (store/caller-scope.ts), so the counts
 * are those of the events the caller may see. GET /samples/{sample} lists the events.
 */
import type { ExpressionBuilder } from 'kysely';
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';
import { type Page, type PageRequest, pageOf } from './page.js';
import type { ProviderScope } from './provider-scope.js';

export interface SampleListed {
  readonly id: string;
  readonly seed: string;
  /** Unverified provider events the sample was drawn from. */
  readonly population: number;
  readonly size: number;
  readonly decided: number;
  readonly rejected: number;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export async function listSamples(
  store: Store,
  programmeId: string,
  scope: ProviderScope,
  page: PageRequest,
): Promise<Page<SampleListed>> {
  const rows = await withCaller(store.db, scope.organisationId, (tx) => {
    let query = tx
      .selectFrom('verification_samples as s')
      .select((eb) => [
        's.id',
        's.seed',
        's.population',
        's.created_by',
        's.created_at',
        counted(eb, 'size'),
        counted(eb, 'decided'),
        counted(eb, 'rejected'),
      ])
      .where('s.programme_id', '=', programmeId)
      .orderBy('s.id', 'desc')
      .limit(page.limit + 1);
    if (page.cursor !== undefined) query = query.where('s.id', '<', page.cursor);
    return query.execute();
  });
  return pageOf(
    rows,
    page.limit,
    (r) => String(r.id),
    (r) => ({
      id: String(r.id),
      seed: r.seed,
      population: r.population,
      size: Number(r.size),
      decided: Number(r.decided),
      rejected: Number(r.rejected),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
    }),
  );
}

/** How many of the sample's events (those the caller sees) are drawn, decided, rejected. */
function counted(
  eb: ExpressionBuilder<Database & { s: Database['verification_samples'] }, 's'>,
  what: 'size' | 'decided' | 'rejected',
) {
  let query = eb
    .selectFrom('verification_sample_events as e')
    .select((inner) => inner.fn.countAll<string>().as('n'))
    .whereRef('e.sample_id', '=', 's.id');
  if (what === 'decided') query = query.where('e.decision', 'is not', null);
  if (what === 'rejected') query = query.where('e.decision', '=', 'rejected');
  return query.as(what);
}
