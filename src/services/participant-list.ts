/**
 * A programme's participants, a page at a time: keyset pagination by participant id, so a
 * page costs the same wherever it starts, within the caller's scope.
 */
import { withCaller } from '../store/caller-scope.js';
import type { Store } from '../store/database.js';
import type { ProviderScope } from './provider-scope.js';

export interface ParticipantRow {
  readonly participant_id: string;
  readonly provider_id: string;
  readonly enrolled_on: string;
}

export interface ParticipantPage {
  readonly participants: ParticipantRow[];
  /** The cursor for the next page (the last id of this one), or null after the last page. */
  readonly next: string | null;
}

/** Up to `limit` participants with ids after `after`, in id order. */
export async function listParticipants(
  store: Store,
  programmeId: string,
  scope: ProviderScope,
  page: {
    readonly after?: string | undefined;
    readonly limit: number;
    /** Only this provider's participants (a provider's scope wins over it). */
    readonly provider?: string | undefined;
  },
): Promise<ParticipantPage> {
  const provider = scope.providerId ?? page.provider;
  const rows = await withCaller(store.db, scope.organisationId, (tx) => {
    let query = tx
      .selectFrom('participants')
      .select(['participant_id', 'provider_id', 'enrolled_on'])
      .where('programme_id', '=', programmeId)
      .orderBy('participant_id')
      .limit(page.limit + 1);
    if (provider !== undefined) query = query.where('provider_id', '=', provider);
    if (page.after !== undefined) query = query.where('participant_id', '>', page.after);
    return query.execute();
  });
  const participants = rows.slice(0, page.limit);
  const more = rows.length > page.limit;
  return { participants, next: more ? (participants.at(-1)?.participant_id ?? null) : null };
}
