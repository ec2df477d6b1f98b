/**
 * Authorisation per organisation and role. Every route states which roles may call it;
 * programme routes also check that the caller's organisation takes part in the programme,
 * and answer 404 rather than 403 for programmes it does not, so ids are not probed.
 */
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '../services/identity.js';
import type { Store } from '../store/database.js';
import { forbidden, notFound, unauthorised } from './http-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function caller(request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = request.principal;
  if (!principal) throw unauthorised();
  if (!roles.includes(principal.role)) throw forbidden();
  return principal;
}

export async function assertInProgramme(
  store: Store,
  principal: Principal,
  programmeId: string,
): Promise<void> {
  const programme = await store.db
    .selectFrom('programmes')
    .select('funder_id')
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) throw notFound(`programme ${programmeId}`);
  if (programme.funder_id === principal.organisationId) return;
  const member = await store.db
    .selectFrom('programme_members')
    .select('organisation_id')
    .where('programme_id', '=', programmeId)
    .where('organisation_id', '=', principal.organisationId)
    .executeTakeFirst();
  if (!member) throw notFound(`programme ${programmeId}`);
}
