/**
 * Authorisation per organisation and role. Each route declares `config.roles` (or
 * `config.public`); a hook enforces it before the request is validated, so callers without
 * the right learn nothing from validation errors, and a route that declares neither is
 * refused to everyone. Programme routes also check that the caller's organisation takes part
 * in the programme, and answer 404 rather than 403 for programmes it does not.
 */
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '../services/identity.js';
import type { Store } from '../store/database.js';
import { forbidden, notFound, unauthorised } from './http-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    roles?: readonly Role[];
    public?: boolean;
  }
}

/** The preValidation check of every route. */
export function authorise(request: FastifyRequest): void {
  const config = request.routeOptions.config;
  if (config.public) return;
  if (!request.principal) throw unauthorised();
  if (!config.roles?.includes(request.principal.role)) throw forbidden();
}

/** The authenticated caller of a route that `authorise` has let through. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorised();
  return request.principal;
}

export async function assertInProgramme(
  store: Store,
  who: Principal,
  programmeId: string,
): Promise<void> {
  const programme = await store.db
    .selectFrom('programmes')
    .select('funder_id')
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) throw notFound(`programme ${programmeId}`);
  if (programme.funder_id === who.organisationId) return;
  const member = await store.db
    .selectFrom('programme_members')
    .select('organisation_id')
    .where('programme_id', '=', programmeId)
    .where('organisation_id', '=', who.organisationId)
    .executeTakeFirst();
  if (!member) throw notFound(`programme ${programmeId}`);
}

/** Things that belong to one programme, by the table that holds them. */
type ProgrammeOwned = 'evaluation_runs' | 'bills' | 'verification_samples';
const OWNED_NAMES: Record<ProgrammeOwned, string> = {
  evaluation_runs: 'run',
  bills: 'bill',
  verification_samples: 'sample',
};

/** Finds a run, bill or sample and checks the caller takes part in its programme. */
export async function assertOwnedInProgramme(
  store: Store,
  who: Principal,
  table: ProgrammeOwned,
  id: string,
): Promise<string> {
  const row = await store.db
    .selectFrom(table)
    .select('programme_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`${OWNED_NAMES[table]} ${id}`);
  await assertInProgramme(store, who, row.programme_id);
  return row.programme_id;
}
