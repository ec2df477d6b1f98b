/**
 * The one scoping rule for participant-level data: a provider sees and writes only its own
 * participants' rows; funders and verifiers see the whole programme. (Investors see no
 * participant-level data at all; the API's roles keep them out before this applies.)
 * The same rule holds in the database for caller-scoped work (store/caller-scope.ts), keyed
 * on the caller's organisation, so a query that forgets `providerId` still sees no more.
 */
import type { Principal } from './identity.js';

export interface ProviderScope {
  /** The caller's organisation: the key of row-level security. */
  readonly organisationId: string;
  /** When set, only this provider's participants. */
  readonly providerId?: string;
}

export function scopeOf(who: Principal): ProviderScope {
  const organisationId = who.organisationId;
  return who.role === 'provider'
    ? { organisationId, providerId: organisationId }
    : { organisationId };
}
