/**
 * The one scoping rule for participant-level data: a provider sees and writes only its own
 * participants' rows; funders and verifiers see the whole programme. (Investors see no
 * participant-level data at all; the API's roles keep them out before this applies.)
 */
import type { Principal } from './identity.js';

export interface ProviderScope {
  /** When set, only this provider's participants. */
  readonly providerId?: string;
}

export function scopeOf(who: Principal): ProviderScope {
  return who.role === 'provider' ? { providerId: who.organisationId } : {};
}
